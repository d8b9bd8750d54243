import { request } from 'node:http';

/**
 * A small IPP/1.1 client (RFC 8010/8011) over Node's http, for the kiosk's
 * A4 CUPS queue: Print-Job, Get-Printer-Attributes, Get-Job-Attributes,
 * Pause-Printer, Resume-Printer. No npm IPP client is well kept; the
 * operations needed are few and the encoding is simple, so the kiosk
 * carries its own, tested against a real cupsd.
 */
const OP = { 'Print-Job': 0x0002, 'Cancel-Job': 0x0008, 'Get-Job-Attributes': 0x0009, 'Get-Printer-Attributes': 0x000b, 'Pause-Printer': 0x0010, 'Resume-Printer': 0x0011 } as const;
export type IppOperation = keyof typeof OP;

const TAG = { operation: 0x01, job: 0x02, end: 0x03, printer: 0x04, integer: 0x21, boolean: 0x22, enum: 0x23, text: 0x41, name: 0x42, keyword: 0x44, uri: 0x45, charset: 0x47, language: 0x48, mime: 0x49 } as const;

export type IppValue = string | number | boolean;
export interface IppResponse {
  readonly status: number;
  readonly attributes: Readonly<Record<string, IppValue[]>>;
}

function attr(tag: number, name: string, value: string | number): Buffer {
  const n = Buffer.from(name, 'utf8');
  let v: Buffer;
  if (typeof value === 'number') {
    v = Buffer.alloc(4);
    v.writeInt32BE(value);
  } else v = Buffer.from(value, 'utf8');
  const head = Buffer.alloc(3);
  head.writeUInt8(tag, 0);
  head.writeUInt16BE(n.length, 1);
  const len = Buffer.alloc(2);
  len.writeUInt16BE(v.length);
  return Buffer.concat([head, n, len, v]);
}

export function encodeIpp(op: IppOperation, requestId: number, operationAttrs: readonly [number, string, string | number][]): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt16BE(0x0101, 0);
  head.writeUInt16BE(OP[op], 2);
  head.writeInt32BE(requestId, 4);
  const parts = [head, Buffer.from([TAG.operation]), attr(TAG.charset, 'attributes-charset', 'utf-8'), attr(TAG.language, 'attributes-natural-language', 'zh-cn')];
  for (const [tag, name, value] of operationAttrs) parts.push(attr(tag, name, value));
  parts.push(Buffer.from([TAG.end]));
  return Buffer.concat(parts);
}

/** Decodes a response; throws on a truncated or malformed body. */
export function decodeIpp(b: Buffer): IppResponse {
  if (b.length < 9) throw new Error('ipp: response too short');
  const status = b.readUInt16BE(2);
  const attributes: Record<string, IppValue[]> = {};
  let at = 8;
  let last = '';
  while (at < b.length) {
    const tag = b.readUInt8(at++);
    if (tag === TAG.end) break;
    if (tag < 0x10) continue; // a group delimiter
    if (at + 2 > b.length) throw new Error('ipp: truncated name length');
    const nl = b.readUInt16BE(at);
    at += 2;
    const name = nl ? b.toString('utf8', at, at + nl) : last;
    at += nl;
    if (at + 2 > b.length) throw new Error('ipp: truncated value length');
    const vl = b.readUInt16BE(at);
    at += 2;
    if (at + vl > b.length) throw new Error('ipp: truncated value');
    const raw = b.subarray(at, at + vl);
    at += vl;
    const value: IppValue = (tag === TAG.integer || tag === TAG.enum) && vl === 4 ? raw.readInt32BE(0) : tag === TAG.boolean && vl === 1 ? raw[0] === 1 : raw.toString('utf8');
    (attributes[name] ??= []).push(value);
    last = name;
  }
  return { status, attributes };
}

export interface IppPrinterState {
  /** 3 idle, 4 processing, 5 stopped. */
  readonly state: number;
  readonly reasons: readonly string[];
  readonly accepting: boolean;
  /** CUPS's own words for the state (`printer-state-message`), for the technician; may be empty. */
  readonly message: string;
}

