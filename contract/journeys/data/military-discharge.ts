import type { Journey } from '../schema';
import { APPLICANT_FIELDS, choice, kioskWhere, t, yesNo } from './common';

const WORKING = { question: 'placement', oneOf: ['selfEmployed', 'assignedJob'] } as const;

/** 军人退役 (annex 1 no. 8): the veteran applies in person at the place of settlement. */
export const MILITARY_DISCHARGE: Journey = {
  oneThing: 'military-discharge',
  guide: {
    covers: t(
      '退役后一次申请：退役报到、恢复户口、办理居民身份证、预备役登记、社会保险登记和军地养老保险关系转移接续、医保参保和关系转移接续，以及自主就业退役士兵的一次性经济补助金。',
      'After leaving the forces, one application covers reporting for settlement, restoring the household registration, a new ID card, reserve registration, social insurance registration and the transfer of the military pension, medical insurance and its transfer, and the one-off allowance for soldiers who find their own work.',
    ),
    eligibility: [
      t('退役军人本人，持居民身份证和《退出现役证》到安置地办理。', 'The veteran in person, with the ID card and the discharge certificate, at the place of settlement.'),
      t('应在退出现役后30日内到安置地退役军人事务部门报到。', 'Report to the veterans’ affairs office of the place of settlement within 30 days of discharge.'),
    ],
    timeLimit: t('报到当场办结；恢复户口和身份证一般5个工作日，补助金一般20个工作日内发放。', 'Reporting on the spot; household registration and ID card usually within 5 working days; the allowance is usually paid within 20 working days.'),
    where: kioskWhere(t('退役军人服务站或“高效办成一件事”综合窗口', 'the veterans’ service station or the “one thing done” combined window')),
  },
  wired: {
    questions: [
      choice('placement', '您的安置方式是哪一种？', 'How are you being settled?', [
        ['selfEmployed', '自主就业（退役士兵）', 'Finding my own work (discharged soldier)'],
        ['assignedJob', '安排工作', 'Assigned a job'],
        ['retired', '退休（移交安置）', 'Retired (handed over for retirement care)'],
        ['supported', '供养', 'Supported for life'],
      ], { hint: t('按《退役军人安置介绍信》上写的方式选。', 'Choose what your settlement letter says.') }),
      yesNo('hukouCancelled', '入伍时户口是否已经注销，需要恢复？', 'Was your household registration cancelled when you joined, so it must be restored?', {
        hint: t('恢复户口后会同时为您办理新的居民身份证。', 'A new ID card is issued once the registration is restored.'),
      }),
      yesNo('socialInsurance', '是否在安置地办理社会保险登记，并把军人养老保险关系转过来？', 'Register for social insurance here and transfer your military pension insurance?', { askIf: WORKING }),
      yesNo('medicalInsurance', '是否在安置地参加基本医疗保险，并把军人医疗保险关系转过来？', 'Join basic medical insurance here and transfer your military medical insurance?'),
    ],
    subItemRules: [
      { subItem: '08-01', when: { always: true } },
      { subItem: '08-02', when: { question: 'hukouCancelled', equals: true } },
      { subItem: '08-03', when: { question: 'hukouCancelled', equals: true } },
      { subItem: '08-04', when: WORKING },
      { subItem: '08-05', when: { question: 'socialInsurance', equals: true } },
      { subItem: '08-06', when: { question: 'socialInsurance', equals: true } },
      { subItem: '08-07', when: { question: 'medicalInsurance', equals: true } },
      { subItem: '08-08', when: { question: 'medicalInsurance', equals: true } },
      { subItem: '08-09', when: { question: 'placement', equals: 'selfEmployed' } },
    ],
    form: [
      ...APPLICANT_FIELDS,
      { id: 'enlistmentDate', label: t('入伍日期', 'Date of enlistment'), type: 'date', required: true, notAfter: { field: 'dischargeDate' }, notBefore: { today: true, offsetDays: -365 * 45 } },
      { id: 'dischargeDate', label: t('退出现役日期', 'Date of discharge'), type: 'date', required: true, notAfter: { today: true }, notBefore: { today: true, offsetDays: -365 * 2 } },
      { id: 'settlementAddress', label: t('安置地居住地址', 'Address at the place of settlement'), type: 'address', required: true, maxLength: 100 },
      { id: 'allowanceAccount', label: t('补助金收款银行账号（本人）', 'Bank account for the allowance (your own)'), type: 'bank-account', required: true, forSubItems: ['08-09'] },
      { id: 'bankName', label: t('开户银行', 'Bank'), type: 'text', required: true, maxLength: 40, forSubItems: ['08-09'] },
    ],
    materials: [
      { id: 'dischargeCertificate', name: t('《退出现役证》', 'Certificate of discharge from active service'), forSubItems: ['08-01', '08-02', '08-09'], commitmentAllowed: false, capturable: true },
      { id: 'settlementLetter', name: t('《退役军人安置介绍信》', 'Settlement letter for the veteran'), forSubItems: ['08-01'], commitmentAllowed: false, capturable: true },
      { id: 'householdRegister', name: t('居民户口簿', 'Household register booklet'), forSubItems: ['08-02'], exemptedBy: 48, commitmentAllowed: false, capturable: true },
      { id: 'idPhotoReceipt', name: t('身份证数码照片回执', 'Digital photo receipt for the ID card'), forSubItems: ['08-03'], commitmentAllowed: true, capturable: true },
      { id: 'pensionTransferVoucher', name: t('军人退役基本养老保险参保缴费凭证', 'Military pension insurance contribution voucher'), forSubItems: ['08-06'], commitmentAllowed: true, capturable: true },
      { id: 'medicalTransferVoucher', name: t('军人退役医疗保险参保缴费凭证', 'Military medical insurance contribution voucher'), forSubItems: ['08-08'], commitmentAllowed: true, capturable: true },
    ],
    hallVisits: [
      {
        subItem: '08-03',
        why: t('办理居民身份证须本人到户籍派出所（或公安政务窗口）采集指纹、核验本人。', 'A new resident ID card needs your fingerprints taken and your identity checked in person at the police registration window.'),
      },
    ],
    payload: { phoneField: 'mobile', answerKeys: { placement: 'placement' } },
  },
};
