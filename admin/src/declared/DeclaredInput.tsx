import { Box, Typography } from '@mui/material';
import type { AnyEntity, Field, Locale } from '@yizhan/shared';
import {
  ArrayInput,
  AutocompleteInput,
  BooleanInput,
  DateInput,
  DateTimeInput,
  NumberInput,
  ReferenceInput,
  SelectArrayInput,
  SelectInput,
  SimpleFormIterator,
  TextInput,
  useLocaleState,
  useResourceContext,
  useTranslate,
} from 'react-admin';
import { enumChoices } from '../i18n/domain';
import { fieldAt } from './fieldAt';
import { resourceOfEntity } from './references';

const searchByText = (text: string) => (text ? { q: text } : {});

/**
 * The input for a field declaration: its kind decides the input, its enum the choices, its
 * reference the autocomplete. Without `label`, react-admin labels it from the resource's
 * translations (`resources.<resource>.fields.<source>`).
 */
export function FieldInput({ field, source, label }: { field: Field; source: string; label?: string }) {
  const resource = useResourceContext();
  const [locale] = useLocaleState();
  /** Inside an object, a labelled input (a dialog's) labels its parts from their declarations too. */
  const partLabel = (part: Field) => (label === undefined ? undefined : part.label[locale as Locale]);
  const common = { source, label, fullWidth: true };
  switch (field.kind) {
    case 'text':
      return <TextInput {...common} multiline={field.multiline === true} minRows={field.multiline ? 3 : undefined} />;
    case 'id':
      if (field.references && resourceOfEntity[field.references]) {
        return (
          <ReferenceInput source={source} reference={resourceOfEntity[field.references]!}>
            <AutocompleteInput filterToQuery={searchByText} label={label ?? `resources.${resource}.fields.${source}`} fullWidth />
          </ReferenceInput>
        );
      }
      return <TextInput {...common} />;
    case 'date':
      return <DateInput {...common} />;
    case 'dateTime':
      return <DateTimeInput {...common} />;
    case 'integer':
      return <NumberInput {...common} step={1} />;
    case 'decimal':
      return <NumberInput {...common} />;
    case 'boolean':
      return <BooleanInput source={source} label={label} />;
    case 'enum':
      return <SelectInput {...common} choices={enumChoices(field.enumName)} />;
    case 'enumList':
      return <SelectArrayInput {...common} choices={enumChoices(field.enumName)} />;
    case 'idList':
      return <TextInput {...common} />;
    case 'object':
      // Without a label the entity's form lays the object out itself (`DeclaredInput`).
      if (label === undefined) return null;
      return (
        <Box component="fieldset" sx={{ border: 0, p: 0, m: 0, width: '100%' }}>
          <Typography component="legend" variant="subtitle2" sx={{ mb: 1 }}>
            {label}
          </Typography>
          <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap' }}>
            {Object.entries(field.shape.fields).map(([name, nested]) => (
              <Box key={name} sx={{ flex: '1 1 200px' }}>
                <FieldInput field={nested} source={`${source}.${name}`} label={partLabel(nested)} />
              </Box>
            ))}
          </Box>
        </Box>
      );
    case 'objectList':
      return (
        <ArrayInput source={source} label={label}>
          <SimpleFormIterator inline>
            {Object.entries(field.shape.fields).map(([name, nested]) => (
              <Box key={name}>
                <FieldInput field={nested} source={name} label={partLabel(nested)} />
              </Box>
            ))}
          </SimpleFormIterator>
        </ArrayInput>
      );
  }
}

/**
 * The input for a field of an entity (`shared/` decides its kind, choices and reference); an
 * object field (a contact person) shows its own fields under a heading. Checks come from the
 * form's validator.
 */
export function DeclaredInput({ entity, source }: { entity: AnyEntity; source: string }) {
  const resource = useResourceContext();
  const translate = useTranslate();
  const field = fieldAt(entity, source);
  if (field.kind === 'object') {
    return (
      <Box component="fieldset" sx={{ border: 0, p: 0, m: 0, width: '100%' }}>
        <Typography component="legend" variant="subtitle2" sx={{ mb: 1 }}>
          {translate(`resources.${resource}.fields.${source}`)}
        </Typography>
        <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap' }}>
          {Object.keys(field.shape.fields).map((name) => (
            <Box key={name} sx={{ flex: '1 1 240px' }}>
              <DeclaredInput entity={entity} source={`${source}.${name}`} />
            </Box>
          ))}
        </Box>
      </Box>
    );
  }
  return <FieldInput field={field} source={source} />;
}
