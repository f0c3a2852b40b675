import { Box, Typography } from '@mui/material';
import type { AnyEntity, Field } from '@yizhan/shared';
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
  useResourceContext,
  useTranslate,
} from 'react-admin';
import { enumChoices } from '../i18n/domain';
import { fieldAt } from './fieldAt';
import { resourceOfEntity } from './references';

const searchByText = (text: string) => (text ? { q: text } : {});

function inputFor(field: Field, source: string, resource: string | undefined) {
  switch (field.kind) {
    case 'text':
      return <TextInput source={source} multiline={field.multiline === true} minRows={field.multiline ? 3 : undefined} fullWidth />;
    case 'id':
      if (field.references && resourceOfEntity[field.references]) {
        return (
          <ReferenceInput source={source} reference={resourceOfEntity[field.references]!}>
            <AutocompleteInput filterToQuery={searchByText} label={`resources.${resource}.fields.${source}`} fullWidth />
          </ReferenceInput>
        );
      }
      return <TextInput source={source} fullWidth />;
    case 'date':
      return <DateInput source={source} fullWidth />;
    case 'dateTime':
      return <DateTimeInput source={source} fullWidth />;
    case 'integer':
      return <NumberInput source={source} step={1} fullWidth />;
    case 'decimal':
      return <NumberInput source={source} fullWidth />;
    case 'boolean':
      return <BooleanInput source={source} />;
    case 'enum':
      return <SelectInput source={source} choices={enumChoices(field.enumName)} fullWidth />;
    case 'enumList':
      return <SelectArrayInput source={source} choices={enumChoices(field.enumName)} fullWidth />;
    case 'idList':
      return <TextInput source={source} />;
    case 'object':
      return null;
    case 'objectList':
      return (
        <ArrayInput source={source}>
          <SimpleFormIterator inline>
            {Object.entries(field.shape.fields).map(([name, nested]) => (
              <Box key={name}>{inputFor(nested, name, resource)}</Box>
            ))}
          </SimpleFormIterator>
        </ArrayInput>
      );
  }
}

/**
 * The input for a declared field (`shared/` decides its kind, choices and reference); an object
 * field (a contact person) shows its own fields under a heading. Labels come from the
 * resource's translations, checks from the form's validator.
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
  return inputFor(field, source, resource);
}
