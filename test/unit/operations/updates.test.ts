import { ed25519 } from '@noble/curves/ed25519.js';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ok } from '../../../contract';
import { commandSigningString, KioskCommandBodySchema, type KioskCommand } from '../../../contract/platform';
import { loadConfig } from '../../../host/config';
import { createLogger } from '../../../host/log';
import { compareVersions, updateFindings, type UpdateReport } from '../../../host/operations/updates';
import { JsonlAuditTrail } from '../../../host/operations/maintenance/audit-trail';
import { RemoteCommandRunner } from '../../../host/operations/remote-commands';
import { tempDir } from '../../support/processes';

const secret = ed25519.utils.randomSecretKey();
const platformKey = Buffer.from(ed25519.getPublicKey(secret)).toString('base64');
function signed(body: KioskCommand['command'], id: string): KioskCommand {
  const unsigned = { commandId: id, kioskId: 'SX-TY-0001', issuedAt: '2026-01-01T08:00:00Z', expiresAt: '2026-01-01T09:00:00Z', command: body };
  return { ...unsigned, signature: Buffer.from(ed25519.sign(new TextEncoder().encode(commandSigningString(unsigned)), secret)).toString('base64') };
}

describe('check-update, the fleet command', () => {
  it('runs once through the signed, at-most-once runner and passes the rollout version on', async () => {
    const dir = tempDir('check-update');
    const asked: (string | undefined)[] = [];
    const runner = new RemoteCommandRunner({
      kioskId: () => 'SX-TY-0001',
      platformKey: () => platformKey,
      audit: new JsonlAuditTrail(path.join(dir, 'audit.jsonl')),
      logger: createLogger({ level: 'silent' }),
      dataDir: dir,
      now: () => new Date('2026-01-01T08:30:00Z'),
      actions: {
        refreshCatalog: async () => ok('x'),
        restartUi: () => ok('x'),
        uploadDiagnostics: async () => ok('x'),
        setConfig: () => ok('x'),
        checkUpdate: async (v) => (asked.push(v), ok(`checking ${v}`)),
      },
    });
    const c = signed({ kind: 'check-update', version: '1.4.0' }, '0190a0b0-0000-7000-8000-000000000001');
    expect(await runner.runOne(c)).toMatchObject({ outcome: 'done', detail: 'checking 1.4.0' });
    expect(await runner.runOne(c)).toMatchObject({ outcome: 'duplicate' });
    expect(asked).toEqual(['1.4.0']);
    // Forged (the version changed after signing): refused, not run.
    expect(await runner.runOne({ ...signed({ kind: 'check-update', version: '1.4.0' }, '0190a0b0-0000-7000-8000-000000000002'), command: { kind: 'check-update', version: '9.9.9' } })).toMatchObject({ outcome: 'refused' });
    expect(asked).toEqual(['1.4.0']);
    expect(KioskCommandBodySchema.safeParse({ kind: 'check-update', version: 'latest; rm -rf /' }).success).toBe(false);
  });
});

describe('update rules', () => {
  it('orders versions, a pre-release before its release', () => {
    expect(compareVersions('1.10.0', '1.9.3')).toBeGreaterThan(0);
    expect(compareVersions('1.4.0', '1.4.0')).toBe(0);
    expect(compareVersions('1.4.0-rc.1', '1.4.0')).toBeLessThan(0);
    expect(compareVersions('0.9.0', '1.0.0')).toBeLessThan(0);
  });

  it('the update server is https; http only on loopback in demo mode', () => {
    const env = (mode: string, url: string) => ({ KIOSK_MODE: mode, KIOSK_UPDATE_URL: url, KIOSK_DATA_DIR: tempDir('cfg') });
    expect(loadConfig({ env: env('demo', 'http://127.0.0.1:8123/repo') }).operations.updateUrl).toBe('http://127.0.0.1:8123/repo');
    expect(loadConfig({ env: env('production', 'https://updates.example.invalid/kiosk') }).operations.updateUrl).toBe('https://updates.example.invalid/kiosk');
    expect(() => loadConfig({ env: env('production', 'http://127.0.0.1:8123/repo') })).toThrow('config error: KIOSK_UPDATE_URL: expected an https URL (http only on loopback in demo mode)');
    expect(() => loadConfig({ env: env('demo', 'http://updates.example.invalid/') })).toThrow(/KIOSK_UPDATE_URL: expected an https URL/);
  });

  it('a rollback is a dashboard finding in both languages until a later release commits', () => {
    const base: UpdateReport = { state: 'committed', runningVersion: '1.1.0', targetVersion: '1.1.0', detail: '', at: '2026-01-01T08:00:00Z', lastRollback: null };
    expect(updateFindings(base)).toEqual([]);
    const rolled = updateFindings({ ...base, state: 'rolled-back', lastRollback: { version: '1.2.0', reason: 'version 1.2.0 failed its health check: no UI heartbeat', at: base.at } });
    expect(rolled).toHaveLength(1);
    expect(rolled[0]).toMatchObject({ level: 'warn', area: 'update', code: 'UPDATE-ROLLED-BACK' });
    expect(rolled[0]!.problem['zh-CN']).toContain('已自动回退到 1.1.0');
    expect(rolled[0]!.problem.en).toContain('rolled back to 1.1.0');
    expect(updateFindings({ ...base, state: 'refused', detail: 'release metadata refused: timestamp.json is expired' })[0]?.code).toBe('UPDATE-METADATA-REFUSED');
  });
});
