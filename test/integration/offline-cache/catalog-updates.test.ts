import { ed25519 } from '@noble/curves/ed25519.js';
import smCrypto from 'sm-crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { CATALOG, type Catalog } from '../../../contract/catalog';
import { PlatformKey } from '../../../platform-sim/platform-key';
import { PlatformSm2Key } from '../../../platform-sim/platform-sm2-key';
import { openKiosk, startSim } from '../../support/offline-kiosk';

const { sm2 } = smCrypto;
const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
});

/** The built-in catalog with one 一件事 renamed and a new version: what a province publishes. */
function renamed(version: string, name = '新生儿出生“一件事”（平台更新）'): Catalog {
  return { ...CATALOG, version, oneThings: CATALOG.oneThings.map((t) => (t.id === CATALOG.oneThings[0]!.id ? { ...t, name } : t)) };
}

async function setup(options: { sm2?: boolean } = {}) {
  const sim = await startSim(options.sm2 ? { sm2: true } : {});
  cleanup.push(() => sim.close());
  const kiosk = await openKiosk(sim.url);
  cleanup.push(() => kiosk.close());
  if (options.sm2) kiosk.pinPlatformSm2Key(sim.platformSm2PublicKey!);
  const admin = async (path: string, body: unknown) => {
    const res = await fetch(`${sim.url}${path}`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    expect(res.status, await res.clone().text()).toBe(200);
  };
  return { sim, kiosk, admin, key: PlatformKey.loadOrCreate(sim.dataDir) };
}

describe('catalog updates over a real platform-sim', () => {
  it('takes a newer signed catalog, then refuses an older one and a forged one, keeping the newer', async () => {
    const { kiosk, admin, key } = await setup();
    const changes: string[] = [];
    kiosk.catalog.onChange((c) => changes.push(c.version));
    await admin('/admin/catalog', renamed('2024-8.5'));
    expect(await kiosk.catalog.refresh(kiosk.client)).toEqual({ kind: 'updated', version: '2024-8.5' });
    expect(kiosk.catalog.catalog.oneThings[0]!.name).toBe('新生儿出生“一件事”（平台更新）');
    expect(kiosk.catalog.state()).toMatchObject({ version: '2024-8.5', source: 'platform', lastRefusal: null });

    // Properly signed by the platform, but older than what the kiosk runs: versions only go up.
    await admin('/admin/catalog', renamed('2024-8.3', '旧名称'));
    expect(await kiosk.catalog.refresh(kiosk.client)).toMatchObject({ kind: 'rejected', refusal: 'older' });
    expect(kiosk.catalog.state().lastRefusal).toMatchObject({ refusal: 'older', version: '2024-8.3' });

    // Signed by another key: forged.
    const payload = JSON.stringify(renamed('2024-8.9', '伪造的名称'));
    const otherKey = ed25519.utils.randomSecretKey();
    await admin('/admin/catalog/as-is', { payload, signature: { alg: 'ed25519', keyId: 'k', value: Buffer.from(ed25519.sign(Buffer.from(payload), otherKey)).toString('base64') } });
    expect(await kiosk.catalog.refresh(kiosk.client)).toMatchObject({ kind: 'rejected', refusal: 'forged' });

    // Unsigned: no signature at all, or an empty one.
    await admin('/admin/catalog/as-is', { payload });
    expect(await kiosk.catalog.refresh(kiosk.client)).toMatchObject({ kind: 'rejected', refusal: 'unsigned' });
    await admin('/admin/catalog/as-is', { payload, signature: { alg: 'ed25519', keyId: 'k', value: '' } });
    expect(await kiosk.catalog.refresh(kiosk.client)).toMatchObject({ kind: 'rejected', refusal: 'unsigned' });

    // Signed by the platform's key but not a catalog (26 一件事).
    const short = JSON.stringify({ ...renamed('2024-8.9'), oneThings: CATALOG.oneThings.slice(1) });
    await admin('/admin/catalog/as-is', { payload: short, signature: { alg: 'ed25519', keyId: 'k', value: key.sign(short) } });
    expect(await kiosk.catalog.refresh(kiosk.client)).toMatchObject({ kind: 'rejected', refusal: 'schema-invalid' });

    // Signed and valid, but a sub-item code the journeys name is gone: the kiosk could not run it.
    const first = CATALOG.oneThings[0]!;
    const unfit: Catalog = { ...renamed('2024-8.9'), oneThings: CATALOG.oneThings.map((t) => (t.id === first.id ? { ...t, subItems: t.subItems.map((s, i) => (i === 0 ? { ...s, code: `${t.code}-99` } : s)) } : t)) };
    const unfitPayload = JSON.stringify(unfit);
    await admin('/admin/catalog/as-is', { payload: unfitPayload, signature: { alg: 'ed25519', keyId: 'k', value: key.sign(unfitPayload) } });
    const r = await kiosk.catalog.refresh(kiosk.client);
    expect(r).toMatchObject({ kind: 'rejected', refusal: 'unfit' });
    expect(r.kind === 'rejected' && r.reason).toContain(`${first.code}-99`);

    expect(kiosk.catalog.version).toBe('2024-8.5');
    expect(kiosk.catalog.catalog.oneThings[0]!.name).toBe('新生儿出生“一件事”（平台更新）');
    expect(changes).toEqual(['2024-8.5']);

    // The platform fixes it: a newer good one is taken and the refusal clears.
    await admin('/admin/catalog', renamed('2024-8.10', '第十版名称'));
    expect(await kiosk.catalog.refresh(kiosk.client)).toEqual({ kind: 'updated', version: '2024-8.10' });
    expect(kiosk.catalog.state().lastRefusal).toBeNull();
    expect(changes).toEqual(['2024-8.5', '2024-8.10']);
  });

  it('with 国密 on, accepts an SM2-signed catalog with the pinned SM2 key and refuses one signed by another SM2 key or none', async () => {
    const { sim, kiosk, admin, key } = await setup({ sm2: true });
    const sm2Key = PlatformSm2Key.loadOrCreate(sim.dataDir);

    const payload = JSON.stringify(renamed('2024-8.6', '国密签名的名称'));
    const other = sm2.generateKeyPairHex();
    const otherSig = sm2.doSignature(Array.from(Buffer.from(payload)), other.privateKey, { hash: true, der: false, publicKey: other.publicKey, userId: '1234567812345678' });
    await admin('/admin/catalog/as-is', { payload, signature: { alg: 'ed25519', keyId: 'k', value: key.sign(payload) }, sm2Signature: { alg: 'sm2-sm3', keyId: 'x', value: otherSig } });
    expect(await kiosk.catalog.refresh(kiosk.client)).toMatchObject({ kind: 'rejected', refusal: 'forged', reason: expect.stringContaining('SM2') });

    // Ed25519 alone is not enough once 国密 is on.
    await admin('/admin/catalog/as-is', { payload, signature: { alg: 'ed25519', keyId: 'k', value: key.sign(payload) } });
    expect(await kiosk.catalog.refresh(kiosk.client)).toMatchObject({ kind: 'rejected', refusal: 'unsigned' });

    // SM2 only (no Ed25519 value), with the platform's SM2 key: accepted.
    await admin('/admin/catalog/as-is', { payload, signature: { alg: 'ed25519', keyId: 'k', value: '' }, sm2Signature: { alg: 'sm2-sm3', keyId: sm2Key.keyId, value: sm2Key.sign(payload) } });
    expect(await kiosk.catalog.refresh(kiosk.client)).toEqual({ kind: 'updated', version: '2024-8.6' });

    // What the simulator publishes in SM2 mode (both signatures) is accepted as well.
    await admin('/admin/catalog', renamed('2024-8.7', '双签名的名称'));
    expect(await kiosk.catalog.refresh(kiosk.client)).toEqual({ kind: 'updated', version: '2024-8.7' });
    expect(kiosk.catalog.catalog.oneThings[0]!.name).toBe('双签名的名称');
  });

  it('a stored catalog that fails its checks at boot is not used: the built-in one is, and the cache says why', async () => {
    const { sim, kiosk, admin } = await setup();
    await admin('/admin/catalog', renamed('2024-8.5'));
    expect(await kiosk.catalog.refresh(kiosk.client)).toMatchObject({ kind: 'updated' });
    kiosk.store.durable((db) => db.prepare(`UPDATE catalog SET body = replace(body, '平台更新', '被改动')`).run());
    await kiosk.close();
    cleanup.pop();
    const again = await openKiosk(sim.url, { dataDir: kiosk.dataDir });
    cleanup.push(() => again.close());
    expect(again.catalog.state()).toMatchObject({ version: CATALOG.version, source: 'built-in', storedUnusable: 'the stored catalog does not match its signature' });
    expect(again.catalog.catalog.oneThings[0]!.name).toBe(CATALOG.oneThings[0]!.name);
  });
});
