import { rmSync } from 'node:fs';
import type { TestApi } from './api';
import { type Browser, launchBrowser, type ServedConsole, serveConsole } from './console';
import { buildConsole } from './console-build';
import { freePort } from './local-stack';

/** A console build served as CloudFront would, for a test API that allows its origin, and a browser to drive it. */
export interface ConsoleStack {
  readonly api: TestApi;
  readonly served: ServedConsole;
  readonly browser: Browser;
  /** Closes the browser, the server and the API, and removes the build. */
  stop(): Promise<void>;
}

/**
 * Builds the console, starts the API with `startApi` (given the environment that lets the
 * console's origin in) and Chromium, all at once, and serves the build with a `config.json`
 * for that API and its local sign-in.
 */
export async function startConsoleStack(startApi: (environment: Record<string, string>) => Promise<TestApi>): Promise<ConsoleStack> {
  const consolePort = await freePort();
  const [api, build, browser] = await Promise.all([startApi({ CORS_ORIGINS: `http://127.0.0.1:${consolePort}` }), buildConsole(), launchBrowser()]);
  const served = await serveConsole(build, consolePort, { stage: 'test', authMode: 'local', apiUrl: `${api.url}/graphql`, region: '', userPoolId: '', userPoolClientId: '' });
  return {
    api,
    served,
    browser,
    async stop() {
      await browser.close();
      await served.close();
      await api.stop();
      rmSync(build, { recursive: true, force: true });
    },
  };
}
