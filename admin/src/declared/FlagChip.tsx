import { Chip } from '@mui/material';
import type { AnyEntity, Locale } from '@yizhan/shared';
import { useLocaleState, useRecordContext } from 'react-admin';
import { fieldAt } from './fieldAt';

/** A yes/no that marks a record (拿地即开工, pre-review) as a chip with the field's label, shown only when it holds. */
export function FlagChip({ entity, source }: { entity: AnyEntity; source: string; label?: string; sortable?: boolean }) {
  const record = useRecordContext();
  const [locale] = useLocaleState();
  if (record?.[source] !== true) return null;
  return <Chip size="small" color="secondary" label={fieldAt(entity, source).label[locale as Locale]} />;
}
