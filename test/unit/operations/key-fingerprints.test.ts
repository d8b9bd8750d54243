import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { fingerprint } from '../../../host/provisioning';
import { keyFingerprints } from '../../../host/operations/maintenance/key-fingerprints';

const raw = () => generateKeyPairSync('ed25519').publicKey.export({ format: 'der', type: 'spki' }).subarray(-32).toString('base64');

describe('key fingerprints for the maintenance screen and provision show', () => {
  const device = raw();
  const platform = raw();
  it('prefers the imported platform key and says where it came from', () => {
    const imported = { platformPublicKey: platform, platformSm2PublicKey: `04${'ab'.repeat(64)}` };
    const k = keyFingerprints({ kioskId: 'SX-TY-0001', devicePublicKeyBase64: device, pinnedPlatformKey: raw(), imported, keySealing: 'kek:systemd-creds:host' });
    expect(k).toEqual({
      kioskId: 'SX-TY-0001',
      deviceKey: fingerprint(Buffer.from(device, 'base64')),
      platformKey: fingerprint(Buffer.from(platform, 'base64')),
      platformKeySource: 'imported',
      platformSm2Key: fingerprint(Buffer.from(`04${'ab'.repeat(64)}`, 'hex')),
      keySealing: 'kek:systemd-creds:host',
    });
    expect(k.deviceKey).toMatch(/^SHA256:[A-Za-z0-9+/]{43}$/);
    expect(k.deviceKey).not.toBe(k.platformKey);
  });

  it('shows a key pinned by demo registration as such, and none when nothing is pinned', () => {
    expect(keyFingerprints({ kioskId: 'SX-TY-0001', devicePublicKeyBase64: device, pinnedPlatformKey: platform, imported: null, keySealing: 'file-0600' })).toMatchObject({
      platformKey: fingerprint(Buffer.from(platform, 'base64')),
      platformKeySource: 'provisioned',
      platformSm2Key: null,
    });
    expect(keyFingerprints({ kioskId: 'SX-TY-0001', devicePublicKeyBase64: device, pinnedPlatformKey: null, imported: null, keySealing: 'file-0600' })).toMatchObject({ platformKey: null, platformKeySource: null });
  });
});
