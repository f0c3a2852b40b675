import { Button, Dialog, DialogActions, DialogContent, DialogTitle } from '@mui/material';
import { type Fields, type Locale, parseFields } from '@yizhan/shared';
import { useMemo, useState } from 'react';
import { Form, useGetRecordRepresentation, useLocaleState, useNotify, useRecordContext, useRefresh, useResourceContext, useTranslate } from 'react-admin';
import { inputOf } from '../dataProvider/resources';
import { FieldInput } from '../declared/DeclaredInput';
import { formErrors } from '../declared/validation';

/** A dialog's starting values: a yes/no starts as no, so leaving it alone answers it. */
function defaultsOf(fields: Fields): Record<string, unknown> {
  return Object.fromEntries(Object.entries(fields).flatMap(([name, field]) => (field.kind === 'boolean' ? [[name, false]] : [])));
}

/**
 * A button for one write on the record in view that opens a dialog with the fields the write
 * takes (declared in `shared/`), checks them as the API will, and sends them with `send`. The
 * status actions and an approval's own writes (materials supplied, joint checks) use it.
 */
export function DeclaredActionButton({
  id,
  label,
  fields,
  initial,
  send,
}: {
  /** Names the dialog for tests and assistive technology, e.g. the action. */
  id: string;
  label: string;
  fields: Fields;
  /** Values the dialog starts with besides the defaults (e.g. the materials still owed). */
  initial?: Record<string, unknown>;
  send: (input: Record<string, unknown>) => Promise<unknown>;
}) {
  const record = useRecordContext();
  const resource = useResourceContext()!;
  const representation = useGetRecordRepresentation(resource);
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const [locale] = useLocaleState();
  const [open, setOpen] = useState(false);
  const validate = useMemo(
    () => (values: Record<string, unknown>) => {
      const parsed = parseFields(fields, inputOf(fields, values), { mode: 'create', now: new Date() });
      return parsed.ok ? {} : formErrors(parsed.problems, locale as Locale);
    },
    [fields, locale],
  );
  if (!record) return null;
  const titleId = `action-${id}-title`;

  const confirm = async (values: Record<string, unknown>) => {
    try {
      await send(inputOf(fields, values));
      notify('yizhan.actions.done', { type: 'success', messageArgs: { action: label } });
      setOpen(false);
      refresh();
    } catch (error) {
      notify((error as Error).message, { type: 'error' });
    }
  };

  return (
    <>
      <Button size="small" variant="outlined" onClick={() => setOpen(true)}>
        {label}
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} aria-labelledby={titleId} fullWidth maxWidth="md">
        <Form onSubmit={confirm} validate={validate} record={{ ...defaultsOf(fields), ...initial }}>
          <DialogTitle id={titleId}>{translate('yizhan.actions.title', { action: label, record: String(representation(record)) })}</DialogTitle>
          <DialogContent>
            {Object.entries(fields).map(([name, field]) => (
              <FieldInput key={name} field={field} source={name} label={field.label[locale as Locale]} />
            ))}
          </DialogContent>
          <DialogActions>
            <Button onClick={() => setOpen(false)}>{translate('ra.action.cancel')}</Button>
            <Button type="submit" variant="contained">
              {translate('yizhan.actions.confirm', { action: label })}
            </Button>
          </DialogActions>
        </Form>
      </Dialog>
    </>
  );
}
