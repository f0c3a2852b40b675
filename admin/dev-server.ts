import { join } from 'node:path';
import { createServer } from 'vite';

export interface ConsoleDevServer {
  readonly url: string;
  close(): Promise<void>;
}

export interface ConsoleDevServerOptions {
  readonly port: number;
  readonly host: string;
  /** The GraphQL endpoint the console talks to, written into the `config.json` it serves. */
  readonly apiUrl: string;
}

/**
 * The console for `npm start`: Vite's dev server (no build step, edits show at once) serving
 * `config.json` for the local API and its dev issuer. Runs in the caller's process, so Ctrl-C
 * there stops it too.
 */
export async function startConsoleDevServer(options: ConsoleDevServerOptions): Promise<ConsoleDevServer> {
  const config = JSON.stringify({ stage: 'local', authMode: 'local', apiUrl: options.apiUrl, region: '', userPoolId: '', userPoolClientId: '' });
  const server = await createServer({
    configFile: join(import.meta.dirname, 'vite.config.ts'),
    server: { port: options.port, host: options.host, strictPort: true },
    logLevel: 'warn',
    clearScreen: false,
    plugins: [
      {
        name: 'yizhan-local-config',
        configureServer(dev) {
          dev.middlewares.use('/config.json', (_request, response) => {
            response.setHeader('content-type', 'application/json; charset=utf-8');
            response.setHeader('cache-control', 'no-store');
            response.end(config);
          });
        },
      },
    ],
  });
  await server.listen();
  return { url: `http://localhost:${options.port}`, close: () => server.close() };
}
