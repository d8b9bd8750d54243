import iconv from 'iconv-lite';
import { decodeScanBytes, hasControlCharacters, symbologyFromAim } from './symbology';
import type { DecodedCode, LineOutcome } from './serial-lines';

/**
 * USB HID POS (usage page 0x8C) scanned-data reports. A long code spans
 * several reports; the last byte's bit 0 says more follow. Layouts:
 *
 * * aim (Honeywell, Access-IS): [0] report id 0x02, [1] data length,
 *   [2..4] AIM identifier (`]C0`), [5..5+len) data, last byte bit 0 =
 *   continued.
 * * plain: the same without the AIM bytes ([2..2+len) data), for readers
 *   configured not to send the identifier; symbology is then 'unknown'.
 *
 * Check a new model against its recorded reports before relying on it.
 */
export type HidPosLayout = 'aim' | 'plain';

export const HID_POS_USAGE_PAGE = 0x8c;
const REPORT_ID = 0x02;

interface Fragment {
  readonly aim: string | null;
  readonly data: Uint8Array;
  readonly more: boolean;
}

export function parseHidPosReport(report: Uint8Array, layout: HidPosLayout): Fragment | null {
  if (report.length < 4 || report[0] !== REPORT_ID) return null;
  const more = (report[report.length - 1]! & 1) === 1;
  const len = report[1]!;
  if (layout === 'aim') {
    if (len > report.length - 6) return null;
    const aim = String.fromCharCode(report[2]!, report[3]!, report[4]!);
    return { aim: aim.startsWith(']') ? aim : null, data: report.slice(5, 5 + len), more };
  }
  if (len > report.length - 3) return null;
  return { aim: null, data: report.slice(2, 2 + len), more };
}

/** Joins continued reports into whole codes; a report that breaks the layout drops the partial code. */
export class HidPosAssembler {
  private parts: Uint8Array[] = [];
  private aim: string | null = null;

  constructor(
    private readonly layout: HidPosLayout,
    private readonly onCode: (outcome: LineOutcome) => void,
    private readonly maxBytes = 8192,
  ) {}

  push(report: Uint8Array): void {
    const f = parseHidPosReport(report, this.layout);
    if (!f) {
      const had = this.parts.reduce((n, p) => n + p.length, 0);
      this.parts = [];
      this.aim = null;
      this.onCode({ ok: false, reason: 'BAD-REPORT', bytes: had + report.length });
      return;
    }
    if (this.parts.length === 0) this.aim = f.aim;
    this.parts.push(f.data);
    const size = this.parts.reduce((n, p) => n + p.length, 0);
    if (size > this.maxBytes) {
      this.parts = [];
      this.onCode({ ok: false, reason: 'CODE-TOO-LONG', bytes: size });
      return;
    }
    if (f.more) return;
    const bytes = new Uint8Array(size);
    let o = 0;
    for (const p of this.parts) {
      bytes.set(p, o);
      o += p.length;
    }
    this.parts = [];
    // Honeywell terminates some codes with the configured suffix; the report length already delimits them.
    let end = bytes.length;
    while (end > 0 && (bytes[end - 1] === 0x0d || bytes[end - 1] === 0x0a || bytes[end - 1] === 0)) end--;
    const text = decodeScanBytes(bytes.subarray(0, end), (b) => iconv.decode(Buffer.from(b), 'gb18030'));
    if (!text || text.includes('\ufffd') || hasControlCharacters(text)) {
      this.onCode({ ok: false, reason: text ? 'GARBLED' : 'EMPTY', bytes: bytes.length });
      return;
    }
    const code: DecodedCode = { symbology: this.aim ? symbologyFromAim(this.aim) : 'unknown', text };
    this.onCode({ ok: true, code });
  }
}

/** Builds the reports an AIM-layout (Honeywell, Access-IS) scanner sends for one code (simulator and recorded-stream fixtures). */
export function aimLayoutReports(aim: string, text: string, reportSize = 64): Uint8Array[] {
  const data = Buffer.from(text, 'utf8');
  const room = reportSize - 6;
  const reports: Uint8Array[] = [];
  for (let o = 0; o === 0 || o < data.length; o += room) {
    const chunk = data.subarray(o, o + room);
    const r = new Uint8Array(reportSize);
    r[0] = REPORT_ID;
    r[1] = chunk.length;
    r.set(Buffer.from(aim, 'ascii').subarray(0, 3), 2);
    r.set(chunk, 5);
    r[reportSize - 1] = o + room < data.length ? 1 : 0;
    reports.push(r);
  }
  return reports;
}
