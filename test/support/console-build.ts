import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { root } from './local-stack';

const run = promisify(execFile);

/**
 * Builds the console with its workspace's `build` script (what `npm run build` runs), into a directory of its own (never admin/dist). In a
 * production environment: under vitest NODE_ENV is `test`, and Vite would bundle React's
 * development build.
 */
export async function buildConsole(): Promise<string> {
  const outDir = mkdtempSync(join(tmpdir(), 'yizhan-console-'));
  await run('npm', ['run', '--silent', 'build', '--workspace', 'admin', '--', '--outDir', outDir, '--emptyOutDir', '--logLevel=warn'], {
    cwd: root,
    env: { ...process.env, NODE_ENV: 'production' },
  });
  return outDir;
}

interface ManifestChunk {
  readonly file: string;
  readonly isEntry?: boolean;
  readonly imports?: readonly string[];
  readonly dynamicImports?: readonly string[];
}

/** The sign-in modules `main.tsx` imports before it renders anything in a Cognito stage. */
const COGNITO_SIGN_IN = /authProvider\/cognito/;

/**
 * Gzip bytes of the JavaScript a browser loads before the sign-in page renders, from a build's
 * Vite manifest: the entry chunk and everything it imports statically, plus (the larger case,
 * a Cognito stage) the Cognito sign-in chunks and their static imports. Views load later, by route.
 */
export function initialJavaScriptGzipBytes(directory: string): number {
  const manifest = JSON.parse(readFileSync(join(directory, '.vite', 'manifest.json'), 'utf8')) as Record<string, ManifestChunk>;
  const loaded = new Set<string>();
  const load = (key: string) => {
    if (loaded.has(key)) return;
    loaded.add(key);
    for (const imported of manifest[key]!.imports ?? []) load(imported);
  };
  const [entry] = Object.entries(manifest).find(([, chunk]) => chunk.isEntry)!;
  load(entry);
  for (const dynamic of manifest[entry]!.dynamicImports ?? []) if (COGNITO_SIGN_IN.test(dynamic)) load(dynamic);
  return [...new Set([...loaded].map((key) => manifest[key]!.file))].reduce((total, file) => total + gzipSync(readFileSync(join(directory, file))).length, 0);
}
