import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';

/** One HTTP request the load repeats: a POST of a body, with headers. */
export interface LoadTarget {
  readonly url: string;
  readonly headers: Record<string, string>;
  /** The body of each request; a function makes a fresh one per request (e.g. new ids). */
  readonly body: string | (() => string);
}

export interface LoadResult {
  readonly requestsPerSecond: number;
  readonly requests: number;
  readonly failures: number;
}

function post(agent: Agent, target: LoadTarget): Promise<number> {
  const url = new URL(target.url);
  const body = typeof target.body === 'function' ? target.body() : target.body;
  return new Promise((resolve, reject) => {
    const outgoing = request(
      { agent, host: url.hostname, port: url.port, path: url.pathname, method: 'POST', headers: { ...target.headers, 'content-length': Buffer.byteLength(body) } },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve(response.statusCode === 200 && !text.includes('"errors"') ? 200 : (response.statusCode ?? 0) || 599);
        });
        response.on('error', reject);
      },
    );
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

/**
 * A closed loop: `concurrency` clients, each sending its next request as soon as the last one
 * is answered, for `durationMs`, over kept-alive connections (plain `node:http`, so the load
 * generator itself costs little CPU). Answers with errors count as failures.
 */
export async function closedLoop(target: LoadTarget, concurrency: number, durationMs: number): Promise<LoadResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  let requests = 0;
  let failures = 0;
  const started = performance.now();
  const deadline = started + durationMs;
  try {
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (performance.now() < deadline) {
          const status = await post(agent, target);
          requests += 1;
          if (status !== 200) failures += 1;
        }
      }),
    );
  } finally {
    agent.destroy();
  }
  const seconds = (performance.now() - started) / 1000;
  return { requestsPerSecond: requests / seconds, requests, failures };
}
