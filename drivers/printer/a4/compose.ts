import { readFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import fontkit from '@pdf-lib/fontkit';
import { Cache, PDFContentStream, PDFDocument, PDFName, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import { ReceiptDataSchema, type ReceiptData } from '../../../contract/receipt';
import { A4_DOCUMENT_TITLES, DEFAULT_A4_FONTS, type A4FontFiles, type A4Request } from './documents';
import { formatShanghaiTime } from '../receipt/compose';

/**
 * A4 documents for the resident to take home, as PDF with the CJK font
 * embedded (a subset: only the glyphs the page uses):
 *  - 申请表 (application-form): the matter, its sub-items, what was filled in;
 *  - 告知承诺书 (commitment): the commitments the resident confirmed on screen, with the time;
 *  - 受理通知书 (acceptance-notice): accepted, number, time limit, how to query;
 *  - 预约凭条 (appointment-slip): the hall appointment.
 * The applicant is named masked as on the receipt (张*三, 140…1234): the
 * paper leaves the hall and may be lost; the full application is at the
 * platform and in the kiosk's sealed store.
 *
 * Fonts: Hanazono Mincho (Debian fonts-hanazono), TrueType outlines, which
 * pdf-lib subsets reliably; HanaMinA covers the BMP (URO, Ext A), HanaMinB
 * the supplementary planes (Ext B names such as 𫖮). Each run of text takes
 * the first face that has all its glyphs.
 */
export { A4_DOCUMENT_TITLES, DEFAULT_A4_FONTS, type A4DocumentKind, type A4FontFiles, type A4Request } from './documents';

const PAGE_W = 595.28;
const PAGE_H = 841.89;
const MARGIN = 56;
const BODY = 11;
const LINE = 19;

interface LoadedFont {
  readonly bytes: Uint8Array;
  readonly has: (codePoint: number) => boolean;
}
type FontkitFont = ReturnType<typeof fontkit.create>;
type FontkitGlyph = FontkitFont['layout'] extends (...args: never[]) => { glyphs: (infer G)[] } ? G : never;
const fontCache = new Map<string, LoadedFont>();
/** Parsed faces by their bytes: pdf-lib asks fontkit to parse the font for every document; a 20 MB face parses once. */
const parsedFonts = new WeakMap<Uint8Array, FontkitFont>();
const cachingFontkit: typeof fontkit = {
  ...fontkit,
  create: (bytes: Uint8Array, postscriptName?: string) => parsedFonts.get(bytes) ?? fontkit.create(bytes, postscriptName),
};

/**
 * fontkit copies a Uint8Array it is given byte by byte (its bundled Buffer
 * polyfill: 22 MB in a JS loop, ~250 ms for the first document); an
 * ArrayBuffer it wraps without a copy.
 */
function wholeArrayBuffer(bytes: Uint8Array): ArrayBuffer {
  const ab = bytes.buffer as ArrayBuffer;
  return bytes.byteOffset === 0 && bytes.byteLength === ab.byteLength ? ab : ab.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
}

/**
 * pdf-lib runs fontkit's whole layout engine (script, features, GSUB/GPOS
 * lookups) for every text run it draws or measures: most of a document's
 * time. The composer places text character by character anyway (the
 * advances of single characters, Writer.advance), so a run's glyphs are the
 * glyphs of its characters, each laid out once per process and face. Only
 * the default features (pdf-lib's, as the composer asks none) are cached.
 */
function layoutByCharacter(font: FontkitFont): void {
  const layout = font.layout.bind(font);
  const glyphsOf = new Map<string, readonly FontkitGlyph[]>();
  const byCharacter = (text: string, features?: unknown) => {
    if (features !== undefined) return layout(text, features as never);
    const glyphs: FontkitGlyph[] = [];
    for (const ch of text) {
      let g = glyphsOf.get(ch);
      if (!g) {
        g = layout(ch).glyphs;
        glyphsOf.set(ch, g);
      }
      for (const x of g) glyphs.push(x);
    }
    return { glyphs } as unknown as ReturnType<FontkitFont['layout']>;
  };
  (font as { layout: unknown }).layout = byCharacter;
}

/**
 * fontkit's TrueType subsetter decodes every glyph's outline (all its points)
 * again for every document, only to see whether it is a composite and which
 * components it names. A glyph's outline is decoded once per process; the
 * subsetter only reads the result (the glyph objects themselves are kept by
 * fontkit per face).
 */
function decodeGlyphsOnce(font: FontkitFont): void {
  type Decodable = { _decode?: () => unknown };
  const getGlyph = font.getGlyph.bind(font);
  const memoised = new WeakSet<object>();
  (font as { getGlyph: unknown }).getGlyph = (id: number, codePoints?: number[]) => {
    const glyph = getGlyph(id, codePoints);
    const g = glyph as unknown as Decodable;
    if (typeof g._decode === 'function' && !memoised.has(glyph)) {
      const decode = g._decode.bind(glyph);
      let decoded: { value: unknown } | null = null;
      g._decode = () => (decoded ??= { value: decode() }).value;
      memoised.add(glyph);
    }
    return glyph;
  };
}

/** Font files are read and indexed once per process (the cmap answers which face has a character). */
function loadFont(file: string): LoadedFont {
  let f = fontCache.get(file);
  if (!f) {
    const bytes = readFileSync(file);
    const parsed = fontkit.create(wholeArrayBuffer(bytes) as unknown as Uint8Array);
    layoutByCharacter(parsed);
    decodeGlyphsOnce(parsed);
    parsedFonts.set(bytes, parsed);
    f = { bytes, has: (cp) => parsed.hasGlyphForCodePoint(cp) };
    fontCache.set(file, f);
  }
  return f;
}

/**
 * pdf-lib deflates the font subsets, the ToUnicode maps and the pages'
 * content streams with pako (zlib in JavaScript, level 6); Node's zlib does
 * the same in native code several times faster. Set on this document only:
 * the context's streams as they are made, the content streams (still written
 * to until the document is saved) just before the save.
 */
const bytesOf = (contents: string | Uint8Array) => (typeof contents === 'string' ? Buffer.from(contents, 'latin1') : contents);
function deflateNatively(doc: PDFDocument): void {
  const context = doc.context;
  context.flateStream = (contents, dict = {}) => context.stream(deflateSync(bytesOf(contents)), { ...dict, Filter: 'FlateDecode' });
}
function deflateContentStreamsNatively(doc: PDFDocument): void {
  for (const [, object] of doc.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFContentStream) || object.dict.get(PDFName.of('Filter')) !== PDFName.of('FlateDecode')) continue;
    (object as unknown as { contentsCache: Cache<Uint8Array> }).contentsCache = Cache.populatedBy(() => deflateSync(object.getUnencodedContents()));
  }
}

