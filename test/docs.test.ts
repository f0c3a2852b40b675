import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { printSchemaFile } from '../api/src/print-schema';
import { getSchema } from '../api/src/schema';
import { root } from './support/local-stack';

const documents = ['README.md', ...readdirSync(join(root, 'docs')).filter((name) => name.endsWith('.md')).map((name) => `docs/${name}`)];

function read(document: string): string {
  return readFileSync(join(root, document), 'utf8');
}

/** The text outside fenced code blocks, where links and inline code name files. */
function prose(text: string): string {
  return text.replace(/```[\s\S]*?```/g, '');
}

function fencedBlocks(text: string, language: string): string[] {
  return [...text.matchAll(new RegExp(`\`\`\`${language}\\n([\\s\\S]*?)\`\`\``, 'g'))].map((match) => match[1]!);
}

/** Inline code that names a repository path, e.g. `api/src/config.ts` or `docs/`. */
const REPOSITORY_PATH = /^(?:(?:\.ci|api|shared|admin|infra|test|docs)\/[\w./-]*|[\w.-]+\.(?:md|json|ts))$/;

describe('the documentation', () => {
  it.each(documents)('%s links only to files that exist inside the repository', (document) => {
    const text = prose(read(document));
    const targets = [...text.matchAll(/\]\(([^)\s]+)\)/g)].map((match) => match[1]!).filter((target) => !/^(https?:|mailto:|#)/.test(target));
    for (const target of targets) {
      const path = resolve(root, dirname(document), target.split('#')[0]!);
      expect(relative(root, path).startsWith('..'), `${document} → ${target} leaves the repository`).toBe(false);
      expect(existsSync(path), `${document} → ${target}`).toBe(true);
    }
  });

  it.each(documents)('%s names only repository paths that exist', (document) => {
    const named = [...prose(read(document)).matchAll(/`([^`\s]+)`/g)].map((match) => match[1]!).filter((code) => REPOSITORY_PATH.test(code));
    const missing = named.filter((path) => !existsSync(join(root, path)));
    expect(missing, document).toEqual([]);
  });

  it.each(documents)('%s stands alone: no reference to material outside the repository', (document) => {
    expect(read(document)).not.toMatch(/design\.md|\.\.\/shared|stack-notes|style\.md/);
  });

  it('shows only GraphQL operations that are valid against the schema', () => {
    const schema = getSchema();
    const operations = documents.flatMap((document) => fencedBlocks(read(document), 'graphql').map((block) => [document, block] as const));
    expect(operations.length).toBeGreaterThan(5);
    for (const [document, operation] of operations) {
      const errors = validate(schema, parse(operation)).map((error) => error.message);
      expect(errors, `${document}:\n${operation}`).toEqual([]);
    }
  });
});

describe('the README’s commands', () => {
  /** Where each command the README shows is run, so none of them can rot unseen. */
  const runBy: Record<string, string> = {
    'npm ci && npm start': '.ci/run (npm ci) and test/start.test.ts (the start entry point)',
    'TOKEN=$(curl': 'test/start.test.ts',
    'curl -s localhost:4000/graphql': 'test/start.test.ts',
    'npm test': '.ci/run',
    'npm run schema': 'this file',
    'npm run bench': 'test/bench.test.ts',
    'npm run load': 'test/load.test.ts',
    'npm run sweep': 'test/sweep-command.test.ts',
    'npm run aggregates:rebuild': 'test/aggregates-command.test.ts',
    'npm run synth': 'test/infra/stages.test.ts',
    'npm run build': 'test/support/console-build.ts (the browser tests and the bench build the console with it)',
  };

  it('are each run by CI or a test', () => {
    const commands = fencedBlocks(read('README.md'), 'sh')
      .flatMap((block) => block.replace(/\\\n\s*/g, ' ').split('\n'))
      .map((line) => line.trim())
      .filter((line) => line !== '');
    const unexercised = commands.filter((command) => !Object.keys(runBy).some((start) => command.startsWith(start)));
    expect(unexercised).toEqual([]);
    for (const runner of Object.values(runBy)) {
      const file = runner.split(' ')[0]!;
      if (file !== 'this') expect(existsSync(join(root, file)), runner).toBe(true);
    }
  });

  it('`npm run schema` writes the schema the code builds, which is the committed one', () => {
    const committed = read('api/schema.graphql');
    execFileSync('npm', ['run', '--silent', 'schema'], { cwd: root, stdio: 'ignore' });
    expect(read('api/schema.graphql')).toBe(printSchemaFile());
    expect(read('api/schema.graphql')).toBe(committed);
  });
});
