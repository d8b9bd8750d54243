import { generateKeyPairSync } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUTH_HEADERS, PlatformErrorSchema, SIGNATURE_MAX_SKEW_MS } from '../../../contract/platform';
import { tempDir } from '../../support/processes';
import { startPlatformSim } from '../../../platform-sim/server';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { startSimWithKiosk, TestKiosk, type SimUnderTest } from './sim-client';

async function errorOf(res: Response) {
  return { status: res.status, ...PlatformErrorSchema.parse(await res.json()) };
}

describe('platform-sim device authentication', () => {
  let t: SimUnderTest;
  beforeAll(async () => {
    t = await startSimWithKiosk();
  });
  afterAll(async () => {
    await t.sim.close();
  });

  it('accepts a correctly signed request', async () => {
    const res = await t.kiosk.request('GET', '/v1/status?cursor=0');
    expect(res.status).toBe(200);
  });

  it('answers 401 naming the missing headers when a request is unsigned', async () => {
    const e = await errorOf(await fetch(`${t.sim.url}/v1/status`));
    expect(e).toMatchObject({ status: 401, code: 'unauthorized' });
    expect(e.issues?.map((i) => i.path)).toContain(`headers.${AUTH_HEADERS.signature}`);
  });

  it('answers 401 bad-signature for a signature by another key', async () => {
    const other = generateKeyPairSync('ed25519').privateKey;
    expect(await errorOf(await t.kiosk.request('GET', '/v1/status', undefined, { sign: { key: other } }))).toMatchObject({ status: 401, code: 'bad-signature' });
  });

  it('answers 401 bad-signature when the body was changed after signing', async () => {
    const signedFor = Buffer.from(JSON.stringify({ items: [1] }));
    const headers = { ...t.kiosk.signedHeaders('POST', '/v1/applications/batch', signedFor), 'content-type': 'application/json' };
    const res = await fetch(`${t.sim.url}/v1/applications/batch`, { method: 'POST', headers, body: JSON.stringify({ items: [2] }) });
    expect(await errorOf(res)).toMatchObject({ status: 401, code: 'bad-signature' });
  });

  it('answers 401 bad-signature when the path was changed after signing', async () => {
    const headers = t.kiosk.signedHeaders('GET', '/v1/status?cursor=0', null);
    const res = await fetch(`${t.sim.url}/v1/status?cursor=5`, { headers });
    expect(await errorOf(res)).toMatchObject({ status: 401, code: 'bad-signature' });
  });

  it('answers 401 stale-timestamp outside ±5 minutes, either way', async () => {
    const past = String(Date.now() - SIGNATURE_MAX_SKEW_MS - 10_000);
    const future = String(Date.now() + SIGNATURE_MAX_SKEW_MS + 10_000);
    expect(await errorOf(await t.kiosk.request('GET', '/v1/status', undefined, { sign: { timestamp: past } }))).toMatchObject({ status: 401, code: 'stale-timestamp' });
    const refused = await t.kiosk.request('GET', '/v1/status', undefined, { sign: { timestamp: future } });
    // The refusal carries the platform clock, so the kiosk can measure its skew.
    const platformTime = Date.parse(refused.headers.get('date') ?? '');
    expect(Math.abs(platformTime - Date.now())).toBeLessThan(60_000);
    expect(await errorOf(refused)).toMatchObject({ status: 401, code: 'stale-timestamp' });
  });

  it('answers 401 replayed-request when the exact same signed request comes again', async () => {
    const headers = t.kiosk.signedHeaders('GET', '/v1/status', null);
    expect((await fetch(`${t.sim.url}/v1/status`, { headers })).status).toBe(200);
    expect(await errorOf(await fetch(`${t.sim.url}/v1/status`, { headers }))).toMatchObject({ status: 401, code: 'replayed-request' });
  });

  it('does not let a forged request burn a nonce', async () => {
    const nonce = 'forged-nonce-0000000000';
    const other = generateKeyPairSync('ed25519').privateKey;
    expect((await t.kiosk.request('GET', '/v1/status', undefined, { sign: { nonce, key: other } })).status).toBe(401);
    expect((await t.kiosk.request('GET', '/v1/status', undefined, { sign: { nonce } })).status).toBe(200);
  });

  it('answers 401 unknown-kiosk for a kiosk that never registered', async () => {
    const stranger = new TestKiosk(t.sim.url, 'SX-XX-XX-9999');
    expect(await errorOf(await stranger.request('GET', '/v1/status'))).toMatchObject({ status: 401, code: 'unknown-kiosk' });
  });

  it('refuses provisioning with a wrong token (403) and a malformed key (400 naming publicKey)', async () => {
    const k = new TestKiosk(t.sim.url, 'SX-TY-XD-0100');
    expect(await errorOf(await k.provision('wrong-token-123'))).toMatchObject({ status: 403, code: 'unauthorized' });
    const res = await fetch(`${t.sim.url}/v1/devices/provision`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ kioskId: 'SX-TY-XD-0101', publicKey: 'abc', servicePoint: 'x', provisioningToken: 'demo-provisioning' }),
    });
    const e = await errorOf(res);
    expect(e).toMatchObject({ status: 400, code: 'invalid-body' });
    expect(e.issues?.[0]?.path).toBe('publicKey');
  });

  it('in production mode closes provisioning and trusts only keys.json', async () => {
    const dataDir = tempDir('platform-prod');
    const kiosk = new TestKiosk('http://unused', 'SX-DT-PC-0007');
    writeFileSync(path.join(dataDir, 'keys.json'), JSON.stringify({ kiosks: [{ kioskId: kiosk.kioskId, publicKey: kiosk.publicKeyBase64, servicePoint: '大同市平城区政务服务中心' }] }));
    const sim = await startPlatformSim({ port: 0, dataDir, production: true });
    try {
      const k = kiosk.at(sim.url);
      expect(await errorOf(await new TestKiosk(sim.url, 'SX-DT-PC-0008').provision())).toMatchObject({ status: 403, code: 'provisioning-closed' });
      expect((await k.request('GET', '/v1/status')).status).toBe(200);
    } finally {
      await sim.close();
    }
  });
});
