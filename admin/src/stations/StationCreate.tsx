import { IdempotentCreate } from '../declared/IdempotentCreate';
import { StationInputs } from './StationInputs';

export function StationCreate() {
  return (
    <IdempotentCreate>
      <StationInputs mode="create" />
    </IdempotentCreate>
  );
}
