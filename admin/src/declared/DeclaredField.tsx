import type { AnyEntity } from '@yizhan/shared';
import type { ReactElement } from 'react';
import { BooleanField, DateField, NumberField, ReferenceField, TextField, useLocaleState } from 'react-admin';
import { EnumField } from './EnumField';
import { fieldAt } from './fieldAt';
import { resourceOfEntity } from './references';

/**
 * The display of a declared field: dates and numbers in the user's locale, enum members by
 * label, references as links. Takes react-admin's field props (label, sortable) through.
 */
export function DeclaredField({ entity, source, ...props }: { entity: AnyEntity; source: string; label?: string; sortable?: boolean }) {
  const [locale] = useLocaleState();
  const field = fieldAt(entity, source);
  switch (field.kind) {
    case 'date':
      return <DateField source={source} locales={locale} {...props} />;
    case 'dateTime':
      return <DateField source={source} locales={locale} showTime {...props} />;
    case 'integer':
    case 'decimal':
      return <NumberField source={source} locales={locale} {...props} />;
    case 'boolean':
      return <BooleanField source={source} {...props} />;
    case 'enum':
    case 'enumList':
      return <EnumField source={source} enumName={field.enumName} {...props} />;
    case 'id':
      if (field.references && resourceOfEntity[field.references]) {
        return <ReferenceField source={source} reference={resourceOfEntity[field.references]!} link="show" {...props} />;
      }
      return <TextField source={source} {...props} />;
    default:
      return <TextField source={source} {...props} />;
  }
}

/** The fields of a show page, one per declared field of `entity`, by path. */
export function declaredFields(entity: AnyEntity): (source: string) => ReactElement {
  return (source) => <DeclaredField key={source} entity={entity} source={source} />;
}
