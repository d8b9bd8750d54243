import { cpSync, existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chooseKeySealing, kekSealer, systemdCredsSealer } from '../../../host/key-sealing';
import { plainFileSealer, SealedKeyError } from '../../../offline-cache/crypto/key-vault';
import { openKiosk, RESIDENT, startSim, submitApplication } from '../../support/offline-kiosk';
import { startKioskProcess, startPlatformProcess, tempDir, type PlatformProcess } from '../../support/processes';

// Real systemd-creds (Debian's systemd package), each kiosk with its own host secret file via
// SYSTEMD_CREDENTIAL_SECRET: the machine's /var/lib/systemd/credential.secret is never touched.
const secretEnv = (name: string) => ({ ...process.env, SYSTEMD_CREDENTIAL_SECRET: path.join(tempDir('cred'), name) });
const keyFiles = (dir: string) => readdirSync(path.join(dir, 'keys')).sort();
const header = (dir: string, key: string) => readFileSync(path.join(dir, 'keys', key)).subarray(0, 40).toString('latin1').split('\n')[0];

let sim: Awaited<ReturnType<typeof startSim>>;
beforeAll(async () => {
  sim = await startSim();
}, 60_000);
afterAll(async () => {
  await sim?.close();
});

describe('keys sealed with systemd-creds', () => {
  it('the chain picks systemd-creds with the host key when a secret is given, a KEK when provisioned, else the plain file', () => {
    const env = secretEnv('a');
    expect(chooseKeySealing('demo', env).sealer.kind).toMatch(/^systemd-creds:host/);
    const kekDir = tempDir('kek');
    const kekFile = path.join(kekDir, 'kek');
    writeFileSync(kekFile, Buffer.alloc(32, 9), { mode: 0o600 });
    expect(chooseKeySealing('demo', { CREDENTIALS_DIRECTORY: kekDir, KIOSK_KEY_SEALING: 'auto' }, { kekSealing: path.join(kekDir, 'none') }).sealer.kind).toBe('kek:credential');
    expect(chooseKeySealing('demo', { KIOSK_KEY_SEALING: 'kek' }, { kek: kekFile, kekCred: path.join(kekDir, 'none') }).sealer.kind).toBe('kek:file');
    expect(chooseKeySealing('demo', { KIOSK_KEY_SEALING: 'plain' }).sealer).toBe(plainFileSealer);
    expect(() => chooseKeySealing('demo', { KIOSK_KEY_SEALING: 'kek' }, { kek: path.join(kekDir, 'missing'), kekCred: path.join(kekDir, 'none') })).toThrow(/no key-encryption key/);
    expect(() => chooseKeySealing('demo', { KIOSK_KEY_SEALING: 'tpm' })).toThrow(/expected one of auto, systemd-creds, kek, plain/);
  });

  it('seals the keys, reopens the store over the same folder and reads an application back', async () => {
    const env = secretEnv('a');
    const sealer = systemdCredsSealer('host', env);
    const first = await openKiosk(sim.url, { sealer });
    const receipt = submitApplication(first);
    await first.close();
    expect(keyFiles(first.dataDir)).toEqual(['audit.key', 'data.key', 'device.key']);
    for (const k of ['audit.key', 'data.key', 'device.key']) expect(header(first.dataDir, k)).toBe('OTK-SEALED/1 systemd-creds');
    const again = await openKiosk(sim.url, { sealer: systemdCredsSealer('host', env), dataDir: first.dataDir });
    expect(again.keySealing.kind).toBe('systemd-creds:host');
    const found = again.ledger.listByIdNumber(RESIDENT.idNumber);
    expect(found.map((a) => a.localNumber)).toEqual([receipt.localNumber]);
    await again.close();
  });

  it('a copy of the data folder on a machine with another host secret does not open: a clear error, nothing overwritten', async () => {
    const first = await openKiosk(sim.url, { sealer: systemdCredsSealer('host', secretEnv('a')), kioskId: 'SX-TY-XD-0002' });
    submitApplication(first);
    await first.close();
    const copy = path.join(tempDir('copy'), 'data');
    cpSync(first.dataDir, copy, { recursive: true });
    const before = keyFiles(copy).map((k) => readFileSync(path.join(copy, 'keys', k)));
    const other = systemdCredsSealer('host', secretEnv('b'));
    // The other machine has a host secret of its own.
    other.seal(Buffer.alloc(32), 'probe');
    await expect(openKiosk(sim.url, { sealer: other, dataDir: copy, kioskId: 'SX-TY-XD-0002' })).rejects.toThrow(SealedKeyError);
    await expect(openKiosk(sim.url, { sealer: other, dataDir: copy, kioskId: 'SX-TY-XD-0002' })).rejects.toThrow(/data\.key .* cannot be unsealed with systemd-creds:host on this machine .*copied from another kiosk/);
    expect(keyFiles(copy).map((k) => readFileSync(path.join(copy, 'keys', k)))).toEqual(before);
    // A KEK-sealing kiosk reading systemd-creds files says so too.
    await expect(openKiosk(sim.url, { sealer: kekSealer(Buffer.alloc(32, 1), 'kek:file'), dataDir: copy, kioskId: 'SX-TY-XD-0002' })).rejects.toThrow(/sealed with systemd-creds, but this kiosk seals with kek:file/);
  });

  it('migrates plain key files: same records readable, plain copies gone', async () => {
    const plain = await openKiosk(sim.url, { sealer: plainFileSealer, kioskId: 'SX-TY-XD-0003' });
    const receipt = submitApplication(plain);
    await plain.close();
    const plainKey = readFileSync(path.join(plain.dataDir, 'keys', 'data.key'));
    const env = secretEnv('m');
    const sealed = await openKiosk(sim.url, { sealer: systemdCredsSealer('host', env), dataDir: plain.dataDir, kioskId: 'SX-TY-XD-0003' });
    expect(sealed.keySealing.migrated).toEqual(['data.key', 'device.key', 'audit.key']);
    expect(sealed.ledger.listByIdNumber(RESIDENT.idNumber).map((a) => a.localNumber)).toEqual([receipt.localNumber]);
    await sealed.close();
    expect(keyFiles(plain.dataDir)).toEqual(['audit.key', 'data.key', 'device.key']);
    const onDisk = readFileSync(path.join(plain.dataDir, 'keys', 'data.key'));
    expect(onDisk.includes(plainKey)).toBe(false);
    expect(header(plain.dataDir, 'data.key')).toBe('OTK-SEALED/1 systemd-creds');
  });
});