/** A page writer that wraps lines and starts a new page when one is full. */
class Writer {
  private page!: PDFPage;
  private y = 0;
  pages = 0;

  constructor(
    private readonly doc: PDFDocument,
    private readonly faces: readonly { readonly font: PDFFont; readonly has: (cp: number) => boolean }[],
    private readonly footer: string,
  ) {
    this.newPage();
  }

  private newPage(): void {
    this.page = this.doc.addPage([PAGE_W, PAGE_H]);
    this.pages += 1;
    this.y = PAGE_H - MARGIN;
  }

  private faceFor(ch: string): PDFFont {
    const cp = ch.codePointAt(0)!;
    return (this.faces.find((f) => f.has(cp)) ?? this.faces[0]!).font;
  }

  /** Advance of a character at size 1, asked of the font once per document (each ask runs fontkit's layout). */
  private readonly advances = new Map<string, number>();
  private advance(ch: string): number {
    let a = this.advances.get(ch);
    if (a === undefined) {
      a = this.faceFor(ch).widthOfTextAtSize(ch, 1);
      this.advances.set(ch, a);
    }
    return a;
  }

  private width(text: string, size: number): number {
    let w = 0;
    for (const ch of text) w += this.advance(ch) * size;
    return w;
  }

  /** Draws one line at x in runs of the same face. */
  private drawLine(text: string, x: number, size: number): void {
    let run = '';
    let runFace: PDFFont | null = null;
    let at = x;
    const flush = () => {
      if (!run || !runFace) return;
      this.page.drawText(run, { x: at, y: this.y, size, font: runFace, color: rgb(0, 0, 0) });
      at += this.width(run, size);
      run = '';
    };
    for (const ch of text) {
      const f = this.faceFor(ch);
      if (f !== runFace) {
        flush();
        runFace = f;
      }
      run += ch;
    }
    flush();
  }

