import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // Vite prefers graphql's ESM build while type-graphql and Apollo load its CommonJS build;
    // two copies of graphql refuse each other's types. Node itself resolves 'graphql' to the
    // CommonJS entry, so the tests do the same.
    alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }],
  },
  test: {
    include: ['shared/src/**/*.test.ts', 'api/src/**/*.test.ts', 'admin/src/**/*.test.{ts,tsx}', 'test/**/*.test.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    // type-graphql's decorators need the metadata API before the first decorated class loads.
    setupFiles: ['reflect-metadata'],
    // Node 20 is what this machine runs; the SDK's notice about it would repeat in every test file.
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
