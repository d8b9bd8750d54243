/**
 * GA/T 467 serial framing, both directions:
 *   AA AA AA 96 69 | LenH LenL | body… | CHK
 * Length is big-endian and counts every byte after itself, CHK included.
 * CHK is the XOR of every byte after the preamble (length bytes included).
 */
export const PREAMBLE = Uint8Array.of(0xaa, 0xaa, 0xaa, 0x96, 0x69);
/** Longest frame body we accept: a read with fingerprint is 0x090A; anything far larger is garbage. */
export const MAX_LENGTH = 0x1000;

export function checksum(bytes: Uint8Array, from = 0, to = bytes.length): number {
  let x = 0;
  for (let i = from; i < to; i++) x ^= bytes[i]!;
  return x;
}

/** A whole frame around `body` (command+para+data, or SW1 SW2 SW3+data). */
export function encodeFrame(body: Uint8Array): Uint8Array {
  const length = body.length + 1;
  if (length > 0xffff) throw new RangeError(`frame body too long: ${body.length}`);
  const out = new Uint8Array(PREAMBLE.length + 2 + length);
  out.set(PREAMBLE, 0);
  out[5] = length >> 8;
  out[6] = length & 0xff;
  out.set(body, 7);
  out[out.length - 1] = checksum(out, 5, out.length - 1);
  return out;
}

export function encodeCommand(cmd: number, para: number, data: Uint8Array = new Uint8Array(0)): Uint8Array {
  const body = new Uint8Array(2 + data.length);
  body[0] = cmd;
  body[1] = para;
  body.set(data, 2);
  return encodeFrame(body);
}

export function encodeReply(sw3: number, data: Uint8Array = new Uint8Array(0), sw1 = 0x00, sw2 = 0x00): Uint8Array {
  const body = new Uint8Array(3 + data.length);
  body[0] = sw1;
  body[1] = sw2;
  body[2] = sw3;
  body.set(data, 3);
  return encodeFrame(body);
}

export type FrameEvent =
  /** A well-formed frame: `body` is everything between the length and CHK. */
  | { readonly kind: 'frame'; readonly body: Uint8Array }
  /** A frame whose checksum did not match: dropped, decoder resynchronised. */
  | { readonly kind: 'bad-checksum'; readonly length: number }
  /** Bytes that were not part of any frame (line noise, a half frame after a reconnect). */
  | { readonly kind: 'garbage'; readonly bytes: number }
  /** A length field that cannot be (0 or above MAX_LENGTH): dropped, decoder resynchronised. */
  | { readonly kind: 'bad-length'; readonly length: number };

/**
 * Turns a byte stream into frames. Frames may arrive split across any number
 * of reads or several in one read; garbage before, between or inside frames
 * is skipped by hunting for the next preamble. Never throws on input.
 */
export class FrameDecoder {
  private buf: Uint8Array = new Uint8Array(0);

  constructor(private readonly maxLength = MAX_LENGTH) {}

  push(chunk: Uint8Array): FrameEvent[] {
    this.buf = this.buf.length === 0 ? Uint8Array.from(chunk) : concat(this.buf, chunk);
    const events: FrameEvent[] = [];
    let pos = 0;
    let garbage = 0;
    const flushGarbage = () => {
      if (garbage > 0) events.push({ kind: 'garbage', bytes: garbage });
      garbage = 0;
    };
    for (;;) {
      const start = findPreamble(this.buf, pos);
      if (start < 0) {
        // Keep a tail that could be the start of a preamble split across reads.
        const keep = preamblePrefixAtEnd(this.buf, pos);
        garbage += this.buf.length - pos - keep;
        pos = this.buf.length - keep;
        break;
      }
      garbage += start - pos;
      pos = start;
      if (this.buf.length - pos < 7) break;
      const length = (this.buf[pos + 5]! << 8) | this.buf[pos + 6]!;
      if (length < 2 || length > this.maxLength) {
        flushGarbage();
        events.push({ kind: 'bad-length', length });
        pos += 1;
        continue;
      }
      const end = pos + 7 + length;
      if (this.buf.length < end) break;
      if (checksum(this.buf, pos + 5, end - 1) !== this.buf[end - 1]) {
        flushGarbage();
        events.push({ kind: 'bad-checksum', length });
        // The "frame" may have been noise that happened to contain a preamble:
        // look for the next real one from just after this one's start.
        pos += 1;
        continue;
      }
      flushGarbage();
      events.push({ kind: 'frame', body: this.buf.slice(pos + 7, end - 1) });
      pos = end;
    }
    flushGarbage();
    this.buf = this.buf.slice(pos);
    return events;
  }

  /** Bytes waiting for the rest of their frame. */
  get pending(): number {
    return this.buf.length;
  }

  reset(): void {
    this.buf = new Uint8Array(0);
  }
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}

function findPreamble(buf: Uint8Array, from: number): number {
  outer: for (let i = from; i + PREAMBLE.length <= buf.length; i++) {
    for (let j = 0; j < PREAMBLE.length; j++) if (buf[i + j] !== PREAMBLE[j]) continue outer;
    return i;
  }
  return -1;
}

/** How many bytes at the end of `buf` (after `from`) are a proper prefix of the preamble. */
function preamblePrefixAtEnd(buf: Uint8Array, from: number): number {
  const max = Math.min(PREAMBLE.length - 1, buf.length - from);
  for (let n = max; n > 0; n--) {
    let match = true;
    for (let j = 0; j < n; j++) {
      if (buf[buf.length - n + j] !== PREAMBLE[j]) {
        match = false;
        break;
      }
    }
    if (match) return n;
  }
  return 0;
}
