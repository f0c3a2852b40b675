import { SecondaryIndex, TableKey } from '@yizhan/shared';
import { describe, expect, it } from 'vitest';
import { SEARCH_TEXT_ATTRIBUTE, withoutKeys } from './keys';

/** An item as the SDK gives it: built one attribute at a time, the record's attributes among the keys. */
function itemOf(record: Record<string, unknown>, keys: Record<string, string>): Record<string, unknown> {
  const item: Record<string, unknown> = {};
  for (const [name, value] of Object.entries({ ...keys, ...record })) item[name] = value;
  return item;
}

const tableKeys = { [TableKey.partitionKey]: 'ServiceRequest#R1', [TableKey.sortKey]: 'ServiceRequest', [SEARCH_TEXT_ATTRIBUTE]: 'text' };
const dueKeys = { [SecondaryIndex.CollectionB.partitionKey]: 'ServiceRequest', [SecondaryIndex.CollectionB.sortKey]: '2026-12-03' };

describe('withoutKeys', () => {
  it('gives the record without the table, index and search attributes', () => {
    // Prepare
    const record = { id: 'R1', status: 'SIGNED', dueAt: '2026-12-03', requester: { name: '罗经理' }, reply: null };
    // Act
    const copies = [1, 2, 3].map(() => withoutKeys(itemOf(record, { ...tableKeys, ...dueKeys })));
    // Assess
    for (const copy of copies) expect(copy).toStrictEqual(record);
  });

  it('tells apart items with as many attributes but different ones', () => {
    // Prepare: the same number of attributes, one of them a key in the first and a field in the second.
    const open = itemOf({ id: 'R2', status: 'SIGNED' }, { ...tableKeys, ...dueKeys });
    const other = itemOf({ id: 'R3', status: 'CLOSED', closedAt: '2026-11-30' }, { ...tableKeys, [SecondaryIndex.CollectionB.partitionKey]: 'ServiceRequest' });
    expect(Object.keys(open)).toHaveLength(Object.keys(other).length);
    // Act
    const records = [withoutKeys(open), withoutKeys(other), withoutKeys(open)];
    // Assess
    expect(records).toStrictEqual([
      { id: 'R2', status: 'SIGNED' },
      { id: 'R3', status: 'CLOSED', closedAt: '2026-11-30' },
      { id: 'R2', status: 'SIGNED' },
    ]);
  });

  it('tells apart an attribute from a property every object inherits', () => {
    // Prepare: as many attributes, one of them named like an inherited property.
    const named = itemOf({ id: 'R4', toString: 'text' }, tableKeys);
    const other = itemOf({ id: 'R5', status: 'SIGNED' }, tableKeys);
    // Act
    const records = [withoutKeys<Record<string, unknown>>(named), withoutKeys<Record<string, unknown>>(other)];
    // Assess
    const expected: Record<string, unknown>[] = [
      { id: 'R4', toString: 'text' },
      { id: 'R5', status: 'SIGNED' },
    ];
    expect(records).toStrictEqual(expected);
  });

  it('keeps an attribute named like a prototype as a plain attribute', () => {
    // Prepare
    const item = JSON.parse('{"pk": "X#1", "id": "1", "__proto__": {"polluted": true}}') as Record<string, unknown>;
    // Act
    const record = withoutKeys<Record<string, unknown>>(item);
    // Assess
    expect(Object.getPrototypeOf(record)).toBe(Object.prototype);
    expect(Object.keys(record)).toEqual(['id', '__proto__']);
    expect((record as { polluted?: boolean }).polluted).toBeUndefined();
  });
});
