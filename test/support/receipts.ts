import type { ReceiptDataInput } from '../../contract/receipt';

/** One realistic receipt (masked applicant) shared by printer unit, integration and bench code. */
export const sampleReceipt: ReceiptDataInput = {
  kioskId: 'SX-TEST-0001',
  servicePoint: '太原市小店区坞城街道便民服务中心',
  oneThingName: '新生儿出生"一件事"',
  subItems: [
    { name: '出生医学证明办理', department: '县卫生健康局' },
    { name: '户口登记', department: '县公安局' },
  ],
  applicantName: '张*三',
  applicantIdNumber: '140…1234',
  // The shape the outbox assigns: kiosk id + per-kiosk sequence (18 characters).
  localNumber: 'SX-DEV-0001-000001',
  submittedAt: '2026-11-26T07:30:00Z',
  deadline: '2026-12-03',
  progressUrl: 'https://kiosk.example.gov.cn/progress?n=SX-DEV-0001-000001',
};
