import type { DomainMessages } from './index';

/** Who applies: other parties swiping their own card, e-ID QR identity, enterprises by USCC. */
const zh = {
  party: {
    heading: '请{{who}}把身份证放在感应区',
    lead: '这件事需要{{who}}本人刷身份证并确认同意。请申请人先把自己的身份证拿开。',
    waiting: '正在等待{{who}}的身份证……',
    read: '已读取{{who}}的身份：',
    consentText: '我是{{who}}本人，已了解本次申请的内容，同意一并办理，并同意将我的身份信息提供给相关部门。',
    consent: '我同意',
    consented: '{{who}}已确认同意',
    skip: '对方不在场，手工填写',
    skipHint: '选择后请在表格中填写对方的信息，申请会注明对方未到场确认。',
  },
  qr: {
    button: '没带身份证？出示三晋通或网证二维码',
    heading: '请出示电子身份二维码',
    lead: '打开手机上的“三晋通”App亮证码或“国家网络身份认证”App的网证码，对准下方扫码口。',
    waiting: '正在等待扫描二维码……',
    checking: '正在核验二维码……',
    needsNetwork: '用二维码识别身份需要联网，现在网络不通。请把身份证放在感应区办理。',
    useCard: '改用身份证',
    verified: '二维码核验通过',
  },
  enterprise: {
    lookup: '查询企业信息',
    looking: '正在查询企业登记信息……',
    verified: '已从企业登记系统核实：{{name}}',
    unverified: '现在网络不通，查不到企业登记信息。请手工填写企业信息，提交后由平台核实，结果在办件查询中告知。',
    scanHint: '可输入18位统一社会信用代码，也可以把营业执照上的二维码或电子营业执照码对准扫码口。',
    fromRegistry: '来自企业登记',
  },
};

const en: typeof zh = {
  party: {
    heading: 'The {{who}}: please place your ID card on the reader',
    lead: 'The {{who}} has to put their own ID card on the reader and consent. Applicant, please take your card off first.',
    waiting: 'Waiting for the ID card of the {{who}}…',
    read: 'Identified, the {{who}}:',
    consentText: 'I am the {{who}}. I know what this application is for, agree to it, and agree that my identity details go to the departments handling it.',
    consent: 'I agree',
    consented: 'The {{who}} has consented',
    skip: 'Not here: type their details',
    skipHint: 'Then type their details on the form; the application will say they did not confirm in person.',
  },
  qr: {
    button: 'No ID card? Show a 三晋通 or CTID QR code',
    heading: 'Show your e-ID QR code',
    lead: 'Open the ID code in the 三晋通 app or the CTID code in the national online identity app and hold it to the scanner below.',
    waiting: 'Waiting for the QR code…',
    checking: 'Checking the QR code…',
    needsNetwork: 'Identifying with a QR code needs the network, which is down now. Please place your ID card on the reader.',
    useCard: 'Use my ID card',
    verified: 'QR code verified',
  },
  enterprise: {
    lookup: 'Look up the enterprise',
    looking: 'Looking up the enterprise register…',
    verified: 'Confirmed by the enterprise register: {{name}}',
    unverified: 'The network is down and the register cannot be asked. Type the enterprise details; the platform checks them after you submit and says so on the progress screen.',
    scanHint: 'Type the 18-character unified social credit code, or hold the QR on the business licence or the e-licence code to the scanner.',
    fromRegistry: 'From the enterprise register',
  },
};

export const identityMessages: DomainMessages<typeof zh> = { 'zh-CN': zh, en };
