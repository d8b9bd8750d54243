import { afterEach, describe, expect, it } from 'vitest';
import { SerialPort } from 'serialport';
import { Device, DeviceManager, SerialLink, done, failed, type DeviceResult, type HealthLevel, type HealthReport } from '../../../drivers/device';
import { openPtyPair, type PtyPair } from '../../support/pty';

/** A minimal device on the base: writes `?`, expects `!` back. */
class PingDevice extends Device<string> {
  private link: SerialLink | null = null;
  private waiting: ((ok: boolean) => void) | null = null;
  active = 0;

  constructor(private readonly portPath: string) {
    super({ id: 'ping', kind: 'printer', name: 'ping', source: 'serial', path: portPath }, { callMs: 300, backoff: { initialMs: 20, maxMs: 400, factor: 2 } });
  }
  protected async connect(): Promise<DeviceResult<void>> {
    const r = await SerialLink.open(this.portPath, 115200, {
      onBytes: (b) => {
        if (b.includes(0x21)) this.waiting?.(true);
      },
      onLost: (reason) => this.portLost(`PORT-GONE ${reason}`),
    });
    if (!r.ok) return r;
    this.link = r.value;
    return done(undefined);
  }
  protected async disconnect(): Promise<void> {
    await this.link?.close();
    this.link = null;
  }
  protected async probe(level: HealthLevel, signal?: AbortSignal): Promise<DeviceResult<HealthReport>> {
    const answered = new Promise<boolean>((resolve) => {
      this.waiting = resolve;
      signal?.addEventListener('abort', () => resolve(false));
    });
    const w = await this.link!.write(Buffer.from('?'));
    if (!w.ok) return w;
    if (!(await answered)) return failed('timeout', 'NO-PONG');
    return done({ level, healthy: true, detail: 'pong' });
  }
  protected override onActive(): void {
    this.active++;
  }
  ping() {
    return this.checkHealth('internal');
  }
  failOnce() {
    return this.exclusive('FAIL', async () => failed('extended', 'TEST-FAIL'));
  }
}

/** The far end: answers `!` to every `?`. */
async function responder(path: string): Promise<SerialPort> {
  const port = new SerialPort({ path, baudRate: 115200, autoOpen: false });
  await new Promise<void>((res, rej) => port.open((e) => (e ? rej(e) : res())));
  port.on('data', (b: Buffer) => {
    if (b.includes(0x3f)) port.write('!');
  });
  port.on('error', () => undefined);
  return port;
}

let pty: PtyPair | null = null;
afterEach(async () => {
  await pty?.close();
  pty = null;
});

describe('Device base over a socat pty pair', () => {
  it('runs the life cycle, answers health checks, records failures and times out silent devices', async () => {
    pty = await openPtyPair();
    const far = await responder(pty.b);
    const manager = new DeviceManager();
    const device = manager.add(new PingDevice(pty.a));
    const statuses: string[] = [];
    manager.on('status', (s) => statuses.push(`${s.state}/${s.power}`));
    await manager.start();
    expect(device.status()).toMatchObject({ state: 'idle', power: 'online', claimed: true, enabled: true });
    expect(device.active).toBe(1);
    expect(device.claim()).toMatchObject({ ok: false, error: { code: 'busy' } });

    const health = await device.ping();
    expect(health).toMatchObject({ ok: true, value: { detail: 'pong' } });

    const bad = await device.failOnce();
    expect(bad).toMatchObject({ ok: false, error: { code: 'extended', extended: 'TEST-FAIL' } });
    expect(device.status().lastError?.extended).toBe('TEST-FAIL');
    expect(device.status().state).toBe('error');
    expect(device.status().lastError?.message).toMatch(/[\u4e00-\u9fff]/);

    // Silent far end: the deadline answers.
    far.removeAllListeners('data');
    const silent = await device.ping();
    expect(silent).toMatchObject({ ok: false, error: { code: 'timeout' } });
    expect(statuses).toContain('busy/online');
    // The silent call's turn ended at its deadline: the next call is not stuck behind it.
    far.on('data', (b: Buffer) => {
      if (b.includes(0x3f)) far.write('!');
    });
    expect(await device.ping()).toMatchObject({ ok: true });
    expect(device.status().state).toBe('idle');
    await new Promise<void>((r) => far.close(() => r()));
    await manager.stop();
    expect(device.status()).toMatchObject({ state: 'closed', claimed: false, enabled: false });
  });

  it('goes offline when the port vanishes and is back online within 2 s of its return', async () => {
    pty = await openPtyPair();
    const device = new PingDevice(pty.a);
    await device.open();
    device.claim();
    device.enable();
    expect(device.isOnline).toBe(true);
    await pty.unplug();
    await expect.poll(() => device.status().power, { timeout: 2000 }).toBe('offline');
    expect(device.status().lastError?.code).toBe('offline');
    expect(await device.ping()).toMatchObject({ ok: false, error: { code: 'offline' } });
    // Stay unplugged long enough for the backoff to reach its cap.
    await expect.poll(() => device.status().counters['reconnectAttempts'] ?? 0, { timeout: 5000 }).toBeGreaterThanOrEqual(4);
    await pty.replug();
    const back = Date.now();
    await expect.poll(() => device.status().power, { timeout: 2000, interval: 20 }).toBe('online');
    expect(Date.now() - back).toBeLessThan(2000);
    expect(device.active).toBe(2);
    const far = await responder(pty.b);
    expect(await device.ping()).toMatchObject({ ok: true });
    await new Promise<void>((r) => far.close(() => r()));
    await device.close();
  });

  it('opens offline when the port is missing at start and comes online when it appears', async () => {
    pty = await openPtyPair();
    await pty.unplug();
    const device = new PingDevice(pty.a);
    expect((await device.open()).ok).toBe(true);
    expect(device.status()).toMatchObject({ power: 'offline', lastError: { code: 'no-hardware', extended: 'PORT-MISSING' } });
    await pty.replug();
    await expect.poll(() => device.status().power, { timeout: 2000 }).toBe('online');
    await device.close();
  });
});
