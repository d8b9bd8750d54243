import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { Diagnostics } from '../../../contract';
import { loadConfig } from '../../../host/config';
import { buildBundle, bundleTarget, writeBundle } from '../../../host/operations/diagnostics/bundle';
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

  it('keeps the URLs but not a user and password written into them', () => {
    const config = loadConfig({
      env: { KIOSK_DATA_DIR: tempDir('bundle-cfg'), KIOSK_PLATFORM_URL: 'https://kiosk:platform-pass-99@zwfw.example.gov.cn/api', KIOSK_FLEET_BROKER_URL: 'mqtts://k:broker-pass-77@mq.example.gov.cn:8883' },
      cwd: tempDir('bundle-cwd'),
    });
    const { bytes } = buildBundle({ config, diagnostics: { ...diagnostics, platform: { ...diagnostics.platform, url: config.platform.url! } }, logs: '', audit: { intact: true, length: 0, head: null, brokenAt: null } });
    const all = Object.values(unzipSync(bytes)).map((f) => strFromU8(f)).join('\n');
    expect(all).toContain('zwfw.example.gov.cn');
    expect(all).not.toContain('platform-pass-99');
    expect(all).not.toContain('broker-pass-77');
    expect(JSON.parse(strFromU8(unzipSync(bytes)['config.json']!))).toMatchObject({ platform: { url: 'https://removed@zwfw.example.gov.cn/api' }, fleet: { brokerUrl: 'mqtts://removed@mq.example.gov.cn:8883' } });
  });

  it('never overwrites a file that is there (O_EXCL), and loses nothing of it', () => {
    const target = path.join(tempDir('usb'), 'kiosk.zip');
    writeBundle(target, new Uint8Array([1, 2, 3]));
    expect(() => writeBundle(target, new Uint8Array([9]))).toThrow(/EEXIST/);
    expect([...readFileSync(target)]).toEqual([1, 2, 3]);
  });

  it('goes only below a removable-media mount root: the data folder, /etc and a symlink out of the drive are refused', () => {
    const media = tempDir('media');
    const usb = path.join(media, 'KINGSTON');
    mkdirSync(usb);
    const dataDir = tempDir('data');
    writeFileSync(path.join(dataDir, 'data.key'), 'the data key');
    const at = new Date('2026-01-01T10:00:00.000Z');
    const refused = bundleTarget(path.join(dataDir, 'data.key'), [media, '/run/media'], 'SX-TY-0001', at);
    expect(refused).toMatchObject({ ok: false, code: 'forbidden' });
    expect(refused.ok ? '' : refused.message).toContain(media);
    expect(bundleTarget('/etc', [media], 'SX-TY-0001', at)).toMatchObject({ ok: false, code: 'forbidden' });
    // The mount root itself is not a drive.
    expect(bundleTarget(media, [media], 'SX-TY-0001', at)).toMatchObject({ ok: false, code: 'forbidden' });
    expect(bundleTarget(path.join(usb, '..', '..', 'x.zip'), [media], 'SX-TY-0001', at)).toMatchObject({ ok: false, code: 'forbidden' });
    symlinkSync(dataDir, path.join(usb, 'escape'));
    expect(bundleTarget(path.join(usb, 'escape', 'data.key'), [media], 'SX-TY-0001', at)).toMatchObject({ ok: false, code: 'forbidden' });
    expect(readFileSync(path.join(dataDir, 'data.key'), 'utf8')).toBe('the data key');
    expect(bundleTarget(path.join(usb, 'mine.zip'), [media], 'SX-TY-0001', at)).toEqual({ ok: true, value: path.join(usb, 'mine.zip') });
  });

  it('reads the mount roots from KIOSK_EXPORT_ROOTS and refuses a relative one with the key named', () => {
    const cwd = tempDir('roots-cwd');
    expect(loadConfig({ env: { KIOSK_DATA_DIR: tempDir('roots') }, cwd }).operations.exportRoots).toEqual(['/media', '/run/media']);
    expect(loadConfig({ env: { KIOSK_DATA_DIR: tempDir('roots'), KIOSK_EXPORT_ROOTS: '/media, /mnt/usb' }, cwd }).operations.exportRoots).toEqual(['/media', '/mnt/usb']);
    expect(() => loadConfig({ env: { KIOSK_DATA_DIR: tempDir('roots'), KIOSK_EXPORT_ROOTS: 'media' }, cwd })).toThrow(/KIOSK_EXPORT_ROOTS/);
  });
});
