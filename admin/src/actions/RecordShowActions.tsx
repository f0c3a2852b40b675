import type { AnyEntity } from '@yizhan/shared';
import { EditButton, TopToolbar } from 'react-admin';
import { StatusActions } from './StatusActions';

/** A show page's toolbar: the record's status actions, then its edit button (each shown only to those who may use it). */
export function RecordShowActions({ entity }: { entity: AnyEntity }) {
  return (
    <TopToolbar sx={{ alignItems: 'center', gap: 1 }}>
      <StatusActions entity={entity} />
      <EditButton />
    </TopToolbar>
  );
}