  private wrap(text: string, size: number, width: number): string[] {
    const out: string[] = [];
    let line = '';
    let w = 0;
    for (const ch of text) {
      const a = this.advance(ch) * size;
      if (w + a > width && line) {
        out.push(line);
        line = '';
        w = 0;
      }
      line += ch;
      w += a;
    }
    out.push(line);
    return out;
  }

  private ensure(h: number): void {
    if (this.y - h < MARGIN + 24) {
      this.drawFooter();
      this.newPage();
    }
  }

  drawFooter(): void {
    const size = 8;
    const text = `${this.footer}\u3000第 ${this.pages} 页`;
    const y = this.y;
    this.y = MARGIN - 20;
    this.drawLine(text, MARGIN, size);
    this.y = y;
  }

  title(text: string): void {
    const size = 20;
    this.ensure(40);
    this.y -= size;
    this.drawLine(text, (PAGE_W - this.width(text, size)) / 2, size);
    this.y -= 20;
  }

  heading(text: string): void {
    this.ensure(LINE * 2);
    this.y -= 8;
    this.y -= 13;
    this.drawLine(text, MARGIN, 13);
    this.y -= 8;
    this.page.drawLine({ start: { x: MARGIN, y: this.y + 4 }, end: { x: PAGE_W - MARGIN, y: this.y + 4 }, thickness: 0.5 });
  }

  /** A label: value row; the value wraps beside the label. */
  field(label: string, value: string): void {
    const labelW = 110;
    const lines = this.wrap(value || '—', BODY, PAGE_W - 2 * MARGIN - labelW);
    this.ensure(LINE * lines.length);
    this.y -= LINE;
    this.drawLine(label, MARGIN, BODY);
    lines.forEach((l, i) => {
      if (i > 0) this.y -= LINE;
      this.drawLine(l, MARGIN + labelW, BODY);
    });
  }

  paragraph(text: string): void {
    for (const l of this.wrap(text, BODY, PAGE_W - 2 * MARGIN)) {
      this.ensure(LINE);
      this.y -= LINE;
      this.drawLine(l, MARGIN, BODY);
    }
  }

  gap(h = 10): void {
    this.y -= h;
  }
}

export type A4Composed = { readonly ok: true; readonly pdf: Uint8Array; readonly pages: number; readonly text: readonly string[] } | { readonly ok: false; readonly reason: string };

