import { IdempotentCreate } from '../declared/IdempotentCreate';
import { ProjectInputs } from './ProjectInputs';

export function ProjectCreate() {
  return (
    <IdempotentCreate>
      <ProjectInputs mode="create" />
    </IdempotentCreate>
  );
}
