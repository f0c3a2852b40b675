import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { root } from './local-stack';

/** The environment of a fresh process as Lambda gives it: no NODE_ENV (vitest sets it to `test`), no APP_ENV. */
export function productionEnvironment(extra: Record<string, string>): NodeJS.ProcessEnv {
  const { NODE_ENV: _node, APP_ENV: _app, VITEST: _vitest, ...inherited } = process.env;
  return { ...inherited, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true', ...extra };
}

/** Starts one of `test/support/production-children.ts` and resolves with its URL. */
export function startChild(args: string[], environment: NodeJS.ProcessEnv): Promise<{ child: ChildProcess; url: string; output: () => string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'test/support/production-children.ts'), ...args], { cwd: root, env: environment, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no URL from ${args[0]}:\n${output}`)), 60_000);
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const line = output.split('\n').find((candidate) => candidate.startsWith('{"url"'));
      if (line) {
        clearTimeout(timer);
        resolve({ child, url: (JSON.parse(line) as { url: string }).url, output: () => output });
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${args[0]} exited with ${code}:\n${output}`));
    });
  });
}

