import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { getIntrospectionQuery, graphqlSync, validateSchema } from 'graphql';
import { getMetadataStorage } from 'type-graphql';
import { describe, expect, it } from 'vitest';
import { printSchemaFile } from './print-schema';
import { getSchema } from './schema';

describe('schema', () => {
  it('is a valid schema that answers the introspection query (the check type-graphql skips at start-up)', () => {
    // Act
    const schema = getSchema();
    const introspection = graphqlSync({ schema, source: getIntrospectionQuery() });

    // Assess
    expect(validateSchema(schema)).toEqual([]);
    expect(introspection.errors).toBeUndefined();
    expect(introspection.data?.__schema).toBeDefined();
  });

  it('matches the committed api/schema.graphql (run `npm run schema` after changing the API)', () => {
    const committed = readFileSync(fileURLToPath(new URL('../schema.graphql', import.meta.url)), 'utf8');
    expect(printSchemaFile()).toBe(committed);
  });

  it('declares who may call every query and mutation', () => {
    const schema = getSchema();
    const storage = getMetadataStorage();
    const declared = new Set(
      storage.authorizedFields.map((field) => `${field.target.name}.${field.fieldName}`),
    );
    const operations = [
      ...storage.queries.map((query) => ({ kind: 'Query', name: query.schemaName, key: `${query.target.name}.${query.methodName}` })),
      ...storage.mutations.map((mutation) => ({ kind: 'Mutation', name: mutation.schemaName, key: `${mutation.target.name}.${mutation.methodName}` })),
    ];
    const rootFields = [
      ...Object.keys(schema.getQueryType()?.getFields() ?? {}).map((name) => `Query.${name}`),
      ...Object.keys(schema.getMutationType()?.getFields() ?? {}).map((name) => `Mutation.${name}`),
    ];

    const undeclared = operations.filter((operation) => !declared.has(operation.key)).map((operation) => `${operation.kind}.${operation.name}`);

    expect(operations.map((operation) => `${operation.kind}.${operation.name}`).sort()).toEqual(rootFields.sort());
    expect(undeclared).toEqual([]);
  });
});
