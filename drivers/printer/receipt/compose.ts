import { beijingTime } from '../../../contract/beijing-time';
import { ReceiptDataSchema, type ReceiptData, type ReceiptDataInput } from '../../../contract/receipt';
import { code128BModuleCount } from '../escpos/code128';
import { EscPosBuilder } from '../escpos/commands';
import { displayWidth, labelled, paperGeometry, wrap } from './layout';
import { oneThingMark } from './logo';

export interface ComposeOptions {
  readonly paperWidthMm: 58 | 80;
  /** Printed at the foot; defaults to now. */
  readonly printedAt?: Date;
}

export type ComposeResult =
  | { readonly ok: true; readonly bytes: Uint8Array; readonly receipt: ReceiptData }
  | { readonly ok: false; readonly reason: string };

/** Beijing time, as every screen shows it (contract/beijing-time.ts). */
export function formatShanghaiTime(iso: string): string {
  return beijingTime(iso);
}

/** A receipt leaves the kiosk on paper: refuse anything that still looks like a full name or ID number. */
function unmaskedField(r: ReceiptData): string | null {
  if (/\d{6,}/.test(r.applicantIdNumber) || !/[…*]/.test(r.applicantIdNumber)) return 'applicantIdNumber is not masked';
  if (Array.from(r.applicantName).length > 1 && !r.applicantName.includes('*')) return 'applicantName is not masked';
  if (r.subject && Array.from(r.subject.name).length > 1 && !r.subject.name.includes('*')) return 'subject.name is not masked';
  return null;
}

const APPLICATION_WORDS = {
  title: '办件回执',
  thing: '一件事',
  department: '承办',
  number: '受理编号',
  submitted: '提交时间',
  deadline: '承诺办结',
  qr: '微信或手机扫码查询办理进度',
  code: '本机扫码或窗口出示此码查询',
} as const;
const APPOINTMENT_WORDS = {
  title: '预约凭条',
  thing: '预约事项',
  department: '地点',
  number: '预约编号',
  submitted: '预约时间',
  deadline: '到场须知',
  qr: '手机扫码查看预约',
  code: '到大厅取号时出示此码',
} satisfies Record<keyof typeof APPLICATION_WORDS, string>;

/**
 * The one function from an application's receipt data to the ESC/POS job:
 * mark, title, service point, 一件事 and its items with departments, masked
 * applicant, local number, times, QR (progress URL), CODE128 (local number),
 * 12345 hotline, cut.
 */
export function composeReceipt(input: ReceiptDataInput, options: ComposeOptions): ComposeResult {
  const parsed = ReceiptDataSchema.safeParse(input);
  if (!parsed.success) return { ok: false, reason: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') };
  const r = parsed.data;
  const masked = unmaskedField(r);
  if (masked) return { ok: false, reason: masked };
  const geo = paperGeometry(options.paperWidthMm);
  const cols = geo.columns;
  const rule = '-'.repeat(cols);
  const p = new EscPosBuilder().init().chineseMode(true);
  const w = r.kind === 'appointment' ? APPOINTMENT_WORDS : APPLICATION_WORDS;

  p.align('center').raster(oneThingMark(geo.widthMm === 80 ? 96 : 72));
  p.size(2, 2).bold(true).line(w.title).size(1, 1).bold(false);
  for (const l of wrap(r.servicePoint, cols)) p.line(l);
  p.align('left').line(rule);

  p.bold(true);
  for (const l of wrap(`${w.thing}：${r.oneThingName}`, cols)) p.line(l);
  p.bold(false);
  r.subItems.forEach((item, i) => {
    for (const l of wrap(`${i + 1}. ${item.name}`, cols, '   ')) p.line(l);
    for (const l of wrap(`   ${w.department}：${item.department}`, cols, '   ')) p.line(l);
  });
  p.line(rule);
  const rows: [string, string][] = [
    ['申请人', r.applicantName],
    ['证件号码', r.applicantIdNumber],
    ...(r.subject ? [[r.subject.label, r.subject.name] as [string, string]] : []),
    [w.number, r.localNumber],
    [w.submitted, formatShanghaiTime(r.submittedAt)],
    [w.deadline, r.deadline],
  ];
  for (const [label, value] of rows) for (const l of labelled(label, value, cols)) p.line(l);
  p.line(rule);
  if (r.commitments.length > 0) {
    p.bold(true);
    for (const l of wrap('告知承诺，须按时补交：', cols)) p.line(l);
    p.bold(false);
    r.commitments.forEach((m, i) => {
      for (const l of wrap(`${i + 1}. ${m}`, cols, '   ')) p.line(l);
    });
    p.line(rule);
  }

  p.align('center');
  p.qr(r.progressUrl, { moduleSize: geo.widthMm === 80 ? 6 : 4, level: 'M' });
  p.line(w.qr);
  p.feed(1);
  // Module width 2 (0.25 mm) reads reliably; fall back to 1 only when the number would not fit.
  const moduleWidth = code128BModuleCount(r.localNumber) * 2 + 40 <= geo.widthDots ? 2 : 1;
  p.code128(r.localNumber, { height: 80, moduleWidth, hri: true });
  p.line(w.code);
  p.line(rule);
  p.bold(true).line(`咨询投诉请拨打 ${r.hotline}`).bold(false);
  const kiosk = `终端 ${r.kioskId}`;
  const printed = `打印 ${formatShanghaiTime((options.printedAt ?? new Date()).toISOString())}`;
  // One line when it fits; otherwise kiosk and time on their own lines, never a date cut in two.
  if (displayWidth(`${kiosk}  ${printed}`) <= cols) p.line(`${kiosk}  ${printed}`);
  else for (const l of [...wrap(kiosk, cols), printed]) p.line(l);
  p.feed(3).cut();
  return { ok: true, bytes: p.bytes(), receipt: r };
}