describe('the web shell seals at its composition root', () => {
  let platform: PlatformProcess;
  beforeAll(async () => {
    platform = await startPlatformProcess();
  }, 60_000);
  afterAll(async () => {
    await platform?.stop();
  });

  it('a kiosk process seals its keys with systemd-creds, restarts over them, and refuses a foreign host secret with one clear line', async () => {
    const env = secretEnv('p');
    const base = { KIOSK_PLATFORM_URL: platform.url, KIOSK_BOOT_JITTER_MS: '0', SYSTEMD_CREDENTIAL_SECRET: env.SYSTEMD_CREDENTIAL_SECRET };
    const k1 = await startKioskProcess(base);
    expect((await k1.call('sync.status')).status).toBe(200);
    await k1.stop();
    expect(header(k1.dataDir, 'data.key')).toBe('OTK-SEALED/1 systemd-creds');
    expect(header(k1.dataDir, 'device.key')).toBe('OTK-SEALED/1 systemd-creds');
    const k2 = await startKioskProcess({ ...base, KIOSK_DATA_DIR: k1.dataDir });
    expect((await k2.call('sync.status')).status).toBe(200);
    await k2.stop();
    const before = readFileSync(path.join(k1.dataDir, 'keys', 'data.key'));
    const foreign = secretEnv('q');
    systemdCredsSealer('host', foreign).seal(Buffer.alloc(32), 'probe');
    await expect(startKioskProcess({ ...base, KIOSK_DATA_DIR: k1.dataDir, SYSTEMD_CREDENTIAL_SECRET: foreign.SYSTEMD_CREDENTIAL_SECRET })).rejects.toThrow(/cannot be unsealed with systemd-creds:host on this machine/);
    expect(readFileSync(path.join(k1.dataDir, 'keys', 'data.key')).equals(before)).toBe(true);
    expect(existsSync(path.join(k1.dataDir, 'keys', 'data.key.plain'))).toBe(false);
  }, 120_000);
});
