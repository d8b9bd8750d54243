import { spawn, type ChildProcess } from 'node:child_process';
import { accessSync, constants, existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * Two connected pseudo-terminals made by socat: whatever one end writes, the
 * other reads, like a null-modem cable. Each end is reached through a
 * symlink that stays the same across `unplug()`/`replug()`, so a driver
 * pointed at `a` sees the port vanish and come back exactly as a USB-serial
 * reader does.
 */
export interface PtyPair {
  /** Stable paths (symlinks) of the two ends. */
  readonly a: string;
  readonly b: string;
  /** The /dev/pts paths behind them right now. */
  readonly devices: readonly [string, string];
  readonly plugged: boolean;
  /** Kill socat: both ends vanish, the symlinks are removed. */
  unplug(): Promise<void>;
  /** Start socat again on the same symlink paths. */
  replug(): Promise<void>;
  close(): Promise<void>;
}

export interface PtyPairOptions {
  /** Folder for the two symlinks; a fresh temp folder by default. */
  readonly dir?: string;
  readonly timeoutMs?: number;
}

/**
 * Where `name` is on the PATH as an executable, or null: looked up, not run (running `socat -V` held
 * every demo start ~10 ms).
 */
export function executableOnPath(name: string, env: NodeJS.ProcessEnv = process.env): string | null {
  for (const dir of (env['PATH'] ?? '').split(path.delimiter)) {
    if (!dir) continue;
    try {
      accessSync(path.join(dir, name), constants.X_OK);
      return path.join(dir, name);
    } catch {
      // not in this folder
    }
  }
  return null;
}

export async function openPtyPair(options: PtyPairOptions = {}): Promise<PtyPair> {
  const dir = options.dir ?? mkdtempSync(path.join(tmpdir(), 'kiosk-pty-'));
  const a = path.join(dir, 'a');
  const b = path.join(dir, 'b');
  const timeoutMs = options.timeoutMs ?? 5000;
  let child: ChildProcess | null = null;
  let devices: [string, string] = ['', ''];

  const start = () =>
    new Promise<void>((resolve, reject) => {
      const socat = ['socat', '-d', '-d', `pty,raw,echo=0,link=${a}`, `pty,raw,echo=0,link=${b}`];
      // Through util-linux's setpriv where there is one: the kernel then stops socat when the process that
      // opened the pair dies without closing it (a SIGKILL, a crash, a power-cut test), which otherwise left
      // socat running. setpriv execs socat in place: the child's pid is socat's.
      const guard = executableOnPath('setpriv');
      const [command, ...args] = guard ? [guard, '--pdeathsig', 'TERM', ...socat] : socat;
      const proc = spawn(command!, args, { stdio: ['ignore', 'ignore', 'pipe'] });
      const found: string[] = [];
      let log = '';
      let ready = false;
      const timer = setTimeout(() => {
        proc.kill('SIGKILL');
        reject(new Error(`socat did not open a pty pair within ${timeoutMs} ms: ${log}`));
      }, timeoutMs);
      proc.once('error', (e) => {
        clearTimeout(timer);
        reject(new Error(`cannot run socat (install the Debian package 'socat'): ${e.message}`));
      });
      proc.once('exit', (code) => {
        if (!ready) {
          clearTimeout(timer);
          reject(new Error(`socat exited with ${code}${/failed to execute/.test(log) ? " (install the Debian package 'socat')" : ''}: ${log}`));
        }
      });
      proc.stderr!.setEncoding('utf8');
      proc.stderr!.on('data', (text: string) => {
        if (log.length < 4000) log += text;
        for (const m of text.matchAll(/PTY is (\/dev\/\S+)/g)) found.push(m[1]!);
        // Once only: socat keeps writing (e.g. "exiting on signal") after it is ready.
        if (!ready && /starting data transfer loop/.test(log) && found.length >= 2 && existsSync(a) && existsSync(b)) {
          ready = true;
          clearTimeout(timer);
          devices = [found[0]!, found[1]!];
          child = proc;
          resolve();
        }
      });
    });

  const stop = () =>
    new Promise<void>((resolve) => {
      const proc = child;
      child = null;
      if (!proc || proc.exitCode !== null || proc.signalCode !== null) return resolve();
      proc.once('exit', () => resolve());
      proc.kill('SIGTERM');
    });

  await start();
  return {
    a,
    b,
    get devices() {
      return devices;
    },
    get plugged() {
      return child !== null;
    },
    unplug: stop,
    async replug() {
      if (child) return;
      await start();
    },
    close: stop,
  };
}
