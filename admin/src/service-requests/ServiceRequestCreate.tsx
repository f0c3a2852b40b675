import { IdempotentCreate } from '../declared/IdempotentCreate';
import { ServiceRequestInputs } from './ServiceRequestInputs';

export function ServiceRequestCreate() {
  return (
    <IdempotentCreate>
      <ServiceRequestInputs mode="create" />
    </IdempotentCreate>
  );
}
