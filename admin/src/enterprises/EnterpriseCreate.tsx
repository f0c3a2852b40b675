import { IdempotentCreate } from '../declared/IdempotentCreate';
import { EnterpriseInputs } from './EnterpriseInputs';

export function EnterpriseCreate() {
  return (
    <IdempotentCreate>
      <EnterpriseInputs mode="create" />
    </IdempotentCreate>
  );
}
