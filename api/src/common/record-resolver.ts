import {
  type AnyEntity,
  editableFields,
  enumOf,
  enums,
  type Field,
  type Fields,
  filterShape,
  Role,
  sortValues,
  writeControls,
} from '@yizhan/shared';
import {
  Arg,
  Args,
  Authorized,
  type ClassType,
  Ctx,
  FieldResolver,
  ID,
  Mutation,
  Query,
  Resolver,
  Root,
  registerEnumType,
} from 'type-graphql';
import { Access, type AccessRule, ALL_ROLES } from '../auth/access';
import type { Context } from '../context';
import type { Services } from '../services';
import { type Connection, connectionType, PageArgs } from './connection';
import { entityTypeOf, filterTypeOf, inputTypeOf, statusField } from './declared-types';
import type { Page, Paging } from './page';
import type { CreateCommand, DeleteCommand, RecordService, TransitionCommand, UpdateCommand } from './record-service';

/** The GraphQL face of a declared entity: its type, connection, inputs and root operations. */
export interface RecordSchema {
  readonly type: ClassType;
  readonly connection: ClassType<Connection<object>> & { of(page: Page<object>): Connection<object> };
  readonly filter: ClassType;
  readonly sort: Record<string, string>;
  /** The resolver class of the record path (queries, create/update/transition/delete, availableActions). */
  readonly resolver: ClassType;
}

function lowerFirst(name: string): string {
  return `${name.charAt(0).toLowerCase()}${name.slice(1)}`;
}

/**
 * The fields of every action, for the one transition input: each says which actions take it.
 * `note` is the input's own field; an action that requires it says so in its description.
 */
function actionFieldsOfAll(entity: AnyEntity): Fields {
  const merged: Record<string, Field> = {};
  const usedBy = new Map<string, string[]>();
  for (const [action, fields] of Object.entries((entity.lifecycle.actionFields ?? {}) as Record<string, Fields>)) {
    for (const [name, field] of Object.entries(fields)) {
      merged[name] ??= field;
      usedBy.set(name, [...(usedBy.get(name) ?? []), `${action}${field.required ? ' (required)' : ''}`]);
    }
  }
  const described: Record<string, Field> = {};
  for (const [name, field] of Object.entries(merged)) {
    if (name === 'note') continue;
    described[name] = { ...field, required: false, description: [`For ${usedBy.get(name)!.join(', ')}.`, field.description].filter(Boolean).join(' ') };
  }
  return described;
}

/** The transition's note, saying which actions require one (as their reason). */
function noteOf(entity: AnyEntity): Field {
  const requiredBy = Object.entries((entity.lifecycle.actionFields ?? {}) as Record<string, Fields>)
    .filter(([, fields]) => fields.note?.required)
    .map(([action]) => action);
  if (requiredBy.length === 0) return writeControls.note;
  return { ...writeControls.note, description: `${writeControls.note.description} Required, as the reason, for ${requiredBy.join(', ')}.` };
}

/** Roles that may take any action of the entity's machine. */
function actionRoles(entity: AnyEntity): Role[] {
  const roles = new Set<Role>();
  for (const transition of entity.lifecycle.machine.transitions) for (const role of transition.roles as Role[]) roles.add(role);
  return Object.values(Role).filter((role) => roles.has(role));
}

/**
 * Builds the GraphQL types and the resolver of the one record path for a declared entity:
 * `station(id)`, `stations(filter, sort, first, after)`, `createStation`, `updateStation`,
 * `transitionStation` and, where the entity allows deletion, `deleteX`. Who may call each comes
 * from the declaration's access rules and state machine.
 */
