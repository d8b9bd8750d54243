import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EidVerifyResponseSchema, EnterpriseLookupResponseSchema, IssueEidResponseSchema } from '../../../contract/platform';
import { FIXTURE_ENTERPRISES, UNREGISTERED_USCC } from '../../../platform-sim/store/enterprise-registry';
import { startSimWithKiosk, type SimUnderTest } from './sim-client';

const LI = { name: '李小红', idNumber: '140105199206110029', gender: '2', birthDate: '19920611', nation: '01', address: '山西省太原市小店区长治路227号' } as const;

describe('platform-sim: who applies (enterprise registry, e-ID QR)', () => {
  let t: SimUnderTest;
  beforeAll(async () => {
    t = await startSimWithKiosk();
  });
  afterAll(async () => {
    await t.sim.close();
  });
  const verify = async (code: string) => EidVerifyResponseSchema.parse(await (await t.kiosk.request('POST', '/v1/eid/verify', { code })).json());
  const issue = async (body: Record<string, unknown>) => {
    const res = await t.admin('POST', '/admin/eid/issue', body);
    expect(res.status).toBe(201);
    return IssueEidResponseSchema.parse(await res.json());
  };

  it('returns the registered name, type and legal representative of a fixture enterprise', async () => {
    const e = FIXTURE_ENTERPRISES.noodleCompany;
    const res = await t.kiosk.request('POST', '/v1/enterprises/lookup', { unifiedSocialCreditCode: e.unifiedSocialCreditCode });
    expect(res.status).toBe(200);
    expect(EnterpriseLookupResponseSchema.parse(await res.json())).toEqual({ found: true, enterprise: e });
  });

  it('answers found: false for a valid but unregistered code, and 400 for a code that is not one', async () => {
    const unknown = await t.kiosk.request('POST', '/v1/enterprises/lookup', { unifiedSocialCreditCode: UNREGISTERED_USCC });
    expect(EnterpriseLookupResponseSchema.parse(await unknown.json())).toEqual({ found: false });
    const bad = await t.kiosk.request('POST', '/v1/enterprises/lookup', { unifiedSocialCreditCode: 'NOT-A-CODE' });
    expect(bad.status).toBe(400);
  });

  it('verifies an issued e-ID code once, with the identity, and refuses the replay', async () => {
    const { code, expiresAt } = await issue({ issuer: 'sanjintong', identity: LI });
    expect(Date.parse(expiresAt) - Date.now()).toBeLessThanOrEqual(90_000);
    const first = await verify(code);
    expect(first).toMatchObject({ valid: true, issuer: 'sanjintong', identity: LI });
    expect(await verify(code)).toEqual({ valid: false, reason: 'replayed' });
  });

  it('refuses an expired code (the platform clock moved past its validity)', async () => {
    const { code } = await issue({ issuer: 'ctid', identity: LI, ttlSeconds: 60 });
    const advanced = await t.admin('POST', '/admin/clock/advance', { ms: 61_000 });
    expect(advanced.status).toBe(200);
    expect(await verify(code)).toEqual({ valid: false, reason: 'expired' });
  });

  it('refuses a forged code: payload changed, signature of someone else, or not a code at all', async () => {
    const { code } = await issue({ identity: LI });
    const [prefix, payload, signature] = code.split('.') as [string, string, string];
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { exp: number };
    const longer = Buffer.from(JSON.stringify({ ...claims, exp: claims.exp + 3_600_000 }), 'utf8').toString('base64url');
    expect(await verify(`${prefix}.${longer}.${signature}`)).toEqual({ valid: false, reason: 'bad-signature' });
    expect(await verify(`${prefix}.${payload}.${Buffer.alloc(64, 7).toString('base64url')}`)).toEqual({ valid: false, reason: 'bad-signature' });
    expect(await verify('140105199206110029')).toEqual({ valid: false, reason: 'malformed' });
    // The untouched code is still good (the forgeries did not use it up).
    expect((await verify(code)).valid).toBe(true);
  });

  it('needs the device signature like every /v1 route', async () => {
    const res = await fetch(`${t.sim.url}/v1/eid/verify`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code: 'SXEID1.a.b' }) });
    expect(res.status).toBe(401);
  });
});
