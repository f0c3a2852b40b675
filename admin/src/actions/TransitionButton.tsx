import { type AnyEntity, actionFieldsOf, type EnumName, type Fields, writeControls } from '@yizhan/shared';
import { useMemo } from 'react';
import { useDataProvider, useRecordContext, useResourceContext, useTranslate } from 'react-admin';
import type { YizhanDataProvider } from '../dataProvider/dataProvider';
import { enumKey } from '../i18n/domain';
import { DeclaredActionButton } from './DeclaredActionButton';

/**
 * One status action of a record (`transitionX`): a button whose dialog takes the fields the
 * action takes (declared per action in `shared/`, e.g. the unit a request is dispatched to) and
 * a note, and sends the action at the version the record was read. Generic over the entity, so
 * every lifecycle (stations, enterprises, requests, approvals) uses the same button.
 */
export function TransitionButton({ entity, action }: { entity: AnyEntity; action: string }) {
  const record = useRecordContext();
  const resource = useResourceContext()!;
  const dataProvider = useDataProvider<YizhanDataProvider>();
  const translate = useTranslate();
  // The note last; an action that needs a reason (REJECT, RETURN…) declares its own, required.
  const fields: Fields = useMemo(() => {
    const own = actionFieldsOf(entity, action);
    return { ...own, note: own.note ?? writeControls.note };
  }, [entity, action]);
  if (!record) return null;
  const label = translate(enumKey(entity.lifecycle.actionEnum as EnumName, action), { _: action });
  const send = (input: Record<string, unknown>) => dataProvider.transition(resource, { id: record.id, action, expectedVersion: record.version, fields: input });
  return <DeclaredActionButton id={action} label={label} fields={fields} send={send} />;
}
