import { Chip, Stack } from '@mui/material';
import type { EnumName } from '@yizhan/shared';
import { useFieldValue, useTranslate } from 'react-admin';
import { enumKey } from '../i18n/domain';

/** An enum value (or list of values) as chips with the member's label in the user's language. */
export function EnumField({ source, enumName }: { source: string; enumName: EnumName; label?: string; sortable?: boolean }) {
  const translate = useTranslate();
  const value = useFieldValue({ source }) as string | string[] | null | undefined;
  if (value === null || value === undefined) return null;
  const values = Array.isArray(value) ? value : [value];
  return (
    <Stack direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: 'wrap' }}>
      {values.map((item) => (
        <Chip key={item} size="small" label={translate(enumKey(enumName, item), { _: item })} />
      ))}
    </Stack>
  );
}
