import { IdempotentCreate } from '../declared/IdempotentCreate';
import { ApprovalInputs } from './ApprovalInputs';

export function ApprovalCreate() {
  return (
    <IdempotentCreate>
      <ApprovalInputs mode="create" />
    </IdempotentCreate>
  );
}
