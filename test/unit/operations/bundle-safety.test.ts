import { readFileSync } from 'node:fs';
import path from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { Diagnostics } from '../../../contract';
import { loadConfig } from '../../../host/config';
import { buildBundle, writeBundle } from '../../../host/services/diagnostics/bundle';
import { tempDir } from '../../support/processes';

const diagnostics: Diagnostics = {
  generatedAt: '2026-01-01T10:00:00.000Z',
  kioskId: 'SX-TY-0001',
  servicePoint: '服务点',
  overall: 'ok',
  findings: [],
  devices: [],
  outbox: { depth: 0, oldestPendingAt: null, lastSyncAt: null, quarantined: [] },
  platform: { url: 'https://p', reachable: true, latencyMs: 3, lastSuccessAt: null, clockSkewMs: 10 },
  system: { uptimeSec: 1, osUptimeSec: 2, memory: { rssBytes: 1, systemFreeBytes: 1, systemTotalBytes: 2 }, disk: { path: '/', freeBytes: 5e9, totalBytes: 1e10 }, dataDir: '/d', dataDirBytes: 10 },
  versions: { app: '0.1.0', node: '20.20.2', electron: null, chromium: null, sqlite: '3.50.0' },
  ui: { lastHeartbeatAt: null, recoveries: 0, lastRecovery: null },
  audit: { head: 'a'.repeat(64), length: 7 },
};

describe('diagnostics bundle', () => {
  it('carries no provisioning token', () => {
    const config = loadConfig({ env: { KIOSK_DATA_DIR: tempDir('bundle-cfg'), KIOSK_PROVISIONING_TOKEN: 'sekrit-token-4711' }, cwd: tempDir('bundle-cwd') });
    expect(config.offline.provisioningToken).toBe('sekrit-token-4711');
    const { bytes } = buildBundle({ config, diagnostics, logs: '', audit: { intact: true, length: 0, head: null, brokenAt: null } });
    const files = unzipSync(bytes);
    const all = Object.values(files).map((f) => strFromU8(f)).join('\n');
    expect(all).not.toContain('sekrit-token-4711');
    expect(JSON.parse(strFromU8(files['config.json']!))).toMatchObject({ offline: { provisioningToken: '[removed]' } });
  });

  it('never overwrites a file that is there (O_EXCL), and loses nothing of it', () => {
    const target = path.join(tempDir('usb'), 'kiosk.zip');
    writeBundle(target, new Uint8Array([1, 2, 3]));
    expect(() => writeBundle(target, new Uint8Array([9]))).toThrow(/EEXIST/);
    expect([...readFileSync(target)]).toEqual([1, 2, 3]);
  });
});
