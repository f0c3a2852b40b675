import { Edit } from 'react-admin';
import { StationInputs } from './StationInputs';

/** Pessimistic: the save waits for the API, so a conflict or a refused field leaves the form as the user typed it. */
export function StationEdit() {
  return (
    <Edit mutationMode="pessimistic" redirect="show">
      <StationInputs mode="edit" />
    </Edit>
  );
}
