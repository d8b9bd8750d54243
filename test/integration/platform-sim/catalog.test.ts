import { ed25519 } from '@noble/curves/ed25519.js';
import { createHash } from 'node:crypto';
import smCrypto from 'sm-crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CATALOG } from '../../../contract/catalog';
import { CatalogDocumentSchema, ProvisionResponseSchema, SignedCatalogSchema } from '../../../contract/platform';
import { startSimWithKiosk, TestKiosk, type SimUnderTest } from './sim-client';

const { sm2 } = smCrypto;

describe('platform-sim signed catalog', () => {
  let t: SimUnderTest;
  beforeEach(async () => {
    t = await startSimWithKiosk();
  });
  afterEach(async () => {
    await t.sim.close();
  });

  const verify = (signed: { payload: string; signature: { value: string } }, key: string) =>
    ed25519.verify(Buffer.from(signed.signature.value, 'base64'), new TextEncoder().encode(signed.payload), Buffer.from(key, 'base64'));

  it('serves the built-in catalog signed by the key handed out at provisioning (verified with @noble/curves, as under Electron)', async () => {
    const k = new TestKiosk(t.sim.url, 'SX-TY-XD-0003');
    const provisioned = ProvisionResponseSchema.parse(await (await k.provision()).json());
    const res = await k.request('GET', '/v1/catalog');
    expect(res.status).toBe(200);
    const signed = SignedCatalogSchema.parse(await res.json());
    expect(signed.signature.keyId).toBe(provisioned.platformKeyId);
    expect(verify(signed, provisioned.platformPublicKey)).toBe(true);
    const catalog = CatalogDocumentSchema.parse(JSON.parse(signed.payload));
    expect(catalog.oneThings).toHaveLength(27);
    expect(catalog.eCertificates).toHaveLength(143);
    expect(res.headers.get('etag')).toBe(`"${createHash('sha256').update(signed.payload).digest('hex')}"`);
  });

  it('with --sm2 also carries an SM2 (国密) signature that verifies in pure JS with the provisioned SM2 key', async () => {
    expect(SignedCatalogSchema.parse(await (await t.kiosk.request('GET', '/v1/catalog')).json()).sm2Signature).toBeUndefined();
    await t.sim.close();
    t = await startSimWithKiosk({ dataDir: t.dataDir, sm2: true }, t.kiosk);
    const k = new TestKiosk(t.sim.url, 'SX-TY-XD-0004');
    const provisioned = ProvisionResponseSchema.parse(await (await k.provision()).json());
    expect(provisioned.platformSm2PublicKey).toBe(t.sim.platformSm2PublicKey);
    const signed = SignedCatalogSchema.parse(await (await k.request('GET', '/v1/catalog')).json());
    const bytes = (s: string) => Array.from(Buffer.from(s, 'utf8'));
    const verifySm2 = (payload: string) => sm2.doVerifySignature(bytes(payload), signed.sm2Signature!.value, provisioned.platformSm2PublicKey!, { hash: true, der: false, userId: '1234567812345678' });
    expect(verifySm2(signed.payload)).toBe(true);
    expect(verifySm2(signed.payload.replace('企业开办', '企业关门'))).toBe(false);
  });

  it('a changed byte no longer verifies', async () => {
    const signed = SignedCatalogSchema.parse(await (await t.kiosk.request('GET', '/v1/catalog')).json());
    const tampered = { ...signed, payload: signed.payload.replace('企业开办', '企业关门') };
    expect(tampered.payload).not.toBe(signed.payload);
    expect(verify(tampered, t.sim.platformPublicKey)).toBe(false);
  });

  it('answers 304 to If-None-Match with the current ETag, and 200 with a new ETag after a publish', async () => {
    const first = await t.kiosk.request('GET', '/v1/catalog');
    const etag = first.headers.get('etag')!;
    const same = await t.kiosk.request('GET', '/v1/catalog', undefined, { headers: { 'if-none-match': etag } });
    expect(same.status).toBe(304);
    expect(await same.text()).toBe('');

    const published = await t.admin('PUT', '/admin/catalog', { ...CATALOG, version: '2024-8.2' });
    expect(published.status).toBe(200);
    const changed = await t.kiosk.request('GET', '/v1/catalog', undefined, { headers: { 'if-none-match': etag } });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).not.toBe(etag);
    const signed = SignedCatalogSchema.parse(await changed.json());
    expect(JSON.parse(signed.payload).version).toBe('2024-8.2');
    expect(verify(signed, t.sim.platformPublicKey)).toBe(true);
  });

  it('keeps its signing key and published catalog across a restart', async () => {
    await t.admin('PUT', '/admin/catalog', { ...CATALOG, version: '2024-8.3' });
    const key = t.sim.platformPublicKey;
    await t.sim.close();
    t = await startSimWithKiosk({ dataDir: t.dataDir }, t.kiosk);
    expect(t.sim.platformPublicKey).toBe(key);
    const signed = SignedCatalogSchema.parse(await (await t.kiosk.request('GET', '/v1/catalog')).json());
    expect(JSON.parse(signed.payload).version).toBe('2024-8.3');
  });

  it('refuses to publish a catalog that breaks the schema, naming the field', async () => {
    const res = await t.admin('PUT', '/admin/catalog', { ...CATALOG, oneThings: CATALOG.oneThings.slice(1) });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { issues: { path: string }[] }).issues[0]!.path).toBe('oneThings');
  });
});
