import type { AnyEntity, Locale } from '@yizhan/shared';
import { useMemo } from 'react';
import { SimpleForm, useLocaleState } from 'react-admin';
import { DeclaredInput } from './DeclaredInput';
import { entityValidator } from './validation';

/**
 * A form of declared inputs in the order given, validated on the client by the declaration the
 * API checks against, in the user's language. Create and Edit of a resource share one.
 */
export function DeclaredForm({ entity, mode, inputs }: { entity: AnyEntity; mode: 'create' | 'edit'; inputs: readonly string[] }) {
  const [locale] = useLocaleState();
  const validate = useMemo(() => entityValidator(entity, mode, locale as Locale), [entity, mode, locale]);
  return (
    <SimpleForm validate={validate} mode="onBlur" reValidateMode="onChange" sx={{ maxWidth: 760 }}>
      {inputs.map((source) => (
        <DeclaredInput key={source} entity={entity} source={source} />
      ))}
    </SimpleForm>
  );
}
