import { spawn, type ChildProcess } from 'node:child_process';
import { createHmac } from 'node:crypto';
import dgram from 'node:dgram';
import net from 'node:net';
import type { IceConfig } from '../contract/video';

/**
 * TURN for kiosks behind NAT: coturn with `use-auth-secret` (the TURN REST
 * API scheme). Each call gets its own time-limited credentials,
 * username `<expiry unix s>:<call id>`, password base64(HMAC-SHA1(secret, username)),
 * so nothing long-lived ever reaches a browser.
 */
export interface TurnOptions {
  /** turn: URLs the browsers use, e.g. ["turn:turn.example.gov.cn:3478?transport=udp"]. */
  readonly urls: readonly string[];
  readonly secret: string;
  readonly ttlSeconds: number;
  /** 'relay' = every byte goes through TURN (tests; strict networks); 'all' = direct when possible. */
  readonly policy: 'all' | 'relay';
}

export function turnCredentials(secret: string, label: string, ttlSeconds: number, nowMs = Date.now()): { username: string; credential: string; expiresAt: Date } {
  const expires = Math.floor(nowMs / 1000) + ttlSeconds;
  const username = `${expires}:${label}`;
  return { username, credential: createHmac('sha1', secret).update(username).digest('base64'), expiresAt: new Date(expires * 1000) };
}

export function iceConfigFor(turn: TurnOptions | null, callId: string, nowMs = Date.now()): IceConfig {
  if (!turn || turn.urls.length === 0) return { iceServers: [], iceTransportPolicy: 'all', expiresAt: new Date(nowMs + 3600_000).toISOString() };
  const c = turnCredentials(turn.secret, callId, turn.ttlSeconds, nowMs);
  return { iceServers: [{ urls: [...turn.urls], username: c.username, credential: c.credential }], iceTransportPolicy: turn.policy, expiresAt: c.expiresAt.toISOString() };
}

export interface Coturn {
  readonly port: number;
  readonly url: string;
  readonly secret: string;
  stop(): Promise<void>;
}

/**
 * Starts Debian's coturn (`turnserver`) on loopback for demo mode, tests and
 * benchmarks: UDP+TCP on `port`, relay ports from `minPort`, shared secret
 * auth, loopback peers allowed (both ends are on this machine).
 */
export async function startCoturn(o: { port: number; secret: string; minPort?: number; maxPort?: number; binary?: string; ip?: string }): Promise<Coturn> {
  const ip = o.ip ?? '127.0.0.1';
  const minPort = o.minPort ?? 49_160;
  const maxPort = o.maxPort ?? minPort + 200;
  const args = [
    '-n',
    '--no-cli',
    '--no-tls',
    '--no-dtls',
    `--listening-ip=${ip}`,
    `--relay-ip=${ip}`,
    '-p',
    String(o.port),
    `--min-port=${minPort}`,
    `--max-port=${maxPort}`,
    '--use-auth-secret',
    `--static-auth-secret=${o.secret}`,
    '--realm=onething-kiosk',
    '--fingerprint',
    '--allow-loopback-peers',
    '--no-stdout-log',
    '--log-file=stdout',
    '--simple-log',
    '--pidfile=',
  ];
  const child: ChildProcess = spawn(o.binary ?? 'turnserver', args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  child.stdout?.on('data', (d: Buffer) => (log = (log + d.toString()).slice(-4000)));
  child.stderr?.on('data', (d: Buffer) => (log = (log + d.toString()).slice(-4000)));
  const spawnError = new Promise<Error>((resolve) => child.once('error', resolve));
  const deadline = Date.now() + 15_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`turnserver exited (${child.exitCode}): ${log.trim().split('\n').slice(-3).join(' | ')}`);
    const failed = await Promise.race([spawnError, Promise.resolve(null)]);
    if (failed) throw new Error(`turnserver could not start: ${failed.message} (Debian package coturn; scripts/setup.sh installs it)`);
    if (await tcpOpen(ip, o.port)) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`turnserver did not listen on ${ip}:${o.port} within 15 s: ${log.slice(-500)}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    port: o.port,
    url: `turn:${ip}:${o.port}?transport=udp`,
    secret: o.secret,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 3000).unref();
      }),
  };
}

function tcpOpen(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.connect(port, host, () => {
      s.destroy();
      resolve(true);
    });
    s.once('error', () => resolve(false));
  });
}

/** A port free for both TCP and UDP on loopback (coturn listens on both). */
export async function freeUdpTcpPort(): Promise<number> {
  for (let i = 0; i < 20; i++) {
    const port = await new Promise<number>((resolve, reject) => {
      const s = net.createServer();
      s.once('error', reject);
      s.listen(0, '127.0.0.1', () => {
        const p = (s.address() as net.AddressInfo).port;
        s.close(() => resolve(p));
      });
    });
    const udpFree = await new Promise<boolean>((resolve) => {
      const u = dgram.createSocket('udp4');
      u.once('error', () => resolve(false));
      u.bind(port, '127.0.0.1', () => u.close(() => resolve(true)));
    });
    if (udpFree) return port;
  }
  throw new Error('no free TCP+UDP port on 127.0.0.1');
}
