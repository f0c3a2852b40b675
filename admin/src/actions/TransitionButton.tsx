import { Button, Dialog, DialogActions, DialogContent, DialogTitle, TextField as MuiTextField } from '@mui/material';
import type { AnyEntity, EnumName } from '@yizhan/shared';
import { useState } from 'react';
import { useDataProvider, useNotify, useRecordContext, useRefresh, useResourceContext, useTranslate } from 'react-admin';
import type { YizhanDataProvider } from '../dataProvider/dataProvider';
import { enumKey } from '../i18n/domain';

/**
 * One status action of a record (`transitionX`): a button that asks for confirmation and an
 * optional note, then sends the action at the version the record was read. Generic over the
 * entity, so every lifecycle (stations, enterprises, requests, approvals) uses the same button.
 */
export function TransitionButton({ entity, action }: { entity: AnyEntity; action: string }) {
  const record = useRecordContext();
  const resource = useResourceContext()!;
  const dataProvider = useDataProvider<YizhanDataProvider>();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState('');
  const [sending, setSending] = useState(false);
  if (!record) return null;
  const actionLabel = translate(enumKey(entity.lifecycle.actionEnum as EnumName, action), { _: action });
  const recordLabel = String(record.name ?? record.id);
  const close = () => {
    setOpen(false);
    setNote('');
  };
  const confirm = async () => {
    setSending(true);
    try {
      await dataProvider.transition(resource, { id: record.id, action, expectedVersion: record.version, note: note.trim() || undefined });
      notify('yizhan.actions.done', { type: 'success', messageArgs: { action: actionLabel } });
      close();
      refresh();
    } catch (error) {
      notify((error as Error).message, { type: 'error' });
    } finally {
      setSending(false);
    }
  };
  const titleId = `transition-${action}-title`;
  return (
    <>
      <Button size="small" variant="outlined" onClick={() => setOpen(true)}>
        {actionLabel}
      </Button>
      <Dialog open={open} onClose={close} aria-labelledby={titleId} fullWidth maxWidth="sm">
        <DialogTitle id={titleId}>{translate('yizhan.actions.title', { action: actionLabel, record: recordLabel })}</DialogTitle>
        <DialogContent>
          <MuiTextField
            label={translate('yizhan.actions.note')}
            value={note}
            onChange={(event) => setNote(event.target.value)}
            multiline
            minRows={2}
            fullWidth
            margin="dense"
            slotProps={{ htmlInput: { maxLength: 500 } }}
          />
        </DialogContent>
        <DialogActions>
          <Button onClick={close}>{translate('ra.action.cancel')}</Button>
          <Button onClick={confirm} variant="contained" disabled={sending}>
            {translate('yizhan.actions.confirm', { action: actionLabel })}
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
}
