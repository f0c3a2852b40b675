import { stationEntity } from '@yizhan/shared';
import { DeclaredForm } from '../declared/DeclaredForm';

/** The order of the station form's inputs; which input each one is follows from the declaration. */
const INPUTS = ['code', 'name', 'park', 'address', 'phone', 'openingHours', 'openedOn', 'serviceCategories', 'location', 'description'];

/** The one station form, used by Create and Edit alike. */
export function StationInputs({ mode }: { mode: 'create' | 'edit' }) {
  return <DeclaredForm entity={stationEntity} mode={mode} inputs={INPUTS} />;
}
