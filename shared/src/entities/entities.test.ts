import { describe, expect, it } from 'vitest';
import { enums } from '../enums';
import { type AnyEntity, fieldOf, filterShape, parseSort, sortValues } from '../fields/entity';
import type { Field, Fields } from '../fields/field';
import { locales } from '../labels';
import { enterpriseEntity } from './enterprise.entity';
import { stationEntity } from './station.entity';

const entities: readonly AnyEntity[] = [stationEntity, enterpriseEntity];

function everyField(fields: Fields, prefix = ''): [string, Field][] {
  return Object.entries(fields).flatMap(([name, field]) => {
    const path = `${prefix}${name}`;
    const nested = field.kind === 'object' || field.kind === 'objectList' ? everyField(field.shape.fields, `${path}.`) : [];
    return [[path, field] as [string, Field], ...nested];
  });
}

describe.each(entities.map((entity) => [entity.name, entity] as const))('the %s declaration', (_name, entity) => {
  it('labels every field in every locale', () => {
    for (const [path, field] of everyField(entity.fields)) {
      for (const locale of locales) expect(field.label[locale]?.trim(), `${path} ${locale}`).toBeTruthy();
    }
  });

  it('filters and sorts on fields it has, with members of the named enums as defaults', () => {
    for (const filter of Object.values(entity.filters)) {
      if ('field' in filter) expect(() => fieldOf(entity, filter.field)).not.toThrow();
    }
    for (const order of Object.values(entity.orders)) expect(() => fieldOf(entity, order.field)).not.toThrow();
    for (const [path, field] of everyField(entity.fields)) {
      if (field.kind === 'enum' && field.default !== undefined) expect(Object.values(enums[field.enumName]), path).toContain(field.default);
    }
  });

  it('offers each order both ways, the default among them', () => {
    const sorts = sortValues(entity);
    expect(sorts).toHaveLength(Object.keys(entity.orders).length * 2);
    expect(sorts).toContain(entity.defaultSort);
    expect(parseSort(entity, entity.defaultSort).order in entity.orders).toBe(true);
  });

  it('derives a filter shape whose fields are all optional', () => {
    const shape = filterShape(entity);
    expect(Object.keys(shape.fields).sort()).toEqual(Object.keys(entity.filters).sort());
    expect(Object.values(shape.fields).every((field) => !field.required)).toBe(true);
  });

  it('names existing states as editable and public', () => {
    const states = entity.lifecycle.machine.states as readonly string[];
    for (const state of [...(entity.lifecycle.editableIn ?? []), ...(entity.publicWhen?.status ?? [])]) expect(states).toContain(state);
  });
});
