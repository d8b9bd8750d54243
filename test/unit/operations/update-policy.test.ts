import { generateKeyPairSync, sign } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { artifactSignatureValid, beginTrial, onBoot, onHealthCheck, rollbackFeedUrl, shouldInstallNow, trialHealthy, updaterSettings } from '../../../host/operations/update-policy';
import { readTrialState, writeTrialState } from '../../../host/operations/update-state';
import { tempDir } from '../../support/processes';

describe('update policy', () => {
  const key = 'A'.repeat(43);
  it('refuses unsigned or non-https sources', () => {
    expect(updaterSettings({ url: null, channel: 'latest', publisherName: null, signingKey: null }, 'linux').enabled).toBe(false);
    expect(updaterSettings({ url: 'http://upd.example', channel: 'latest', publisherName: 'X', signingKey: key }, 'linux').enabled).toBe(false);
    expect(updaterSettings({ url: 'https://upd.example', channel: 'latest', publisherName: null, signingKey: null }, 'win32').enabled).toBe(false);
    expect(updaterSettings({ url: 'https://upd.example', channel: 'latest', publisherName: null, signingKey: null }, 'linux').enabled).toBe(false);
    const on = updaterSettings({ url: 'https://upd.example/kiosk', channel: 'latest', publisherName: '山西省政务服务管理局', signingKey: null }, 'win32');
    expect(on).toMatchObject({ enabled: true, feed: { provider: 'generic', url: 'https://upd.example/kiosk' }, autoInstallOnAppQuit: false, allowDowngrade: false });
  });

  it('checks detached Ed25519 signatures over the artifact bytes', () => {
    const { publicKey, privateKey } = generateKeyPairSync('ed25519');
    const x = (publicKey.export({ format: 'jwk' }) as { x: string }).x;
    const artifact = Buffer.from('kiosk-0.2.0.AppImage bytes');
    const sig = sign(null, artifact, privateKey).toString('base64');
    expect(artifactSignatureValid(artifact, sig, x)).toBe(true);
    expect(artifactSignatureValid(Buffer.from('kiosk-0.2.0.AppImage bytez'), sig, x)).toBe(false);
    expect(artifactSignatureValid(artifact, 'garbage', x)).toBe(false);
  });

  it('installs only when downloaded, nobody is being served and the kiosk has been quiet', () => {
    const base = { downloaded: true, residentSessionActive: false, maintenanceActive: false, idleMinutes: 10 };
    expect(shouldInstallNow(base)).toEqual({ install: true });
    expect(shouldInstallNow({ ...base, residentSessionActive: true }).install).toBe(false);
    expect(shouldInstallNow({ ...base, maintenanceActive: true }).install).toBe(false);
    expect(shouldInstallNow({ ...base, idleMinutes: 1 }).install).toBe(false);
    expect(shouldInstallNow({ ...base, downloaded: false }).install).toBe(false);
  });

  it('rolls back a version that fails its health check or keeps restarting on trial', () => {
    const trial = beginTrial('0.1.0', '0.2.0');
    const boot1 = onBoot(trial, '0.2.0');
    expect(boot1.action).toBe('wait-for-health');
    if (boot1.action !== 'wait-for-health') throw new Error();
    expect(onHealthCheck(boot1.state, false)).toMatchObject({ action: 'rollback', to: '0.1.0' });
    expect(onHealthCheck(boot1.state, true)).toMatchObject({ action: 'none', state: { phase: 'committed' } });
    let s = trial;
    let verdict = onBoot(s, '0.2.0');
    for (let i = 0; i < 3 && verdict.action === 'wait-for-health'; i++) {
      s = verdict.state;
      verdict = onBoot(s, '0.2.0');
    }
    expect(verdict).toMatchObject({ action: 'rollback', to: '0.1.0' });
    // After the rollback the old version boots committed.
    expect(onBoot(s, '0.1.0')).toMatchObject({ action: 'none', state: { version: '0.1.0', phase: 'committed' } });
  });
});

describe('trial health and state', () => {
  it('passes a version whose UI beats without recoveries and whose only faults are devices', () => {
    const beat = { lastHeartbeatAt: '2026-01-01T00:00:00Z', recoveries: 0 };
    expect(trialHealthy({ ui: beat, findings: [{ level: 'fault', area: 'device:printer' }] })).toBe(true);
    expect(trialHealthy({ ui: { ...beat, lastHeartbeatAt: null }, findings: [] })).toBe(false);
    expect(trialHealthy({ ui: { ...beat, recoveries: 1 }, findings: [] })).toBe(false);
    expect(trialHealthy({ ui: beat, findings: [{ level: 'fault', area: 'outbox' }] })).toBe(false);
  });

  it('keeps the trial state across restarts and reads a damaged file as none', () => {
    const dir = tempDir('trial');
    expect(readTrialState(dir)).toBeNull();
    writeTrialState(dir, beginTrial('0.1.0', '0.2.0'));
    expect(readTrialState(dir)).toEqual({ version: '0.2.0', previousVersion: '0.1.0', phase: 'trial', bootsOnTrial: 0 });
    writeFileSync(path.join(dir, 'update', 'state.json'), '{"version":');
    expect(readTrialState(dir)).toBeNull();
    expect(rollbackFeedUrl('https://upd.example/kiosk/', '0.1.0')).toBe('https://upd.example/kiosk/versions/0.1.0/');
  });
});
