import { Edit } from 'react-admin';
import { EnterpriseInputs } from './EnterpriseInputs';

/** Pessimistic: the save waits for the API, so a conflict or a refused field leaves the form as the user typed it. */
export function EnterpriseEdit() {
  return (
    <Edit mutationMode="pessimistic" redirect="show">
      <EnterpriseInputs mode="edit" />
    </Edit>
  );
}
