import type { AnyEntity, Locale } from '@yizhan/shared';
import { useMemo } from 'react';
import { FormDataConsumer, SimpleForm, useLocaleState } from 'react-admin';
import { DeclaredInput } from './DeclaredInput';
import { entityValidator } from './validation';

/** The inputs of a form, in order: a fixed list, or one that follows what was chosen so far (a request's channel). */
export type FormInputs = readonly string[] | ((values: Readonly<Record<string, unknown>>) => readonly string[]);

/**
 * A form of declared inputs in the order given, validated on the client by the declaration the
 * API checks against, in the user's language. Create and Edit of a resource share one.
 */
export function DeclaredForm({ entity, mode, inputs, defaultValues }: { entity: AnyEntity; mode: 'create' | 'edit'; inputs: FormInputs; defaultValues?: Record<string, unknown> }) {
  const [locale] = useLocaleState();
  const validate = useMemo(() => entityValidator(entity, mode, locale as Locale), [entity, mode, locale]);
  const render = (sources: readonly string[]) => sources.map((source) => <DeclaredInput key={source} entity={entity} source={source} />);
  return (
    <SimpleForm validate={validate} mode="onBlur" reValidateMode="onChange" sx={{ maxWidth: 760 }} defaultValues={defaultValues}>
      {typeof inputs === 'function' ? <FormDataConsumer>{({ formData }) => render(inputs(formData))}</FormDataConsumer> : render(inputs)}
    </SimpleForm>
  );
}
