import { Edit } from 'react-admin';
import { ProjectInputs } from './ProjectInputs';

/** Pessimistic: the save waits for the API, so a conflict or a refused field leaves the form as the user typed it. */
export function ProjectEdit() {
  return (
    <Edit mutationMode="pessimistic" redirect="show">
      <ProjectInputs mode="edit" />
    </Edit>
  );
}
