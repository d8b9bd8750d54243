import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CertificateLookupResponseSchema, PlatformErrorSchema } from '../../../contract/platform';
import { startSimWithKiosk, type SimUnderTest } from './sim-client';

describe('platform-sim e-certificate lookup (annex 3)', () => {
  let t: SimUnderTest;
  beforeAll(async () => {
    t = await startSimWithKiosk();
  });
  afterAll(async () => {
    await t.sim.close();
  });
  const lookup = async (holderIdNumber: string, certificateTypeCode: string) => t.kiosk.request('POST', '/v1/e-certificates/lookup', { holderIdNumber, certificateTypeCode });

  it('finds a seeded certificate by holder ID number and type, with the holder name masked', async () => {
    const seeded = await t.admin('POST', '/admin/certificates', {
      holderIdNumber: '14010519900101123X',
      holderName: '张小三',
      certificateTypeCode: 'EC019',
      certificateNumber: 'J140105-2020-000123',
      issuedAt: '2020-05-20T00:00:00.000Z',
    });
    expect(seeded.status).toBe(201);
    const res = CertificateLookupResponseSchema.parse(await (await lookup('14010519900101123X', 'EC019')).json());
    expect(res).toEqual({
      found: true,
      certificate: {
        certificateTypeCode: 'EC019',
        certificateTypeName: '结婚证',
        certificateNumber: 'J140105-2020-000123',
        issuingDepartment: '省民政厅',
        issuedAt: '2020-05-20T00:00:00.000Z',
        validUntil: null,
        holderNameMasked: '张*三',
      },
    });
  });

  it('answers found: false for a holder without that certificate', async () => {
    expect(CertificateLookupResponseSchema.parse(await (await lookup('14010519900101123X', 'EC020')).json())).toEqual({ found: false });
  });

  it('finds 居民身份证 (EC047) for any valid ID number but not for one failing the GB 11643 check digit', async () => {
    const ok = CertificateLookupResponseSchema.parse(await (await lookup('110101199003077571', 'EC047')).json());
    expect(ok.found).toBe(true);
    const bad = CertificateLookupResponseSchema.parse(await (await lookup('110101199003077572', 'EC047')).json());
    expect(bad.found).toBe(false);
  });

  it('refuses a type outside annex 3 with 400 unknown-certificate-type naming the field', async () => {
    const res = await lookup('14010519900101123X', 'EC144');
    expect(res.status).toBe(400);
    expect(PlatformErrorSchema.parse(await res.json())).toMatchObject({ code: 'unknown-certificate-type', issues: [{ path: 'certificateTypeCode' }] });
  });

  it('refuses a body without the holder ID number, naming it', async () => {
    const res = await t.kiosk.request('POST', '/v1/e-certificates/lookup', { certificateTypeCode: 'EC019' });
    expect(res.status).toBe(400);
    expect(PlatformErrorSchema.parse(await res.json()).issues?.[0]?.path).toBe('holderIdNumber');
  });
});
