import { join } from 'node:path';

/** The repository's root directory: entry points and the console build are named relative to it. */
export const repositoryRoot = join(import.meta.dirname, '..', '..');