/** Composes one A4 document; refuses (with the reason) data that is not a valid, masked receipt. */
export async function composeA4(request: A4Request, fonts: A4FontFiles = DEFAULT_A4_FONTS): Promise<A4Composed> {
  const parsed = ReceiptDataSchema.safeParse(request.receipt);
  if (!parsed.success) return { ok: false, reason: `a4: receipt data: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}` };
  const r: ReceiptData = parsed.data;
  if (/\d{6,}/.test(r.applicantIdNumber) || !/[*＊…]/.test(r.applicantName + r.applicantIdNumber)) return { ok: false, reason: 'a4: the applicant must be masked as on the receipt' };
  if (request.document === 'commitment' && (request.confirmed ?? []).length === 0) return { ok: false, reason: 'a4: a 告知承诺书 needs the commitments the resident confirmed' };

  const doc = await PDFDocument.create();
  doc.registerFontkit(cachingFontkit);
  deflateNatively(doc);
  const title = A4_DOCUMENT_TITLES[request.document];
  doc.setTitle(`${title} ${r.localNumber}`);
  doc.setCreator('onething-kiosk');
  doc.setProducer('onething-kiosk');
  const faces = [];
  for (const file of [fonts.primary, fonts.supplementary]) {
    const f = loadFont(file);
    faces.push({ font: await doc.embedFont(f.bytes, { subset: true }), has: f.has });
  }
  const w = new Writer(doc, faces, `${r.servicePoint}\u3000受理编号 ${r.localNumber}`);
  const text: string[] = [];
  const field = (label: string, value: string) => {
    w.field(label, value);
    text.push(`${label} ${value}`);
  };

  w.title(`${r.oneThingName}\u3000${title}`);
  text.push(title);
  const slip = request.document === 'appointment-slip';
  field(slip ? '预约编号' : '受理编号', r.localNumber);
  field(slip ? '预约地点' : '受理地点', `${r.servicePoint}（自助终端 ${r.kioskId}）`);
  if (!slip) field('提交时间', formatShanghaiTime(r.submittedAt));
  field('申请人', r.applicantName);
  field('证件号码', r.applicantIdNumber);
  if (r.subject) field(r.subject.label, r.subject.name);

  if (request.document === 'application-form' || request.document === 'acceptance-notice') {
    w.heading('办理事项');
    r.subItems.forEach((s, i) => field(`事项${i + 1}`, `${s.name}（${s.department}）`));
  }
  if (request.document === 'application-form') {
    w.heading('申请内容');
    for (const f of request.fields ?? []) field(f.label, f.value);
    if (r.commitments.length > 0) {
      w.heading('容缺受理：承诺补交的材料');
      r.commitments.forEach((m, i) => field(`材料${i + 1}`, m));
    }
    w.heading('申请人声明');
    w.paragraph('本人承诺所填写的信息及提交的材料真实、准确、完整，如有虚假，愿承担相应的法律责任。本表为申请人留存联，完整的申请以政务服务平台记录为准。');
  }
  if (request.document === 'commitment') {
    w.heading('承诺事项');
    w.paragraph('申请人已知悉本事项的办理条件、所需材料及不实承诺的法律后果，并在自助终端上逐项确认作出以下承诺：');
    for (const c of request.confirmed ?? []) {
      field('承诺', c.text);
      field('确认时间', formatShanghaiTime(c.confirmedAt));
    }
    if (r.commitments.length > 0) {
      w.heading('承诺补交的材料');
      r.commitments.forEach((m, i) => field(`材料${i + 1}`, m));
    }
    field('补交期限', r.deadline);
  }
  if (request.document === 'acceptance-notice') {
    w.heading('受理结果');
    w.paragraph(`您的申请已受理，承诺办结时限：${r.deadline}。请凭受理编号查询办理进度。`);
  }
  if (slip) {
    // The slip's receipt data (host/resident/appointments.ts): each sub-item is a slot (time, hall); the deadline says what to do.
    w.heading('预约信息');
    field('预约事项', r.oneThingName);
    for (const s of r.subItems) {
      field('预约时间', s.name);
      field('办事大厅', s.department);
    }
    field('须知', r.deadline);
  }
  w.gap();
  field('进度查询', r.progressUrl);
  field('咨询投诉', r.hotline);
  w.drawFooter();
  deflateContentStreamsNatively(doc);
  const pdf = await doc.save({ useObjectStreams: true });
  return { ok: true, pdf, pages: w.pages, text };
}
