import { enterpriseEntity } from '@yizhan/shared';
import { DeclaredForm } from '../declared/DeclaredForm';

/** The order of the enterprise form's inputs; which input each one is follows from the declaration. */
const INPUTS = [
  'creditCode',
  'name',
  'legalRepresentative',
  'industry',
  'stationId',
  'address',
  'establishedOn',
  'registeredCapital',
  'employees',
  'tags',
  'creditStatus',
  'registeredViaStation',
  'steward',
  'contact',
];

/** The one enterprise form, used by Create and Edit alike. */
export function EnterpriseInputs({ mode }: { mode: 'create' | 'edit' }) {
  return <DeclaredForm entity={enterpriseEntity} mode={mode} inputs={INPUTS} />;
}
