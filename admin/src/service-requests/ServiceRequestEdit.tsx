import { Edit } from 'react-admin';
import { ServiceRequestInputs } from './ServiceRequestInputs';

/** Pessimistic: the save waits for the API, so a conflict or a refused field leaves the form as the user typed it. */
export function ServiceRequestEdit() {
  return (
    <Edit mutationMode="pessimistic" redirect="show">
      <ServiceRequestInputs mode="edit" />
    </Edit>
  );
}
