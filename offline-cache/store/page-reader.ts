import { closeSync, existsSync, fstatSync, openSync, readSync } from 'node:fs';

/**
 * Reads a (possibly damaged) SQLite file page by page, without SQLite: the
 * database file overlaid with every WAL frame that checks out on its own, so
 * a damaged page, a damaged b-tree root or a damaged WAL frame costs only
 * the rows on it. Nothing here loops over a number read from the file
 * without a bound: pages are walked 1…(file size / page size), trees with a
 * visited set, overflow chains with the page count.
 *
 * Format: https://www.sqlite.org/fileformat2.html
 */

export type SqlValue = null | number | bigint | string | Buffer;

export interface WalReport {
  /** Frames in the WAL file that belong to its current generation (matching salts). */
  readonly frames: number;
  /** Frames whose own checksum fails (damaged in place). */
  readonly badFrames: number;
  /** Committed transactions SQLite itself would drop: those after the first bad frame. */
  readonly commitsAfterBreak: number;
  /** Frames applied by this reader (all good frames up to the last commit). */
  readonly applied: number;
}

/** Bytes read from the database file at a time. */
const BLOCK_BYTES = 256 * 1024;
const BLOCKS_KEPT = 4;
const NO_WAL: WalReport = { frames: 0, badFrames: 0, commitsAfterBreak: 0, applied: 0 };
const MAGIC = Buffer.from('SQLite format 3\0', 'latin1');

export class PageReader {
  readonly pageSize: number;
  readonly usable: number;
  readonly pageCount: number;
  readonly headerOk: boolean;
  /** Pages the header says the file had and that are not there any more (a truncated file). */
  readonly missingPages: number;
  readonly wal: WalReport;
  private readonly fd: number | null;
  private readonly walFd: number | null;
  /** page number → offset of its newest applied frame's page data in the WAL. */
  private readonly walPages = new Map<number, number>();
  /** The blocks of the database file read last, by first page number, least recently used first (see `page`). */
  private readonly blocks = new Map<number, Buffer>();

  constructor(file: string) {
    this.fd = existsSync(file) ? openSync(file, 'r') : null;
    const size = this.fd === null ? 0 : fstatSync(this.fd).size;
    const head = Buffer.alloc(100);
    if (this.fd !== null) readSync(this.fd, head, 0, 100, 0);
    this.headerOk = head.subarray(0, 16).equals(MAGIC);
    const walFile = `${file}-wal`;
    this.walFd = existsSync(walFile) ? openSync(walFile, 'r') : null;
    const walHead = Buffer.alloc(32);
    const walSize = this.walFd === null ? 0 : fstatSync(this.walFd).size;
    if (this.walFd !== null && walSize >= 32) readSync(this.walFd, walHead, 0, 32, 0);
    const walPageSize = validPageSize(walHead.readUInt32BE(8));
    const raw = head.readUInt16BE(16);
    this.pageSize = (this.headerOk ? validPageSize(raw === 1 ? 65536 : raw) : 0) || walPageSize || 4096;
    const reserved = this.headerOk ? head[20]! : 0;
    this.usable = this.pageSize - (reserved < 32 ? reserved : 0);
    let count = Math.floor(size / this.pageSize);
    this.wal = this.walFd !== null && walPageSize === this.pageSize ? this.readWal(walHead, walSize) : NO_WAL;
    for (const p of this.walPages.keys()) count = Math.max(count, p);
    this.pageCount = count;
    const declared = this.headerOk && head.readUInt32BE(92) === head.readUInt32BE(24) ? head.readUInt32BE(28) : 0;
    this.missingPages = Math.max(0, declared - count);
  }

  private readWal(header: Buffer, size: number): WalReport {
    const magic = header.readUInt32BE(0);
    if (magic !== 0x377f0682 && magic !== 0x377f0683) return NO_WAL;
    const bigEndian = (magic & 1) === 1;
    const [h0, h1] = checksum(bigEndian, header.subarray(0, 24), 0, 0);
    if (h0 !== header.readUInt32BE(24) || h1 !== header.readUInt32BE(28)) return NO_WAL;
    const salt1 = header.readUInt32BE(16);
    const salt2 = header.readUInt32BE(20);
    const frameSize = 24 + this.pageSize;
    const frame = Buffer.alloc(frameSize);
    let seed: [number, number] = [h0, h1];
    let frames = 0;
    let badFrames = 0;
    let broken = false;
    let commitsAfterBreak = 0;
    let applied = 0;
    let pending: [number, number][] = [];
    for (let off = 32; off + frameSize <= size; off += frameSize) {
      readSync(this.walFd!, frame, 0, frameSize, off);
      if (frame.readUInt32BE(8) !== salt1 || frame.readUInt32BE(12) !== salt2) break;
      frames++;
      const stored: [number, number] = [frame.readUInt32BE(16), frame.readUInt32BE(20)];
      const [c0, c1] = checksum(bigEndian, frame.subarray(24), ...checksum(bigEndian, frame.subarray(0, 8), seed[0], seed[1]));
      const pageNo = frame.readUInt32BE(0);
      if (c0 !== stored[0] || c1 !== stored[1]) {
        badFrames++;
        broken = true;
      } else if (pageNo > 0) pending.push([pageNo, off + 24]);
      // The next frame is checked against this one's stored checksum: one damaged frame costs one page.
      seed = stored;
      if (frame.readUInt32BE(4) !== 0) {
        if (broken && pending.length > 0) commitsAfterBreak++;
        for (const [p, o] of pending) this.walPages.set(p, o);
        applied += pending.length;
        pending = [];
      }
    }
    // A torn last frame is an unacknowledged commit (the crash came before its fsync returned), not damage.
    if (badFrames > 0 && commitsAfterBreak === 0) badFrames = 0;
    return { frames, badFrames, commitsAfterBreak, applied };
  }

