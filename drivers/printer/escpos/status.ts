/**
 * Printer → host bytes. Real-time status replies (`DLE EOT n`) are one byte
 * matching 0xx1xx10b; automatic status back (`GS a`) is four bytes whose first
 * matches 0xx1xx00b. The fixed bits tell them apart and reject line noise.
 */
export type StatusQuery = 1 | 2 | 3 | 4;

export interface PrinterFlags {
  readonly offline?: boolean;
  readonly coverOpen?: boolean;
  readonly feedButton?: boolean;
  readonly stoppedByPaperEnd?: boolean;
  readonly error?: boolean;
  readonly mechanicalError?: boolean;
  readonly cutterError?: boolean;
  readonly unrecoverableError?: boolean;
  readonly autoRecoverableError?: boolean;
  readonly paperNearEnd?: boolean;
  readonly paperEnd?: boolean;
}

export function isRealtimeStatusByte(b: number): boolean {
  return (b & 0b1001_0011) === 0b0001_0010;
}

export function isAutoStatusFirstByte(b: number): boolean {
  return (b & 0b1001_0011) === 0b0001_0000;
}

const bit = (b: number, n: number) => (b & (1 << n)) !== 0;

/** Decodes one `DLE EOT n` reply; null when the fixed bits are wrong (garbage, not a status). */
export function parseRealtimeStatus(n: StatusQuery, b: number): PrinterFlags | null {
  if (!isRealtimeStatusByte(b)) return null;
  switch (n) {
    case 1:
      return { offline: bit(b, 3) };
    case 2:
      return { coverOpen: bit(b, 2), feedButton: bit(b, 3), stoppedByPaperEnd: bit(b, 5), error: bit(b, 6) };
    case 3:
      return { mechanicalError: bit(b, 2), cutterError: bit(b, 3), unrecoverableError: bit(b, 5), autoRecoverableError: bit(b, 6) };
    case 4:
      return { paperNearEnd: bit(b, 2) && bit(b, 3), paperEnd: bit(b, 5) && bit(b, 6) };
  }
}

/** Decodes the 4-byte automatic status back; null when byte 1 is not one. */
export function parseAutoStatus(bytes: Uint8Array): PrinterFlags | null {
  if (bytes.length !== 4 || !isAutoStatusFirstByte(bytes[0]!)) return null;
  const [b1, b2, b3] = [bytes[0]!, bytes[1]!, bytes[2]!];
  return {
    offline: bit(b1, 3),
    coverOpen: bit(b1, 5),
    feedButton: bit(b1, 6),
    mechanicalError: bit(b2, 2),
    cutterError: bit(b2, 3),
    unrecoverableError: bit(b2, 5),
    autoRecoverableError: bit(b2, 6),
    paperNearEnd: (b3 & 0x03) === 0x03,
    paperEnd: (b3 & 0x0c) === 0x0c,
  };
}

/** The conditions the host cares about, merged from whichever replies arrived. */
export interface PrinterHealth {
  readonly online: boolean;
  readonly paper: 'ok' | 'near-end' | 'end';
  readonly coverOpen: boolean;
  /** Technician code of a cutter/mechanical/unrecoverable error, or null. */
  readonly error: string | null;
}

export function healthFromFlags(f: PrinterFlags): PrinterHealth {
  const error = f.cutterError
    ? 'CUTTER'
    : f.mechanicalError
      ? 'MECHANICAL'
      : f.unrecoverableError
        ? 'UNRECOVERABLE'
        : f.autoRecoverableError
          ? 'AUTO-RECOVERABLE'
          : null;
  return {
    online: !f.offline,
    paper: f.paperEnd || f.stoppedByPaperEnd ? 'end' : f.paperNearEnd ? 'near-end' : 'ok',
    coverOpen: !!f.coverOpen,
    error,
  };
}

/** Why a job cannot print now, as a technician code; null when it can. */
export function blockingReason(h: PrinterHealth): string | null {
  if (h.paper === 'end') return 'PAPER-END';
  if (h.coverOpen) return 'COVER-OPEN';
  if (h.error) return h.error;
  if (!h.online) return 'OFFLINE';
  return null;
}

/** The byte a printer answers to `DLE EOT n` in a given condition (the simulator's side). */
export function encodeRealtimeStatus(n: StatusQuery, f: PrinterFlags): number {
  let b = 0b0001_0010;
  const set = (cond: boolean | undefined, ...bits: number[]) => {
    if (cond) for (const k of bits) b |= 1 << k;
  };
  if (n === 1) set(f.offline, 3);
  if (n === 2) {
    set(f.coverOpen, 2);
    set(f.feedButton, 3);
    set(f.stoppedByPaperEnd, 5);
    set(f.error, 6);
  }
  if (n === 3) {
    set(f.mechanicalError, 2);
    set(f.cutterError, 3);
    set(f.unrecoverableError, 5);
    set(f.autoRecoverableError, 6);
  }
  if (n === 4) {
    set(f.paperNearEnd, 2, 3);
    set(f.paperEnd, 5, 6);
  }
  return b;
}

export function encodeAutoStatus(f: PrinterFlags): Uint8Array {
  let b1 = 0b0001_0000;
  if (f.offline) b1 |= 1 << 3;
  if (f.coverOpen) b1 |= 1 << 5;
  if (f.feedButton) b1 |= 1 << 6;
  let b2 = 0;
  if (f.mechanicalError) b2 |= 1 << 2;
  if (f.cutterError) b2 |= 1 << 3;
  if (f.unrecoverableError) b2 |= 1 << 5;
  if (f.autoRecoverableError) b2 |= 1 << 6;
  let b3 = 0;
  if (f.paperNearEnd) b3 |= 0x03;
  if (f.paperEnd) b3 |= 0x0c;
  return Uint8Array.of(b1, b2, b3, 0);
}

/**
 * Splits the printer's byte stream into status replies and automatic status
 * frames; bytes matching neither are counted as noise and dropped, so a burst
 * of garbage never desynchronises the next reply.
 */
export class PrinterReplyReader {
  private asb: number[] | null = null;
  noise = 0;

  constructor(
    private readonly onRealtime: (b: number) => void,
    private readonly onAuto: (flags: PrinterFlags) => void,
  ) {}

  push(chunk: Uint8Array): void {
    for (const b of chunk) {
      if (this.asb) {
        this.asb.push(b);
        if (this.asb.length === 4) {
          const flags = parseAutoStatus(Uint8Array.from(this.asb));
          this.asb = null;
          if (flags) this.onAuto(flags);
          else this.noise += 4;
        }
      } else if (isRealtimeStatusByte(b)) {
        this.onRealtime(b);
      } else if (isAutoStatusFirstByte(b)) {
        this.asb = [b];
      } else {
        this.noise += 1;
      }
    }
  }
}
