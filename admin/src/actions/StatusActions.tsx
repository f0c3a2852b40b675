import { Stack } from '@mui/material';
import type { AnyEntity } from '@yizhan/shared';
import { useCanAccess, useRecordContext, useResourceContext } from 'react-admin';
import { TransitionButton } from './TransitionButton';

/** The status actions the API offers the viewer on this record now (`availableActions`), one button each. */
export function StatusActions({ entity }: { entity: AnyEntity }) {
  const record = useRecordContext();
  const resource = useResourceContext();
  const { canAccess } = useCanAccess({ action: 'transition', resource, record });
  const actions = (record?.availableActions ?? []) as string[];
  if (!canAccess || actions.length === 0) return null;
  return (
    <Stack direction="row" spacing={1}>
      {actions.map((action) => (
        <TransitionButton key={action} entity={entity} action={action} />
      ))}
    </Stack>
  );
}