  /** One page's bytes (newest WAL image if any), or null past the end. */
  page(n: number): Buffer | null {
    if (n < 1 || n > this.pageCount) return null;
    const walOff = this.walPages.get(n);
    if (walOff !== undefined) {
      const buf = Buffer.alloc(this.pageSize);
      readSync(this.walFd!, buf, 0, this.pageSize, walOff);
      return buf;
    }
    if (this.fd === null) return null;
    // Trees are mostly laid out in file order: one read per block of pages, not one per page. A fresh buffer per
    // block (never overwritten), so values that point into an earlier page stay valid; memory is a few blocks.
    const perBlock = Math.max(1, Math.floor(BLOCK_BYTES / this.pageSize));
    const first = Math.floor((n - 1) / perBlock) * perBlock + 1;
    let block = this.blocks.get(first);
    if (block) this.blocks.delete(first);
    else {
      const bytes = Buffer.allocUnsafe(perBlock * this.pageSize);
      block = bytes.subarray(0, readSync(this.fd, bytes, 0, bytes.length, (first - 1) * this.pageSize));
      // A leaf's overflow pages may sit in another block: a few blocks stay, least recently used goes first.
      if (this.blocks.size >= BLOCKS_KEPT) this.blocks.delete(this.blocks.keys().next().value!);
    }
    this.blocks.set(first, block);
    const at = (n - first) * this.pageSize;
    if (at + this.pageSize > block.length) return null;
    return block.subarray(at, at + this.pageSize);
  }

  close(): void {
    if (this.fd !== null) closeSync(this.fd);
    if (this.walFd !== null) closeSync(this.walFd);
  }
}

function validPageSize(n: number): number {
  return n >= 512 && n <= 65536 && (n & (n - 1)) === 0 ? n : 0;
}

function checksum(bigEndian: boolean, data: Buffer, s0: number, s1: number): [number, number] {
  for (let i = 0; i + 8 <= data.length; i += 8) {
    const x0 = bigEndian ? data.readUInt32BE(i) : data.readUInt32LE(i);
    const x1 = bigEndian ? data.readUInt32BE(i + 4) : data.readUInt32LE(i + 4);
    s0 = (s0 + x0 + s1) >>> 0;
    s1 = (s1 + x1 + s0) >>> 0;
  }
  return [s0, s1];
}

/** What a b-tree page holds, parsed defensively: any inconsistency makes the whole page `damaged`. */
export type ParsedPage =
  | { readonly type: 'table-leaf'; readonly cells: readonly TableCell[] }
  /** `right` 0: the right-child pointer is unreadable. */
  | { readonly type: 'table-interior'; readonly children: readonly { readonly page: number; readonly maxRowid: number }[]; readonly right: number }
  | { readonly type: 'index' | 'other' }
  | { readonly type: 'damaged'; readonly reason: string };

export interface TableCell {
  readonly rowid: number;
  /** null: the record itself does not decode (counted, not guessed). */
  readonly values: readonly SqlValue[] | null;
}

