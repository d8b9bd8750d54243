import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import net from 'node:net';
import { userInfo } from 'node:os';
import path from 'node:path';
import { tempDir } from './processes';

export interface BrokerUser {
  readonly name: string;
  readonly password: string;
}

export interface Mosquitto {
  readonly port: number;
  /** With `tls`: the test CA that signed the broker's certificate (for 127.0.0.1). */
  readonly caFile: string | null;
  readonly url: string;
  readonly dir: string;
  /** Stops it (SIGTERM: retained messages and sessions are saved) and starts it again on the same port. */
  restart(downMs?: number): Promise<void>;
  stop(): Promise<void>;
  pid(): number;
}

/** The fleet ACL (docs/fleet.md): a kiosk (user name = kiosk id) writes only under its own topics and reads only its commands. */
export const FLEET_ACL = [
  'user fleet-console',
  'topic read kiosk/v1/#',
  'topic write kiosk/v1/+/cmd/#',
  '',
  'pattern write kiosk/v1/%u/status',
  'pattern write kiosk/v1/%u/telemetry',
  'pattern write kiosk/v1/%u/ack',
  'pattern read kiosk/v1/%u/cmd/#',
  '',
].join('\n');

/**
 * The per-client queue of the production broker config (docs/fleet.md, "Sizing the broker's queue"): room for two
 * messages per kiosk of a 10,000-kiosk fleet (a status and a report each at a power-up, or every retained status at
 * once on a new console session), 32 MiB per client the memory bound. The benchmark and the tests run with it.
 */
export const FLEET_BROKER_QUEUE = ['max_queued_messages 20000', 'max_queued_bytes 33554432'] as const;

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

async function waitForPort(port: number, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 60_000; // a restart reloads every persisted session (10,000 in the benchmark)
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`mosquitto exited (${child.exitCode}): ${log()}`);
    const open = await new Promise<boolean>((resolve) => {
      const sock = net.connect(port, '127.0.0.1', () => {
        sock.destroy();
        resolve(true);
      });
      sock.once('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`mosquitto did not open port ${port}: ${log()}`);
}

/**
 * A real Mosquitto on a loopback port with its own config, password file and
 * ACL in a temp dir. `users` get passwords (mosquitto_passwd); anonymous
 * clients are refused unless `anonymous` (the benchmark's 10,000 kiosks).
 */
export async function startMosquitto(options: { users?: readonly BrokerUser[]; acl?: string; anonymous?: boolean; tls?: boolean; extra?: readonly string[] } = {}): Promise<Mosquitto> {
  const dir = tempDir('mosquitto');
  const caFile = options.tls ? makeTestPki(dir) : null;
  const port = await freePort();
  const passwd = path.join(dir, 'passwd');
  const acl = path.join(dir, 'acl');
  writeFileSync(passwd, '', { mode: 0o600 });
  for (const u of options.users ?? []) execFileSync('mosquitto_passwd', ['-b', passwd, u.name, u.password]);
  writeFileSync(acl, options.acl ?? FLEET_ACL);
  const conf = path.join(dir, 'mosquitto.conf');
  writeFileSync(
    conf,
    [
      'per_listener_settings false',
      // Started as root (CI containers), mosquitto would drop to user mosquitto and lose access to this temp dir.
      `user ${userInfo().username}`,
      `listener ${port} 127.0.0.1`,
      ...(caFile ? [`cafile ${caFile}`, `certfile ${dir}/broker.pem`, `keyfile ${dir}/broker.key`, 'tls_version tlsv1.2'] : []),
      `allow_anonymous ${options.anonymous ? 'true' : 'false'}`,
      ...(options.anonymous ? [] : [`password_file ${passwd}`]),
      `acl_file ${acl}`,
      'persistence true',
      `persistence_location ${dir}/`,
      'log_dest stderr',
      'log_type error',
      'log_type warning',
      'max_connections -1',
      ...FLEET_BROKER_QUEUE,
      ...(options.extra ?? []), // later lines win
      '',
    ].join('\n'),
  );
  let child: ChildProcess;
  let stderr = '';
  const launch = async () => {
    stderr = '';
    child = spawn('mosquitto', ['-c', conf], { stdio: ['ignore', 'ignore', 'pipe'] });
    child.stderr!.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-4000)));
    await waitForPort(port, child, () => stderr);
  };
  const halt = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await exited;
  };
  await launch();
  return {
    port,
    url: `${caFile ? 'mqtts' : 'mqtt'}://127.0.0.1:${port}`,
    caFile,
    dir,
    pid: () => child.pid!,
    async restart(downMs = 0) {
      await halt();
      if (downMs) await new Promise((r) => setTimeout(r, downMs));
      await launch();
    },
    stop: halt,
  };
}

/** A throw-away CA and a broker certificate for 127.0.0.1 (openssl), as a province's PKI would issue them. */
function makeTestPki(dir: string): string {
  const run = (args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
  run(['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '2', '-subj', '/CN=Test Province CA', '-keyout', 'ca.key', '-out', 'ca.pem']);
  run(['req', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-subj', '/CN=127.0.0.1', '-keyout', 'broker.key', '-out', 'broker.csr']);
  writeFileSync(path.join(dir, 'san.ext'), 'subjectAltName=IP:127.0.0.1\n');
  run(['x509', '-req', '-in', 'broker.csr', '-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial', '-days', '2', '-extfile', 'san.ext', '-out', 'broker.pem']);
  return path.join(dir, 'ca.pem');
}
