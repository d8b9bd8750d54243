import type { DomainMessages } from './index';

/** The on-screen receipt (when paper is out) and printer notices. */
const zh = {
  heading: '办件回执',
  oneThing: '一件事',
  item: '事项{{n}}',
  applicant: '申请人',
  idNumber: '证件号码',
  number: '受理编号',
  submittedAt: '提交时间',
  deadline: '承诺办结',
  commitments: '告知承诺补交',
  hotline: '咨询投诉',
  qrLabel: '查询办理进度的二维码，受理编号 {{number}}',
  qrCaption: '请用手机拍下或扫描此二维码，随时查询办理进度',
  dock: {
    title: '回执打印机（模拟）',
    condition: '纸张：{{paper}}；仓门：{{cover}}',
    paper: { ok: '纸张正常', 'near-end': '纸将用完', end: '缺纸', unknown: '未知' },
    coverOpen: '仓门打开',
    coverClosed: '已关闭',
    printTest: '打印测试回执',
    outcome: { printed: '已打印', held: '未打印：已改为屏幕显示' },
    lastPaper: '最近打印的回执：{{lines}}',
  },
};

const en: typeof zh = {
  heading: 'Application receipt',
  oneThing: 'Service',
  item: 'Item {{n}}',
  applicant: 'Applicant',
  idNumber: 'ID number',
  number: 'Acceptance number',
  submittedAt: 'Submitted',
  deadline: 'Promised by',
  commitments: 'Promised documents',
  hotline: 'Questions and complaints',
  qrLabel: 'QR code to check progress, application number {{number}}',
  qrCaption: 'Photograph or scan this QR code with your phone to check progress at any time',
  dock: {
    title: 'Receipt printer (simulated)',
    condition: 'Paper: {{paper}}; cover: {{cover}}',
    paper: { ok: 'Paper OK', 'near-end': 'Paper low', end: 'Out of paper', unknown: 'Unknown' },
    coverOpen: 'Cover open',
    coverClosed: 'closed',
    printTest: 'Print a test receipt',
    outcome: { printed: 'Printed', held: 'Not printed: shown on screen instead' },
    lastPaper: 'Last printed receipt: {{lines}}',
  },
};

export const receiptMessages: DomainMessages<typeof zh> = { 'zh-CN': zh, en };