/** One CUPS queue (`http://127.0.0.1:631/printers/<queue>`). */
export class IppQueue {
  private requestId = 1;
  constructor(
    readonly printerUri: string,
    private readonly timeoutMs = 10_000,
  ) {}

  async send(op: IppOperation, attrs: readonly [number, string, string | number][], document?: Uint8Array): Promise<IppResponse> {
    const body = Buffer.concat([encodeIpp(op, this.requestId++, [[TAG.uri, 'printer-uri', this.printerUri], [TAG.name, 'requesting-user-name', 'kiosk'], ...attrs]), ...(document ? [Buffer.from(document)] : [])]);
    const url = new URL(this.printerUri.replace(/^ipp:/, 'http:'));
    return new Promise((resolve, reject) => {
      const req = request(url, { method: 'POST', headers: { 'content-type': 'application/ipp', 'content-length': body.length }, timeout: this.timeoutMs }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          if (res.statusCode !== 200) return reject(new Error(`ipp: HTTP ${res.statusCode}`));
          try {
            resolve(decodeIpp(Buffer.concat(chunks)));
          } catch (e) {
            reject(e as Error);
          }
        });
      });
      req.on('timeout', () => req.destroy(new Error('ipp: timed out')));
      req.on('error', reject);
      req.end(body);
    });
  }

  async printerState(): Promise<IppPrinterState> {
    const r = await this.send('Get-Printer-Attributes', [[TAG.keyword, 'requested-attributes', 'printer-state'], [TAG.keyword, '', 'printer-state-reasons'], [TAG.keyword, '', 'printer-is-accepting-jobs'], [TAG.keyword, '', 'printer-state-message']]);
    if (r.status >= 0x0400) throw new Error(`ipp: Get-Printer-Attributes status 0x${r.status.toString(16)}`);
    return { state: Number(r.attributes['printer-state']?.[0] ?? 0), reasons: (r.attributes['printer-state-reasons'] ?? []).map(String), accepting: r.attributes['printer-is-accepting-jobs']?.[0] !== false, message: String(r.attributes['printer-state-message']?.[0] ?? '') };
  }

  /** Submits a PDF; returns the CUPS job id. */
  async printPdf(jobName: string, pdf: Uint8Array): Promise<number> {
    const r = await this.send('Print-Job', [[TAG.name, 'job-name', jobName], [TAG.mime, 'document-format', 'application/pdf']], pdf);
    const id = r.attributes['job-id']?.[0];
    if (r.status >= 0x0400 || typeof id !== 'number') throw new Error(`ipp: Print-Job status 0x${r.status.toString(16)}`);
    return id;
  }

  /** 3 pending, 4 held, 5 processing, 6 stopped, 7 canceled, 8 aborted, 9 completed. */
  async jobState(jobId: number): Promise<number | null> {
    const r = await this.send('Get-Job-Attributes', [[TAG.integer, 'job-id', jobId], [TAG.keyword, 'requested-attributes', 'job-state']]);
    if (r.status === 0x0406) return null;
    const s = r.attributes['job-state']?.[0];
    return typeof s === 'number' ? s : null;
  }

  /** Cancels a job CUPS still holds; true when CUPS cancelled it, false when it was already finished or unknown. */
  async cancel(jobId: number): Promise<boolean> {
    const r = await this.send('Cancel-Job', [[TAG.integer, 'job-id', jobId]]);
    return r.status < 0x0400;
  }

  async pause(): Promise<void> {
    const r = await this.send('Pause-Printer', []);
    if (r.status >= 0x0400) throw new Error(`ipp: Pause-Printer status 0x${r.status.toString(16)}`);
  }

  async resume(): Promise<void> {
    const r = await this.send('Resume-Printer', []);
    if (r.status >= 0x0400) throw new Error(`ipp: Resume-Printer status 0x${r.status.toString(16)}`);
  }
}
