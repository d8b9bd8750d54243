import { describe, expect, it } from 'vitest';
import { CATALOG, oneThingById } from '../../../contract/catalog';
import { buildPayload, journeyFor, validateForm } from '../../../contract/journeys';
import { readEnterpriseCode } from '../../../contract/validators';
import { FIXTURE_ENTERPRISES } from '../../../platform-sim/store/enterprise-registry';
import { RESIDENT, TODAY } from './fixtures';

const wiredOf = (id: string) => ({ thing: oneThingById(id)!, wired: journeyFor(id)!.wired! });

describe('who applies, in the payload', () => {
  const e = FIXTURE_ENTERPRISES.noodleCompany;
  const { thing, wired } = wiredOf('business-start');
  const base = {
    thing,
    wired,
    catalogVersion: CATALOG.version,
    identity: RESIDENT,
    localNumber: 'K1',
    today: TODAY,
    answers: { alreadyRegistered: true, seal: true, invoices: false, employees: false },
    materials: [{ kind: 'e-certificate' as const, materialId: 'businessLicence', certificateNumber: 'LIC-1' }],
  };
  const values = { mobile: '13812345678', enterpriseName: '打错的名字', uscc: e.unifiedSocialCreditCode.toLowerCase(), businessAddress: '太原市小店区', sealCount: '2' };
  const registry = { uscc: e.unifiedSocialCreditCode, name: e.name, type: e.type, legalRepresentative: e.legalRepresentative };

  it('sends the registry values as verified when the session looked up the code on the form', () => {
    const r = buildPayload({ ...base, values, enterprise: registry });
    expect(r.ok && r.value.enterprise).toEqual({ unifiedSocialCreditCode: e.unifiedSocialCreditCode, name: e.name, verified: true, type: e.type, legalRepresentative: e.legalRepresentative });
    expect(r.ok && r.value.form['enterpriseName']).toBe(e.name);
  });

  it('sends the typed values as unverified when the lookup was for another code, or none', () => {
    const other = buildPayload({ ...base, values, enterprise: { ...registry, uscc: FIXTURE_ENTERPRISES.grocery.unifiedSocialCreditCode } });
    expect(other.ok && other.value.enterprise).toEqual({ unifiedSocialCreditCode: e.unifiedSocialCreditCode, name: '打错的名字', verified: false });
    const none = buildPayload({ ...base, values });
    expect(none.ok && none.value.enterprise?.verified).toBe(false);
  });

  it('records how the applicant identified', () => {
    const r = buildPayload({ ...base, values, identityMethod: 'qr' });
    expect(r.ok && r.value.identityMethod).toBe('qr');
  });

  it('asks a card holder whose card has no address for it on the form, instead of failing on a hidden field', () => {
    const { wired: newborn } = wiredOf('newborn');
    const foreigner = { ...RESIDENT, cardType: 'foreign-permanent' as const, name: '施密特', idNumber: '914000198506201235', address: '', nation: undefined };
    const form = { mobile: '13912345678', relationship: 'father', childName: '施小明', childGender: 'male', childBirthDate: '2026-11-20', birthPlace: '山西省妇幼保健院', otherParentName: '李小红', otherParentIdNumber: '140105199206110029' };
    const problems = validateForm(newborn, { answers: {}, subItems: ['18-01', '18-02'], values: form, identity: foreigner, today: TODAY });
    expect(problems.map((p) => p.path)).toEqual(['form.applicantAddress']);
    expect(validateForm(newborn, { answers: {}, subItems: ['18-01', '18-02'], values: { ...form, applicantAddress: '山西省太原市小店区长治路1号' }, identity: foreigner, today: TODAY })).toEqual([]);
  });
});

describe('reading an enterprise code', () => {
  const code = FIXTURE_ENTERPRISES.grocery.unifiedSocialCreditCode;
  it('accepts the bare code, a licence QR URL of the credit publicity system, and an 电子营业执照 code', () => {
    expect(readEnterpriseCode(` ${code.toLowerCase()} `)).toEqual({ ok: true, uscc: code, source: 'code' });
    expect(readEnterpriseCode(`http://www.gsxt.gov.cn/index.html?uniscid=${code}&t=1`)).toEqual({ ok: true, uscc: code, source: 'licence-url' });
    expect(readEnterpriseCode(`https://sx.gsxt.gov.cn/corp/${code}`)).toEqual({ ok: true, uscc: code, source: 'licence-url' });
    expect(readEnterpriseCode(`EBL1:${code}:20261201T120000:ab12`)).toEqual({ ok: true, uscc: code, source: 'e-licence' });
  });
  it('refuses a wrong check character, a URL of another site, and a licence URL without a code', () => {
    expect(readEnterpriseCode(`${code.slice(0, 17)}0`).ok).toBe(false);
    expect(readEnterpriseCode(`https://example.com/?uniscid=${code}`).ok).toBe(false);
    expect(readEnterpriseCode('http://www.gsxt.gov.cn/%7BABCDEF%7D').ok).toBe(false);
  });
});