export function recordSchema<E extends AnyEntity>(entity: E, serviceOf: (services: Services) => RecordService<E>): RecordSchema {
  const { name, plural } = entity;
  const type = entityTypeOf(entity);
  const connection = connectionType(name, type);
  const filter = filterTypeOf(entity, filterShape(entity));
  const sort = Object.fromEntries(sortValues(entity).map((value) => [value, value]));
  registerEnumType(sort, { name: `${name}Sort`, description: `The orders the ${plural} list supports.` });
  const actionEnum = enums[entity.lifecycle.actionEnum];
  const readers: AccessRule[] = entity.access.read === 'PUBLIC' ? [Access.PUBLIC] : [...ALL_ROLES];
  const writers = [...entity.access.write];
  const creators = [...(entity.access.create ?? entity.access.write)];
  const actors = actionRoles(entity);

  const createInput = inputTypeOf(`Create${name}Input`, [
    { fields: entity.fields, mode: 'create' },
    { fields: { clientRequestId: writeControls.clientRequestId }, mode: 'create' },
  ]);
  const updateInput = inputTypeOf(`Update${name}Input`, [
    { fields: { id: writeControls.id, expectedVersion: writeControls.expectedVersion }, mode: 'create' },
    { fields: editableFields(entity), mode: 'patch' },
    { fields: { status: statusField(entity, `Use transition${name} with an action.`) }, mode: 'patch' },
  ]);
  const transitionInput = inputTypeOf(`Transition${name}Input`, [
    {
      fields: {
        id: writeControls.id,
        expectedVersion: writeControls.expectedVersion,
        action: enumOf(entity.lifecycle.actionEnum, { label: { 'zh-CN': '操作', en: 'Action' }, required: true }),
        note: noteOf(entity),
      },
      mode: 'create',
    },
    { fields: actionFieldsOfAll(entity), mode: 'patch', noteOptional: false, checkedByService: true },
  ]);
  const deleteInput = inputTypeOf(`Delete${name}Input`, [
    { fields: { id: writeControls.id, expectedVersion: writeControls.expectedVersion }, mode: 'create' },
  ]);
  const noun = entity.label.en.toLowerCase();
  const readNote = entity.access.read === 'PUBLIC' ? 'Anyone may read; anonymous callers see public records only.' : 'Any signed-in user, within their scope.';

  @Resolver(() => type)
  class RecordResolver {
    @Authorized(...readers)
    @Query(() => type, { name: lowerFirst(name), description: `One ${noun}; records outside your scope are NOT_FOUND. ${readNote}` })
    one(@Arg('id', () => ID) id: string, @Ctx() { services }: Context) {
      return serviceOf(services).get(id);
    }

    @Authorized(...readers)
    @Query(() => connection, { name: plural, description: `${entity.label.en} records in your scope, a page at a time. ${readNote}` })
    async many(
      @Arg('filter', () => filter, { nullable: true }) filterInput: object | undefined,
      @Arg('sort', () => sort, { defaultValue: entity.defaultSort }) sortValue: string,
      @Args(() => PageArgs) paging: Paging,
      @Ctx() { services }: Context,
    ) {
      return connection.of(await serviceOf(services).list(filterInput, sortValue, paging));
    }

    @Authorized(...creators)
    @Mutation(() => type, { name: `create${name}`, description: `Records a new ${noun}. Roles: ${creators.join(', ')} (within their scope).` })
    create(@Arg('input', () => createInput) input: CreateCommand, @Ctx() { services }: Context) {
      return serviceOf(services).create(input);
    }

    @Authorized(...writers)
    @Mutation(() => type, { name: `update${name}`, description: `Changes fields at the version you read. Roles: ${writers.join(', ')} (within their scope).` })
    update(@Arg('input', () => updateInput) input: UpdateCommand, @Ctx() { services }: Context) {
      return serviceOf(services).update(input);
    }

    @Authorized(...actors)
    @Mutation(() => type, {
      name: `transition${name}`,
      description: `Takes one of the record's \`availableActions\`; anything else fails with INVALID_TRANSITION and the actions allowed. Roles: ${actors.join(', ')}.`,
    })
    transition(@Arg('input', () => transitionInput) input: TransitionCommand, @Ctx() { services }: Context) {
      return serviceOf(services).transition(input);
    }

    remove(input: DeleteCommand, { services }: Context) {
      return serviceOf(services).remove(input);
    }

    @FieldResolver(() => [actionEnum], { description: 'The actions you may take on this record now (for its buttons).' })
    availableActions(@Root() record: Parameters<RecordService<E>['availableActions']>[0], @Ctx() { services }: Context): Promise<string[]> {
      return serviceOf(services).availableActions(record);
    }
  }

  const deleters = entity.access.delete;
  if (deleters) {
    // Only entities that may be deleted get the mutation; decorators applied as the syntax would.
    const prototype = RecordResolver.prototype;
    Arg('input', () => deleteInput)(prototype, 'remove', 0);
    Ctx()(prototype, 'remove', 1);
    Authorized(...deleters)(prototype, 'remove');
    Mutation(() => type, {
      name: `delete${name}`,
      description: `Deletes the ${noun} if nothing refers to it (else FAILED_PRECONDITION); returns it as it was. Roles: ${deleters.join(', ')}.`,
    })(prototype, 'remove', Object.getOwnPropertyDescriptor(prototype, 'remove')!);
  }
  Object.defineProperty(RecordResolver, 'name', { value: `${name}RecordResolver` });
  return { type, connection, filter, sort, resolver: RecordResolver };
}

/** A list of related records on a parent type, e.g. `Enterprise.serviceRequests`. */
export interface RelatedList<P> {
  /** The parent's GraphQL type. */
  readonly parent: ClassType;
  readonly field: string;
  /** The related records' schema and service. */
  readonly related: RecordSchema;
  readonly serviceOf: (services: Services) => { list(filter: unknown, sort: string, paging: Paging): Promise<Page<object>> };
  /** The relation, as filter conditions the caller's filter cannot widen. */
  readonly where: (parent: P) => Record<string, unknown>;
  readonly defaultSort: string;
  readonly description: string;
}

/**
 * The resolver of a related list: the related entity's own list (filters, sorts, cursors,
 * totals, the viewer's scope) narrowed to the parent. Signed-in users only.
 */
export function relatedListResolver<P>(list: RelatedList<P>): ClassType {
  const { related, field } = list;
  class RelatedListResolver {}
  // The method is named after the field: type-graphql tells a type's field resolvers apart by method name.
  const prototype = RelatedListResolver.prototype;
  Object.defineProperty(prototype, field, {
    value: async (parent: P, filter: Record<string, unknown> | undefined, sort: string, paging: Paging, { services }: Context) =>
      related.connection.of(await list.serviceOf(services).list({ ...filter, ...list.where(parent) }, sort, paging)),
    configurable: true,
    writable: true,
  });
  Root()(prototype, field, 0);
  Arg('filter', () => related.filter, { nullable: true })(prototype, field, 1);
  Arg('sort', () => related.sort, { defaultValue: list.defaultSort })(prototype, field, 2);
  Args(() => PageArgs)(prototype, field, 3);
  Ctx()(prototype, field, 4);
  Authorized(Access.SIGNED_IN)(prototype, field);
  FieldResolver(() => related.connection, { nullable: true, description: `${list.description} Signed-in users, within their scope.` })(
    prototype,
    field,
    Object.getOwnPropertyDescriptor(prototype, field)!,
  );
  Resolver(() => list.parent)(RelatedListResolver);
  Object.defineProperty(RelatedListResolver, 'name', { value: `${list.parent.name}${field.charAt(0).toUpperCase()}${field.slice(1)}Resolver` });
  return RelatedListResolver;
}
