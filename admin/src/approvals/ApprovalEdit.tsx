import { Edit } from 'react-admin';
import { ApprovalInputs } from './ApprovalInputs';

/** Pessimistic: the save waits for the API, so a conflict or a refused field leaves the form as the user typed it. */
export function ApprovalEdit() {
  return (
    <Edit mutationMode="pessimistic" redirect="show">
      <ApprovalInputs mode="edit" />
    </Edit>
  );
}
