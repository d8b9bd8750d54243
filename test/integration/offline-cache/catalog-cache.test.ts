import { ed25519 } from '@noble/curves/ed25519.js';
import { afterEach, describe, expect, it } from 'vitest';
import { CATALOG } from '../../../contract/catalog';
import { PlatformKey } from '../../../platform-sim/platform-key';
import { openKiosk, startSim } from '../../support/offline-kiosk';

const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
});

async function setup() {
  const sim = await startSim();
  cleanup.push(() => sim.close());
  const kiosk = await openKiosk(sim.url);
  cleanup.push(() => kiosk.close());
  return { sim, kiosk, key: PlatformKey.loadOrCreate(sim.dataDir) };
}

describe('catalog cache', () => {
  it('starts from the built-in catalog, takes a newer signed one, then answers 304 by ETag; survives a restart', async () => {
    const { sim, kiosk } = await setup();
    expect(kiosk.catalog.version).toBe(CATALOG.version);
    const newer = { ...CATALOG, version: '2024-8.2' };
    const put = await fetch(`${sim.url}/admin/catalog`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(newer) });
    expect(put.status).toBe(200);
    expect(await kiosk.catalog.refresh(kiosk.client)).toEqual({ kind: 'updated', version: '2024-8.2' });
    expect(kiosk.catalog.catalog.oneThings.length).toBe(27);
    expect(await kiosk.catalog.refresh(kiosk.client)).toEqual({ kind: 'unchanged' });
    await kiosk.close();
    cleanup.pop();
    const again = await openKiosk(sim.url, { dataDir: kiosk.dataDir });
    cleanup.push(() => again.close());
    expect(again.catalog.version).toBe('2024-8.2');
  });

  it('rejects a tampered payload, a signature by another key and a signed non-catalog, keeping the previous catalog', async () => {
    const { kiosk, key } = await setup();
    const good = JSON.stringify({ ...CATALOG, version: '2024-8.9' });
    const signed = { payload: good, signature: { alg: 'ed25519' as const, keyId: 'k', value: key.sign(good) } };

    const tampered = { ...signed, payload: good.replace('2024-8.9', '2024-8.8') };
    expect(kiosk.catalog.accept(tampered, null)).toMatchObject({ kind: 'rejected', reason: 'signature does not verify' });

    const otherKey = ed25519.utils.randomSecretKey();
    const forged = { ...signed, signature: { ...signed.signature, value: Buffer.from(ed25519.sign(Buffer.from(good), otherKey)).toString('base64') } };
    expect(kiosk.catalog.accept(forged, null)).toMatchObject({ kind: 'rejected', reason: 'signature does not verify' });

    const unsigned = { ...signed, signature: { ...signed.signature, value: '' } };
    expect(kiosk.catalog.accept(unsigned, null).kind).toBe('rejected');

    const notACatalog = JSON.stringify({ version: 'x', oneThings: [] });
    expect(kiosk.catalog.accept({ payload: notACatalog, signature: { ...signed.signature, value: key.sign(notACatalog) } }, null)).toMatchObject({ kind: 'rejected' });
    expect(kiosk.catalog.accept(signed, '"0000"')).toMatchObject({ kind: 'rejected', reason: 'ETag does not match the payload' });

    expect(kiosk.catalog.version).toBe(CATALOG.version);
    expect(kiosk.catalog.accept(signed, null)).toEqual({ kind: 'updated', version: '2024-8.9' });
    expect(kiosk.catalog.version).toBe('2024-8.9');
  });
});
