import { type AnyEntity, type EnumName, fieldOf } from '@yizhan/shared';
import type { ReactElement, ReactNode } from 'react';
import {
  AutocompleteArrayInput,
  CreateButton,
  Datagrid,
  DateInput,
  ExportButton,
  FilterButton,
  List,
  NullableBooleanInput,
  ReferenceArrayInput,
  SearchInput,
  SelectArrayInput,
  TopToolbar,
} from 'react-admin';
import { declaredExporter } from '../csv/declaredExporter';
import { defaultSortOf, sortableFields } from '../dataProvider/resources';
import { enumChoices } from '../i18n/domain';
import { DeclaredField } from './DeclaredField';

const searchByText = (text: string) => (text ? { q: text } : {});

/**
 * The inputs of a list's filters, one per filter the entity declares (the search box first, then
 * in the declaration's order), those named in `alwaysOn` shown at once, the others offered by
 * the filter button. Filters by enterprise or project are for related lists, not offered here.
 */
export function declaredFilters(entity: AnyEntity, alwaysOn: readonly string[]): ReactElement[] {
  const inputs = Object.entries(entity.filters).flatMap(([source, filter]) => {
    const shown = alwaysOn.includes(source);
    switch (filter.kind) {
      case 'search':
        return [<SearchInput key={source} source={source} alwaysOn />];
      case 'in':
      case 'anyOf': {
        const field = fieldOf(entity, filter.field);
        const enumName = (field.kind === 'enum' || field.kind === 'enumList' ? field.enumName : undefined) as EnumName;
        return [<SelectArrayInput key={source} source={source} choices={enumChoices(enumName)} alwaysOn={shown} />];
      }
      case 'scope':
        return [
          <ReferenceArrayInput key={source} source={source} reference="stations" alwaysOn={shown}>
            <AutocompleteArrayInput filterToQuery={searchByText} label={`resources.${entity.plural}.fields.${source}`} />
          </ReferenceArrayInput>,
        ];
      case 'from':
      case 'to':
        return [<DateInput key={source} source={source} alwaysOn={shown} />];
      case 'overdue':
        return [<NullableBooleanInput key={source} source={source} alwaysOn={shown} />];
      default:
        return [];
    }
  });
  return inputs.sort((a, b) => Number(b.type === SearchInput) - Number(a.type === SearchInput));
}

/** The columns of a list, one per declared field; only those the API can sort by offer sorting. */
export function columnsOf(entity: AnyEntity): (source: string) => ReactElement {
  const sortable = new Set(sortableFields(entity));
  return (source) => <DeclaredField key={source} entity={entity} source={source} sortable={sortable.has(source)} />;
}

/** A list's toolbar: what the list adds first (views, import), then filters, create and export. */
function DeclaredListActions({ children }: { children?: ReactNode }) {
  return (
    <TopToolbar sx={{ width: '100%', justifyContent: 'flex-end' }}>
      {children}
      <FilterButton />
      <CreateButton />
      <ExportButton />
    </TopToolbar>
  );
}

/**
 * The list of a declared entity: its filters, in its default order, exported as CSV, a row
 * opening the record; `columns` are the Datagrid's, `actions` come before the usual buttons.
 */
export function DeclaredList({ entity, filters, actions, children }: { entity: AnyEntity; filters: ReactElement[]; actions?: ReactNode; children: ReactNode }) {
  return (
    <List filters={filters} actions={<DeclaredListActions>{actions}</DeclaredListActions>} sort={defaultSortOf(entity)} exporter={declaredExporter(entity)} perPage={25}>
      <Datagrid rowClick="show" bulkActionButtons={false}>
        {children}
      </Datagrid>
    </List>
  );
}
