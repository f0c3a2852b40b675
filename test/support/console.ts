import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import axe from 'axe-core';
import { type BrowserContext, chromium, type Page } from 'playwright-core';

/** Debian's Chromium, which `.ci/run` installs when missing. */
const CHROMIUM = '/usr/bin/chromium';

const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const contentTypes: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
};

export interface ServedConsole {
  readonly url: string;
  close(): Promise<void>;
}

/** Serves a console build statically, as CloudFront does, with the `config.json` given. */
export async function serveConsole(directory: string, port: number, config: Record<string, string>): Promise<ServedConsole> {
  const server: Server = createServer((request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://console').pathname)).replace(/^(\.\.[/\\])+/, '');
    if (path === '/config.json') {
      response.writeHead(200, { 'content-type': contentTypes['.json']!, 'cache-control': 'no-store' });
      response.end(JSON.stringify(config));
      return;
    }
    const file = join(directory, path === '/' ? 'index.html' : path);
    const found = existsSync(file) && !file.endsWith('/') ? file : join(directory, 'index.html');
    response.writeHead(200, { 'content-type': contentTypes[extname(found)] ?? 'application/octet-stream' });
    response.end(readFileSync(found));
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

export interface Browser {
  /** A browser profile of its own: its tabs share one session, as a user's do. */
  profile(): Promise<BrowserContext>;
  close(): Promise<void>;
}

/** Chromium with a fresh profile per `profile()`; fails with what to install when Chromium is missing. */
export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`The browser tests need Chromium at ${CHROMIUM}: install it with "apt-get install -y chromium" (.ci/run does this when it runs as root).`);
  }
  const contexts: { context: BrowserContext; directory: string }[] = [];
  return {
    async profile() {
      const directory = mkdtempSync(join(tmpdir(), 'yizhan-chromium-'));
      const context = await chromium.launchPersistentContext(directory, {
        executablePath: CHROMIUM,
        headless: true,
        args: CHROMIUM_FLAGS,
        viewport: { width: 1440, height: 900 },
        locale: 'zh-CN',
        timezoneId: 'Asia/Shanghai',
      });
      context.setDefaultTimeout(15_000);
      contexts.push({ context, directory });
      return context;
    },
    async close() {
      for (const { context, directory } of contexts) {
        await context.close().catch(() => undefined);
        rmSync(directory, { recursive: true, force: true });
      }
    },
  };
}

interface AxeViolation {
  readonly id: string;
  readonly impact: string | null;
  readonly help: string;
  readonly nodes: readonly { readonly target: readonly string[] }[];
}

/** The serious and critical accessibility violations axe-core finds on the page as it stands. */
export async function seriousAccessibilityViolations(page: Page): Promise<string[]> {
  // Colours half-way through a transition (a button becoming enabled) are not what users read.
  await page.addStyleTag({ content: '*, *::before, *::after { transition: none !important; animation: none !important; }' });
  await page.addScriptTag({ content: axe.source });
  const violations = await page.evaluate<AxeViolation[]>("axe.run(document, { resultTypes: ['violations'] }).then((result) => result.violations)");
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id} (${violation.impact}): ${violation.help} — ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}

/** Signs a demo user in on the console at `url` and waits for the menu (each role starts on a page of its own). */
export async function signIn(page: Page, url: string, username: string): Promise<void> {
  await page.goto(`${url}/`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill('yizhan-dev');
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByRole('menuitem').first().waitFor();
}

/** Saves screenshots of pages under `directory` (from `YIZHAN_SCREENSHOTS`, relative to the repository), or nothing without one. */
export function screenshotsInto(directory: string | undefined): (page: Page, name: string) => Promise<void> {
  return async (page, name) => {
    if (!directory) return;
    mkdirSync(directory, { recursive: true });
    await page.screenshot({ path: join(directory, `${name}.png`) });
  };
}
