import { execFileSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type BuildOptions, build, type Metafile, type Plugin } from 'esbuild';

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
/**
 * Apollo Server's plugins that `app.ts` installs disabled (usage and schema reporting, inline
 * traces, cache control): Apollo imports them only when they are not disabled, so the bundle
 * holds a stub that says so instead of their protobuf code (~240 KiB).
 */
const UNUSED_APOLLO_PLUGINS = /^\.\/plugin\/(usageReporting|schemaReporting|inlineTrace|cacheControl)\/index\.js$/;

/**
 * In Lambda the function's credentials are in its environment, always: the SDK's default chain
 * (SSO, STS web identity, INI files, IMDS and their nested clients, ~200 KiB) is replaced by the
 * environment provider alone, with the chain's own expiry rules.
 */
const CREDENTIALS_FROM_ENVIRONMENT = `
import { fromEnv } from '@aws-sdk/credential-provider-env';
export const defaultProvider = (init = {}) => fromEnv(init);
export const credentialsWillNeedRefresh = (credentials) => credentials?.expiration !== undefined;
export const credentialsTreatedAsExpired = (credentials) => credentials?.expiration !== undefined && credentials.expiration.getTime() - Date.now() < 300000;
`;

/**
 * Small stand-ins for packages whose bundled forms cost more than they do: type-graphql's
 * check that graphql is `^16.x` loads all of semver (its regular expressions at start-up), and
 * Apollo's `createHash` falls back to pure-JavaScript SHA-256 (sha.js) for every query's hash
 * when bundled, because the bundle has no `module.require`.
 */
const STAND_INS: Record<string, string> = {
  semver: `
    const parts = (version) => version.split(/[.+-]/).slice(0, 3).map(Number);
    const satisfies = (version, range) => {
      if (!range.startsWith('^')) throw new Error('The bundled semver stand-in checks caret ranges only, not ' + range);
      const [major, minor, patch] = parts(version);
      const [wantMajor, wantMinor, wantPatch] = parts(range.slice(1));
      return major === wantMajor && (minor > wantMinor || (minor === wantMinor && patch >= wantPatch));
    };
    export default { satisfies };`,
  '@apollo/utils.createhash': `export { createHash } from 'node:crypto';`,
  // Apollo builds a schema with it only from `typeDefs`; we give it one built (getSchema). With
  // graphql-tools' utils and merge it is ~70 KB of the bundle.
  '@graphql-tools/schema': `export const makeExecutableSchema = () => { throw new Error('@graphql-tools/schema is not in the Lambda bundle: give ApolloServer a schema, not typeDefs'); };`,
  // graphql-jit builds a schema-specific serializer with it only when asked (customJSONSerializer,
  // which we leave off); it would bring ajv, ~290 KB.
  'fast-json-stringify': `export default () => { throw new Error('fast-json-stringify is not in the Lambda bundle: compile queries without customJSONSerializer'); };`,
};

const STAND_IN_NAMES = new RegExp(`^(${Object.keys(STAND_INS).map((name) => name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('|')})$`);

const lambdaOnly: Plugin = {
  name: 'yizhan-lambda-only',
  setup(build) {
    build.onResolve({ filter: UNUSED_APOLLO_PLUGINS }, (args) =>
      args.importer.includes('@apollo/server') ? { path: args.path, namespace: 'unused-apollo-plugin' } : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'unused-apollo-plugin' }, (args) => ({
      contents: `const unused = () => { throw new Error('${args.path} is not in the Lambda bundle: install its Disabled plugin'); };
        export { unused as ApolloServerPluginUsageReporting, unused as ApolloServerPluginSchemaReporting, unused as ApolloServerPluginInlineTrace, unused as ApolloServerPluginCacheControl };`,
      loader: 'js',
    }));
    build.onResolve({ filter: STAND_IN_NAMES }, (args) => ({ path: args.path, namespace: 'stand-in' }));
    build.onLoad({ filter: /.*/, namespace: 'stand-in' }, (args) => ({ contents: STAND_INS[args.path], loader: 'js' }));
    build.onResolve({ filter: /^@aws-sdk\/credential-provider-node$/ }, (args) => ({ path: args.path, namespace: 'credentials-from-environment', pluginData: args.resolveDir }));
    build.onLoad({ filter: /.*/, namespace: 'credentials-from-environment' }, (args) => ({
      contents: CREDENTIALS_FROM_ENVIRONMENT,
      loader: 'js',
      resolveDir: args.pluginData as string,
    }));
    // One copy of each package: a `require` of a package that also ships ES modules gets the
    // ES modules, as its `import`ers do (else both copies are bundled, ~280 KiB).
    build.onResolve({ filter: /^graphql\// }, async (args) => {
      if (args.pluginData === 'as-import') return undefined;
      const resolved = await build.resolve(args.path, { kind: args.kind, resolveDir: args.resolveDir, importer: args.importer, pluginData: 'as-import' });
      const esm = resolved.path.replace(/\.js$/, '.mjs');
      return { path: existsSync(esm) ? esm : resolved.path };
    });
    build.onResolve({ filter: /^[@a-z]/ }, async (args) => {
      if (args.kind !== 'require-call' || args.pluginData === 'as-import' || args.path.startsWith('node:')) return undefined;
      const asImport = await build.resolve(args.path, { kind: 'import-statement', resolveDir: args.resolveDir, importer: args.importer, pluginData: 'as-import' });
      return asImport.errors.length === 0 && !asImport.external ? { path: asImport.path, namespace: asImport.namespace } : undefined;
    });
  },
};

const lambdaBuildOptions = {
  bundle: true,
  platform: 'node',
  target: 'node22',
  format: 'esm',
  mainFields: ['module', 'main'],
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
  plugins: [lambdaOnly],
} as const satisfies BuildOptions;

export interface LambdaBundle {
  /** The handler file, `<outdir>/index.mjs`; its source map is next to it. */
  readonly file: string;
  /** Size of the handler file in bytes (the source map not included). */
  readonly bytes: number;
  /** Which inputs went into the bundle, for checks such as "one copy of graphql". */
  readonly metafile: Metafile;
}

/** How much build metadata the child may print (the metafile of a 1 MB bundle is a few MB). */
const METAFILE_BUFFER_BYTES = 256 * 1024 * 1024;

/**
 * Bundles one handler entry point (e.g. `api/src/lambda.ts`) into `outdir`, synchronously,
 * because CDK's local bundling hook is synchronous. esbuild runs its plugins only in its
 * asynchronous API, so the build runs in a child process (this file, run as a script) that
 * prints the metafile. Throws on any build error.
 */
export function bundleLambdaHandler(entry: string, outdir: string): LambdaBundle {
  const file = join(outdir, BUNDLE_FILE);
  const output = execFileSync(process.execPath, ['--import', 'tsx', import.meta.filename, entry, outdir], {
    encoding: 'utf8',
    maxBuffer: METAFILE_BUFFER_BYTES,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return { file, bytes: statSync(file).size, metafile: JSON.parse(output) as Metafile };
}

async function buildBundle(entry: string, outdir: string): Promise<Metafile> {
  const result = await build({ ...lambdaBuildOptions, entryPoints: [entry], outfile: join(outdir, BUNDLE_FILE) });
  return result.metafile;
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === import.meta.filename) {
  const [entry, outdir] = process.argv.slice(2) as [string, string];
  process.stdout.write(JSON.stringify(await buildBundle(entry, outdir)));
}
