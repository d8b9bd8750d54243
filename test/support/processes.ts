import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { KIOSK_NODE_FLAGS } from '../../scripts/launch-plan';
import { bundledEntry } from './entry-bundles';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export function tempDir(prefix: string): string {
  return mkdtempSync(path.join(tmpdir(), `kiosk-${prefix}-`));
}

export interface Spawned {
  readonly child: ChildProcess;
  readonly output: string[];
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/**
 * Runs a TypeScript entry point and resolves once a stdout line matches: from the run's bundle when it has
 * one (test/support/entry-bundles.ts: the Playwright run bundles the kiosk and the platform simulator), else
 * under tsx.
 */
export function spawnTs(
  entry: string,
  args: readonly string[],
  options: { env?: NodeJS.ProcessEnv; readyLine: RegExp; timeoutMs?: number; nodeFlags?: readonly string[] },
): Promise<Spawned & { match: RegExpExecArray }> {
  const bundle = bundledEntry(entry, { ...process.env, ...options.env });
  const run = bundle ? [bundle] : ['--import', 'tsx', path.join(REPO_ROOT, entry)];
  const child = spawn(process.execPath, [...(options.nodeFlags ?? []), ...run, ...args], {
    cwd: REPO_ROOT,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  const stop = (signal: NodeJS.Signals = 'SIGTERM') =>
    new Promise<number | null>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve(child.exitCode);
      child.once('exit', (code) => resolve(code));
      child.kill(signal);
    });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop('SIGKILL');
      reject(new Error(`${entry} not ready within ${options.timeoutMs ?? 30000} ms:\n${output.join('\n')}`));
    }, options.timeoutMs ?? 30_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${entry} exited with ${code} before ready:\n${output.join('\n')}`));
    });
    createInterface({ input: child.stderr! }).on('line', (l) => output.push(l));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      output.push(line);
      const match = options.readyLine.exec(line);
      if (match) {
        clearTimeout(timer);
        child.removeAllListeners('exit');
        resolve({ child, output, stop, match });
      }
    });
  });
}

export interface PlatformProcess extends Spawned {
  readonly url: string;
  readonly port: number;
  /** Its SQLite and keys: restart on the same port and folder to bring the "same" platform back. */
  readonly dataDir: string;
}

export async function startPlatformProcess(options: { port?: number; dataDir?: string; env?: NodeJS.ProcessEnv; args?: readonly string[] } = {}): Promise<PlatformProcess> {
  const dataDir = options.dataDir ?? tempDir('platform');
  const s = await spawnTs('platform-sim/main.ts', ['--port', String(options.port ?? 0), '--data', dataDir, ...(options.args ?? [])], {
    readyLine: /^PLATFORM_URL=(\S+)/,
    ...(options.env ? { env: options.env } : {}),
  });
  const url = s.match[1]!;
  return { ...s, url, port: Number(new URL(url).port), dataDir };
}

export interface KioskProcess extends Spawned {
  readonly uiUrl: string;
  readonly baseUrl: string;
  readonly token: string;
  readonly dataDir: string;
  call<T = unknown>(method: string, input?: unknown): Promise<{ status: number; body: T }>;
}

/** `npm start` as a resident's kiosk would run it (its V8 flags too), with KIOSK_OPEN=none and a fresh data dir. */
export async function startKioskProcess(env: NodeJS.ProcessEnv = {}): Promise<KioskProcess> {
  const dataDir = env['KIOSK_DATA_DIR'] ?? tempDir('data');
  const s = await spawnTs('scripts/start.ts', [], {
    env: { KIOSK_OPEN: 'none', KIOSK_HTTP_PORT: '0', KIOSK_DATA_DIR: dataDir, KIOSK_LOG_LEVEL: 'warn', KIOSK_EXPORT_ROOTS: tmpdir(), ...env },
    readyLine: /^KIOSK_UI_URL=(\S+)/,
    timeoutMs: 60_000,
    nodeFlags: KIOSK_NODE_FLAGS,
  });
  const uiUrl = s.match[1]!;
  const parsed = new URL(uiUrl);
  const token = /token=([^&]+)/.exec(parsed.hash)![1]!;
  const baseUrl = parsed.origin;
  return {
    ...s,
    uiUrl,
    baseUrl,
    token,
    dataDir,
    async call<T>(method: string, input: unknown = {}) {
      const res = await fetch(`${baseUrl}/api/${method}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify(input),
      });
      return { status: res.status, body: (await res.json()) as T };
    },
  };
}
