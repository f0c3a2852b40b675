import { type AnyEntity, type Field, fieldOf } from '@yizhan/shared';

/** The field declaration at a path: a field of the entity, or one inside an object field (`steward.phone`). */
export function fieldAt(entity: AnyEntity, source: string): Field {
  const [head, ...rest] = source.split('.');
  let field = fieldOf(entity, head!);
  for (const part of rest) {
    if (field.kind !== 'object' && field.kind !== 'objectList') throw new RangeError(`${source} is not inside an object`);
    field = field.shape.fields[part]!;
  }
  return field;
}