export function parsePage(reader: PageReader, n: number): ParsedPage {
  const p = reader.page(n);
  if (!p) return { type: 'damaged', reason: 'beyond the end of the file' };
  const h = n === 1 ? 100 : 0;
  const kind = p[h];
  if (kind === 0x0a || kind === 0x02) return { type: 'index' };
  if (kind !== 0x0d && kind !== 0x05) return { type: 'other' };
  const usable = reader.usable;
  const cellCount = p.readUInt16BE(h + 3);
  const headerBytes = kind === 0x0d ? 8 : 12;
  const pointers = h + headerBytes;
  if (pointers + 2 * cellCount > usable) return { type: 'damaged', reason: 'cell count past the page end' };
  if (kind === 0x05) {
    const children: { page: number; maxRowid: number }[] = [];
    const right = p.readUInt32BE(h + 8);
    for (let i = 0; i < cellCount; i++) {
      const at = p.readUInt16BE(pointers + 2 * i);
      if (at < pointers + 2 * cellCount || at + 5 > usable) continue;
      const page = p.readUInt32BE(at);
      const key = varint(p, at + 4, usable);
      if (key && page >= 1 && page <= reader.pageCount) children.push({ page, maxRowid: key.value });
    }
    return { type: 'table-interior', children, right: right >= 1 && right <= reader.pageCount ? right : 0 };
  }
  // Leaf cells one by one: a damaged cell costs that cell, the rest of the page is still read.
  const cells: TableCell[] = [];
  for (let i = 0; i < cellCount; i++) {
    const at = p.readUInt16BE(pointers + 2 * i);
    // A cell whose pointer, size or rowid is garbage is still one row lost: rowid 0 (unknown), no values.
    if (at < pointers + 2 * cellCount || at >= usable) {
      cells.push({ rowid: 0, values: null });
      continue;
    }
    const size = varint(p, at, usable);
    const rowid = size && varint(p, size.next, usable);
    if (!size || !rowid || rowid.value < 1 || size.value > reader.pageCount * reader.usable) {
      cells.push({ rowid: 0, values: null });
      continue;
    }
    const payload = readPayload(reader, p, rowid.next, size.value);
    cells.push({ rowid: rowid.value, values: payload ? decodeRecord(payload) : null });
  }
  return { type: 'table-leaf', cells };
}

function readPayload(reader: PageReader, p: Buffer, at: number, total: number): Buffer | null {
  const u = reader.usable;
  const maxLocal = u - 35;
  let local = total;
  if (total > maxLocal) {
    const minLocal = Math.floor(((u - 12) * 32) / 255) - 23;
    const k = minLocal + ((total - minLocal) % (u - 4));
    local = k <= maxLocal ? k : minLocal;
  }
  if (at + local > u || (local < total && at + local + 4 > u)) return null;
  if (local === total) return p.subarray(at, at + total);
  const parts = [p.subarray(at, at + local)];
  let have = local;
  let next = p.readUInt32BE(at + local);
  const seen = new Set<number>();
  while (have < total) {
    if (next < 1 || next > reader.pageCount || seen.has(next)) return null;
    seen.add(next);
    const o = reader.page(next);
    if (!o) return null;
    const take = Math.min(u - 4, total - have);
    parts.push(o.subarray(4, 4 + take));
    have += take;
    next = o.readUInt32BE(0);
  }
  return Buffer.concat(parts, total);
}

function varint(b: Buffer, at: number, end: number): { value: number; next: number } | null {
  let v = 0n;
  for (let i = 0; i < 9; i++) {
    if (at + i >= end) return null;
    const byte = b[at + i]!;
    if (i === 8) {
      v = (v << 8n) | BigInt(byte);
      return fromBig(BigInt.asIntN(64, v), at + 9);
    }
    v = (v << 7n) | BigInt(byte & 0x7f);
    if ((byte & 0x80) === 0) return fromBig(BigInt.asIntN(64, v), at + i + 1);
  }
  return null;
}

function fromBig(v: bigint, next: number): { value: number; next: number } | null {
  // Rowids and sizes beyond 2^53 are garbage in this schema: refuse rather than round.
  if (v > BigInt(Number.MAX_SAFE_INTEGER) || v < -BigInt(Number.MAX_SAFE_INTEGER)) return null;
  return { value: Number(v), next };
}

/** A record's values, or null when its header and body do not add up exactly. */
export function decodeRecord(r: Buffer): SqlValue[] | null {
  const hs = varint(r, 0, r.length);
  if (!hs || hs.value < 1 || hs.value > r.length) return null;
  const types: number[] = [];
  let at = hs.next;
  while (at < hs.value) {
    const t = varint(r, at, hs.value);
    if (!t || t.value < 0 || t.value === 10 || t.value === 11) return null;
    types.push(t.value);
    at = t.next;
  }
  let body = hs.value;
  const values: SqlValue[] = [];
  for (const t of types) {
    const n = contentSize(t);
    if (body + n > r.length) return null;
    values.push(readValue(r, body, t, n));
    body += n;
  }
  return body === r.length ? values : null;
}

function contentSize(t: number): number {
  if (t <= 4) return t;
  if (t === 5) return 6;
  if (t === 6 || t === 7) return 8;
  if (t < 12) return 0;
  return t % 2 === 0 ? (t - 12) / 2 : (t - 13) / 2;
}

function readValue(r: Buffer, at: number, t: number, n: number): SqlValue {
  if (t === 0) return null;
  if (t === 8) return 0;
  if (t === 9) return 1;
  if (t === 7) return r.readDoubleBE(at);
  if (t <= 6) {
    if (n <= 6) return r.readIntBE(at, n);
    const big = r.readBigInt64BE(at);
    return big <= BigInt(Number.MAX_SAFE_INTEGER) && big >= -BigInt(Number.MAX_SAFE_INTEGER) ? Number(big) : big;
  }
  const bytes = Buffer.from(r.subarray(at, at + n));
  return t % 2 === 0 ? bytes : bytes.toString('utf8');
}
