import { type ReactNode, useState } from 'react';
import { Create } from 'react-admin';

/** A create page whose form sends one request id however often it is submitted, so a double click or a retry creates the record once. */
export function IdempotentCreate({ children }: { children: ReactNode }) {
  const [clientRequestId] = useState(() => crypto.randomUUID());
  return (
    <Create redirect="show" transform={(data) => ({ ...data, clientRequestId })}>
      {children}
    </Create>
  );
}
