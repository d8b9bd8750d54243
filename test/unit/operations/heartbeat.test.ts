import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { adviseDevice, type DeviceStatus, type Diagnostics } from '../../../contract';
import { HeartbeatSchema } from '../../../contract/platform';
import { bundleTarget } from '../../../host/operations/diagnostics/bundle';
import { HeartbeatService, heartbeatFrom, statusSignature, type HeartbeatChannel } from '../../../host/operations/heartbeat';
import type { RemoteCommandRunner } from '../../../host/operations/remote-commands';
import type { Logger } from '../../../host/log';
import { tempDir } from '../../support/processes';

const printer: DeviceStatus = {
  id: 'printer',
  kind: 'printer',
  name: '回执打印机',
  source: 'serial',
  path: '/dev/ttyUSB1',
  state: 'idle',
  power: 'online',
  claimed: true,
  enabled: true,
  lastError: null,
  conditions: { paper: 'end' },
  counters: { printed: 12 },
  lastSeenAt: '2026-01-01T09:59:00Z',
};

function diagnostics(over: Partial<Diagnostics> = {}): Diagnostics {
  const finding = adviseDevice(printer)!;
  return {
    generatedAt: '2026-01-01T10:00:00.000Z',
    kioskId: 'SX-TY-0001',
    servicePoint: '服务点',
    overall: 'fault',
    findings: [finding],
    devices: [{ status: printer, level: 'fault', finding }],
    outbox: { depth: 3, oldestPendingAt: '2026-01-01T09:00:00.000Z', lastSyncAt: null, quarantined: [{ id: 'q1', kind: 'feedback', reason: 'x', at: '2026-01-01T09:00:00Z', attempts: 2 }] },
    platform: { url: 'http://p', reachable: true, latencyMs: 3, lastSuccessAt: null, clockSkewMs: 10 },
    system: { uptimeSec: 3600.4, osUptimeSec: 7200, memory: { rssBytes: 1, systemFreeBytes: 1, systemTotalBytes: 2 }, disk: { path: '/', freeBytes: 5e9, totalBytes: 1e10 }, dataDir: '/d', dataDirBytes: 10 },
    versions: { app: '0.1.0', node: '20.20.2', electron: null, chromium: null, sqlite: '3.50.0' },
    ui: { lastHeartbeatAt: null, recoveries: 0, lastRecovery: null },
    audit: { head: 'a'.repeat(64), length: 7 },
    ...over,
  };
}

describe('heartbeatFrom', () => {
  it('reports states, codes, queue age, disk and audit head in the platform schema', () => {
    const hb = heartbeatFrom(diagnostics(), { mode: 'production', catalogVersion: '2026.1', acks: [] }, '0190a0b0-0000-7000-8000-000000000001');
    expect(HeartbeatSchema.safeParse(hb).success).toBe(true);
    expect(hb.devices[0]).toMatchObject({ id: 'printer', errorCode: 'PRINTER-PAPER-END', conditions: { paper: 'end' } });
    expect(hb.outbox).toEqual({ queued: 3, quarantined: 1, oldestPendingSeconds: 3600 });
    expect(hb.uptimeSeconds).toBe(3600);
    expect(hb.auditHead).toEqual({ seq: 7, hash: 'a'.repeat(64) });
    // Nothing but the device's technical record: no names, paths or service point text.
    expect(JSON.stringify(hb)).not.toContain('/dev/ttyUSB1');
  });

  it('counts a change only when levels, codes or device states change', () => {
    const a = statusSignature(diagnostics());
    expect(statusSignature(diagnostics({ generatedAt: '2026-01-01T10:05:00.000Z', system: { ...diagnostics().system, uptimeSec: 9999 } }))).toBe(a);
    const fixed = { ...printer, conditions: { paper: 'ok' } };
    expect(statusSignature(diagnostics({ overall: 'ok', findings: [], devices: [{ status: fixed, level: 'ok', finding: null }] }))).not.toBe(a);
  });
});

describe('bundleTarget', () => {
  it('names a dated file inside a chosen folder below a mount root, refuses relative paths and missing drives', () => {
    const media = tempDir('media');
    const usb = path.join(media, 'USB-A');
    mkdirSync(usb);
    const at = new Date('2026-01-01T10:00:00.000Z');
    expect(bundleTarget(usb, [media], 'SX-TY-0001', at)).toEqual({ ok: true, value: path.join(usb, 'kiosk-SX-TY-0001-2026-01-01T10-00-00-000Z.zip') });
    expect(bundleTarget(usb, [media], 'SX-TY-0001', at, '-quarantined.json')).toEqual({ ok: true, value: path.join(usb, 'kiosk-SX-TY-0001-2026-01-01T10-00-00-000Z-quarantined.json') });
    expect(bundleTarget('media/usb', [media], 'SX-TY-0001', at)).toMatchObject({ ok: false, code: 'invalid-input' });
    expect(bundleTarget(path.join(media, 'not-plugged-in', 'x.zip'), [media], 'SX-TY-0001', at)).toMatchObject({ ok: false, code: 'not-found' });
    mkdirSync(path.join(usb, 'sub'));
    expect(bundleTarget(path.join(usb, 'sub', 'mine.zip'), [media], 'SX-TY-0001', at)).toEqual({ ok: true, value: path.join(usb, 'sub', 'mine.zip') });
  });
});

describe('HeartbeatService: stopped while the boot report is being collected', () => {
  it('hands nothing to the channel (the store behind it is closing), and logs no error', async () => {
    let collected!: (d: Diagnostics) => void;
    const delivered: unknown[] = [];
    const errors: unknown[] = [];
    const logger = { error: (...a: unknown[]) => errors.push(a), warn: () => undefined, info: () => undefined, debug: () => undefined } as unknown as Logger;
    const svc = new HeartbeatService({
      collect: () => new Promise((r) => (collected = r)),
      channel: {
        deliver: (hb: unknown) => {
          delivered.push(hb);
        },
      } as unknown as HeartbeatChannel,
      commands: { acks: () => [] } as unknown as RemoteCommandRunner,
      intervalMs: () => 60_000,
      mode: 'demo',
      catalogVersion: () => '2026.1',
      logger,
    });
    svc.start();
    svc.stop();
    collected(diagnostics());
    await new Promise((r) => setTimeout(r, 10));
    expect(delivered).toEqual([]);
    expect(errors).toEqual([]);
  });
});
