import { statSync } from 'node:fs';
import { join } from 'node:path';
import { type BuildOptions, buildSync, type Metafile } from 'esbuild';

/** The file a bundle's handler lives in: Lambda loads `.mjs` files as ES modules. */
export const BUNDLE_FILE = 'index.mjs';

/**
 * The one build of the API's Lambda handlers: what the CDK stacks deploy and what the tests
 * invoke. Every option is explicit, because each default here has bitten someone:
 *
 * - ES modules for Node.js 22 (the Lambda runtime is 22 or newer; the bundle also runs on the
 *   Node.js 20 of the development machines), so `lambda.ts` can read its secrets with a
 *   top-level `await` before the first request.
 * - `mainFields` puts `main` first so that every importer of `graphql`, by `import` or
 *   `require`, gets the same CommonJS copy: two copies refuse each other's types and break
 *   type-graphql at run time.
 * - Minified, with names kept: type-graphql and the error classes are looked up by class name.
 * - Source maps without the sources: stack traces name our files and lines
 *   (`NODE_OPTIONS=--enable-source-maps`), and the map stays small.
 * - Nothing is external, the AWS SDK included: the version the tests ran is the version that
 *   runs (the DynamoDB client relies on `requestHandler` options of the pinned SDK), and the
 *   runtime's own SDK is not upgraded under us. The one exception is `class-validator`, which
 *   type-graphql imports only for its own validation: ours (`validateFn` in `api/src/schema.ts`)
 *   replaces it, so the package is neither installed nor ever loaded.
 * - CommonJS packages inside an ES module still call `require` for Node.js built-ins: the banner
 *   gives them one.
 */
const lambdaBuildOptions = {
  bundle: true,
  platform: 'node',
  target: 'node22',
  format: 'esm',
  mainFields: ['main', 'module'],
  minify: true,
  keepNames: true,
  sourcemap: true,
  sourcesContent: false,
  external: ['class-validator'],
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  },
  legalComments: 'none',
  logLevel: 'error',
  metafile: true,
} as const satisfies BuildOptions;

export interface LambdaBundle {
  /** The handler file, `<outdir>/index.mjs`; its source map is next to it. */
  readonly file: string;
  /** Size of the handler file in bytes (the source map not included). */
  readonly bytes: number;
  /** Which inputs went into the bundle, for checks such as "one copy of graphql". */
  readonly metafile: Metafile;
}

/**
 * Bundles one handler entry point (e.g. `api/src/lambda.ts`) into `outdir`, synchronously,
 * because CDK's local bundling hook is synchronous. Throws on any build error.
 */
export function bundleLambdaHandler(entry: string, outdir: string): LambdaBundle {
  const file = join(outdir, BUNDLE_FILE);
  const result = buildSync({ ...lambdaBuildOptions, entryPoints: [entry], outfile: file });
  return { file, bytes: statSync(file).size, metafile: result.metafile };
}
