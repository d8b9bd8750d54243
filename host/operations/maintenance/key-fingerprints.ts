import type { KeyFingerprints } from '../../../contract';
import { fingerprint, sm2Fingerprint, type PlatformKeyFile } from '../../provisioning';

/**
 * What a technician reads to the platform operator over the phone, and what
 * `onething-kiosk-provision show` prints: the kiosk id, the kiosk's device
 * key and the pinned platform keys, each as a SHA-256 fingerprint.
 */
export function keyFingerprints(k: {
  readonly kioskId: string;
  readonly devicePublicKeyBase64: string;
  /** The key the store pinned (provisioned in demo, or imported). */
  readonly pinnedPlatformKey: string | null;
  readonly imported: PlatformKeyFile | null;
  /** How the data and device keys are sealed on disk (host/key-sealing.ts). */
  readonly keySealing: string;
}): KeyFingerprints {
  const platformKey = k.imported?.platformPublicKey ?? k.pinnedPlatformKey;
  return {
    kioskId: k.kioskId,
    deviceKey: fingerprint(Buffer.from(k.devicePublicKeyBase64, 'base64')),
    platformKey: platformKey ? fingerprint(Buffer.from(platformKey, 'base64')) : null,
    platformKeySource: k.imported ? 'imported' : k.pinnedPlatformKey ? 'provisioned' : null,
    platformSm2Key: k.imported?.platformSm2PublicKey ? sm2Fingerprint(k.imported.platformSm2PublicKey) : null,
    keySealing: k.keySealing,
  };
}
