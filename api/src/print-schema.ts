import { lexicographicSortSchema, printSchema } from 'graphql';
import { getSchema } from './schema';

/** The SDL committed as api/schema.graphql: sorted so that diffs show real changes only. */
export function printSchemaFile(): string {
  return `# Generated from the code by \`npm run schema\`; a test fails when this file is stale.\n\n${printSchema(lexicographicSortSchema(getSchema()))}\n`;
}
