import { Button, Dialog, DialogActions, DialogContent, DialogTitle } from '@mui/material';
import { type AnyEntity, actionFieldsOf, type EnumName, type Fields, type Locale, parseFields, writeControls } from '@yizhan/shared';
import { useMemo, useState } from 'react';
import { Form, useDataProvider, useLocaleState, useNotify, useRecordContext, useRefresh, useResourceContext, useTranslate } from 'react-admin';
import type { YizhanDataProvider } from '../dataProvider/dataProvider';
import { inputOf } from '../dataProvider/resources';
import { FieldInput } from '../declared/DeclaredInput';
import { formErrors } from '../declared/validation';
import { enumKey } from '../i18n/domain';

/**
 * One status action of a record (`transitionX`): a button that opens a dialog with the fields
 * the action takes (declared per action in `shared/`, e.g. the unit a request is dispatched to)
 * and a note, checks them as the API will, and sends the action at the version the record was
 * read. Generic over the entity, so every lifecycle (stations, enterprises, requests, approvals)
 * uses the same button.
 */
export function TransitionButton({ entity, action }: { entity: AnyEntity; action: string }) {
  const record = useRecordContext();
  const resource = useResourceContext()!;
  const dataProvider = useDataProvider<YizhanDataProvider>();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const [locale] = useLocaleState();
  const [open, setOpen] = useState(false);
  const fields: Fields = useMemo(() => ({ ...actionFieldsOf(entity, action), note: writeControls.note }), [entity, action]);
  const validate = useMemo(
    () => (values: Record<string, unknown>) => {
      const parsed = parseFields(fields, inputOf(fields, values), { mode: 'create', now: new Date() });
      return parsed.ok ? {} : formErrors(parsed.problems, locale as Locale);
    },
    [fields, locale],
  );
  if (!record) return null;
  const actionLabel = translate(enumKey(entity.lifecycle.actionEnum as EnumName, action), { _: action });
  const titleId = `transition-${action}-title`;

  const confirm = async (values: Record<string, unknown>) => {
    try {
      await dataProvider.transition(resource, { id: record.id, action, expectedVersion: record.version, fields: inputOf(fields, values) });
      notify('yizhan.actions.done', { type: 'success', messageArgs: { action: actionLabel } });
      setOpen(false);
      refresh();
    } catch (error) {
      notify((error as Error).message, { type: 'error' });
    }
  };

  return (
    <>
      <Button size="small" variant="outlined" onClick={() => setOpen(true)}>
        {actionLabel}
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} aria-labelledby={titleId} fullWidth maxWidth="sm">
        <Form onSubmit={confirm} validate={validate} record={{}}>
          <DialogTitle id={titleId}>{translate('yizhan.actions.title', { action: actionLabel, record: String(record.name ?? record.id) })}</DialogTitle>
          <DialogContent>
            {Object.entries(fields).map(([name, field]) => (
              <FieldInput key={name} field={field} source={name} label={field.label[locale as Locale]} />
            ))}
          </DialogContent>
          <DialogActions>
            <Button onClick={() => setOpen(false)}>{translate('ra.action.cancel')}</Button>
            <Button type="submit" variant="contained">
              {translate('yizhan.actions.confirm', { action: actionLabel })}
            </Button>
          </DialogActions>
        </Form>
      </Dialog>
    </>
  );
}
