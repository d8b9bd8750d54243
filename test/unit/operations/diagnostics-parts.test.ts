import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { adviseDevice, type DeviceStatus } from '../../../contract';
import { KioskConfigSchema } from '../../../host/config';
import { createLogger } from '../../../host/log';
import { LogRing } from '../../../host/log-ring';
import { ConfigEditor } from '../../../host/operations/config-editor';
import { buildBundle } from '../../../host/operations/diagnostics/bundle';
import { outboxFindings } from '../../../host/operations/diagnostics/findings';
import { JsonlAuditTrail } from '../../../host/operations/maintenance/audit-trail';
import { tempDir } from '../../support/processes';

const printer: DeviceStatus = {
  id: 'printer',
  kind: 'printer',
  name: '回执打印机',
  source: 'sim',
  path: '/dev/pts/9',
  state: 'idle',
  power: 'online',
  claimed: true,
  enabled: true,
  lastError: null,
  conditions: { paper: 'ok' },
  counters: { printed: 3 },
  lastSeenAt: null,
};

describe('device advice', () => {
  it('names paper-out with its fix, a near end as a warning, and an unplugged reader as a fault', () => {
    expect(adviseDevice(printer)).toBeNull();
    expect(adviseDevice({ ...printer, conditions: { paper: 'end' } })).toMatchObject({ level: 'fault', code: 'PRINTER-PAPER-END', problem: { 'zh-CN': '打印机缺纸' }, fix: { 'zh-CN': '请更换热敏纸卷' } });
    expect(adviseDevice({ ...printer, conditions: { paper: 'near-end' } })).toMatchObject({ level: 'warn', code: 'PRINTER-PAPER-NEAR-END' });
    const reader = { ...printer, id: 'idcard', kind: 'idcard' as const, name: '身份证阅读器', power: 'offline' as const, conditions: {} };
    expect(adviseDevice(reader)).toMatchObject({ level: 'fault', code: 'IDCARD-UNPLUGGED' });
    expect(adviseDevice({ ...reader, source: 'none' })).toBeNull();
  });

  it('calls a queue stuck only when the platform answers', () => {
    const now = Date.parse('2026-01-01T10:00:00Z');
    const o = { depth: 3, oldestPendingAt: '2026-01-01T09:00:00Z', lastSyncAt: null, quarantined: [] };
    expect(outboxFindings(o, true, now).map((f) => f.code)).toEqual(['OUTBOX-STUCK']);
    expect(outboxFindings(o, false, now)).toEqual([]);
  });
});

describe('log ring', () => {
  it('keeps redacted lines only and filters by level and sequence', async () => {
    const ring = new LogRing(5);
    const logger = createLogger({ level: 'debug', ring, destination: { write: () => undefined } as never });
    logger.debug('boot');
    logger.info({ identity: { name: '张三', idNumber: '110101199003074711' } }, 'card read');
    logger.warn({ device: 'printer' }, 'paper end');
    await new Promise<void>((r) => setImmediate(r));
    const all = ring.tail();
    expect(all.map((e) => e.msg)).toEqual(['boot', 'card read', 'paper end']);
    expect(ring.dump()).not.toContain('张三');
    expect(ring.dump()).not.toContain('110101199003074711');
    expect(ring.tail({ level: 'warn' }).map((e) => e.msg)).toEqual(['paper end']);
    expect(ring.tail({ after: all[1]!.seq }).map((e) => e.msg)).toEqual(['paper end']);
    for (let i = 0; i < 10; i++) logger.info(`line ${i}`);
    expect(ring.tail().length).toBe(5);
  });
});

describe('config editor', () => {
  it('validates with the config schema, writes the file, applies live keys at once and audits', () => {
    const dir = tempDir('cfg');
    const config = KioskConfigSchema.parse({ dataDir: dir });
    const audit = new JsonlAuditTrail(path.join(dir, 'audit.jsonl'));
    const editor = new ConfigEditor({ config, audit, logger: createLogger({ level: 'silent' }), env: {} });
    const bad = editor.set('ui.idleSeconds', 3, 'test');
    expect(bad.ok).toBe(false);
    expect(bad.ok ? [] : bad.issues?.map((i) => i.path)).toEqual(['ui.idleSeconds']);
    expect(existsSync(editor.file)).toBe(false);
    expect(editor.set('devices.secret', 'x', 'test').ok).toBe(false);
    const good = editor.set('ui.idleSeconds', 90, 'test');
    expect(good).toMatchObject({ ok: true, value: { key: 'ui.idleSeconds', value: 90, applies: 'live' } });
    expect(config.ui.idleSeconds).toBe(90);
    expect(JSON.parse(readFileSync(editor.file, 'utf8'))).toEqual({ ui: { idleSeconds: 90 } });
    const restart = editor.set('devices.printerBaud', 9600, 'test');
    expect(restart).toMatchObject({ ok: true, value: { applies: 'restart' } });
    expect(config.devices.printerBaud).toBe(115200);
    expect(audit.head().length).toBe(2);
    const envLocked = new ConfigEditor({ config, audit, logger: createLogger({ level: 'silent' }), env: { KIOSK_IDLE_SECONDS: '60' } }).set('ui.idleSeconds', 80, 'test');
    expect(envLocked.ok ? 'ok' : envLocked.code).toBe('conflict');
  });
});

describe('diagnostics bundle', () => {
  it('is one zip with config, logs, devices, queue, versions and the audit check', () => {
    const config = KioskConfigSchema.parse({ dataDir: '/tmp/x' });
    const d = {
      generatedAt: new Date().toISOString(),
      kioskId: config.kioskId,
      servicePoint: config.servicePoint,
      overall: 'fault' as const,
      findings: [adviseDevice({ ...printer, conditions: { paper: 'end' } })!],
      devices: [],
      outbox: { depth: 1, oldestPendingAt: null, lastSyncAt: null, quarantined: [] },
      platform: { url: 'http://x', reachable: true, latencyMs: 3, lastSuccessAt: null, clockSkewMs: 0 },
      system: { uptimeSec: 1, osUptimeSec: 1, memory: { rssBytes: 1, systemFreeBytes: 1, systemTotalBytes: 2 }, disk: null, dataDir: '/tmp/x', dataDirBytes: 0 },
      versions: { app: '0.1.0', node: '20', electron: null, chromium: null, sqlite: '3' },
      ui: { lastHeartbeatAt: null, recoveries: 0, lastRecovery: null },
      audit: { head: null, length: 0 },
    };
    const { bytes, files } = buildBundle({ config, diagnostics: d, logs: '{"msg":"x"}\n', audit: { intact: true, length: 0, head: null, brokenAt: null } });
    const unzipped = unzipSync(bytes);
    expect(Object.keys(unzipped).sort()).toEqual([...files].sort());
    expect(strFromU8(unzipped['README.txt']!)).toContain('PRINTER-PAPER-END');
    expect(JSON.parse(strFromU8(unzipped['config.json']!)).kioskId).toBe(config.kioskId);
    expect(strFromU8(unzipped['logs.jsonl']!)).toBe('{"msg":"x"}\n');
  });
});
