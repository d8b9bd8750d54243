import type { Transmission } from './simulator';

/**
 * Sends bytes no faster than a serial line at `baud` (8N1: 10 bits a byte),
 * so a simulator on a pty costs the same wire time as a real reader. Also
 * applies the split-frame and slow-byte faults. `baud` null = no pacing.
 */
export class Pacer {
  private readonly queue: Uint8Array[] = [];
  private gaps: number[] = [];
  private busy = false;
  private lineFreeAt = 0;

  constructor(
    private readonly write: (bytes: Uint8Array) => void,
    private readonly baud: () => number | null,
  ) {}

  /** `notBefore`: performance.now() before which the first byte may not start (the command still on the wire). */
  send(t: Transmission, notBefore = 0): void {
    const pieces = t.byteGapMs ? 1 : (t.splitEvery ?? Infinity);
    for (let i = 0; i < t.bytes.length; i += pieces === Infinity ? t.bytes.length : pieces) {
      this.queue.push(t.bytes.subarray(i, pieces === Infinity ? t.bytes.length : i + pieces));
      this.gaps.push(t.byteGapMs ?? (t.splitEvery ? 1 : 0));
    }
    this.lineFreeAt = Math.max(this.lineFreeAt, notBefore);
    if (!this.busy) void this.pump();
  }

  clear(): void {
    this.queue.length = 0;
    this.gaps = [];
  }

  private async pump(): Promise<void> {
    this.busy = true;
    try {
      while (this.queue.length) {
        const piece = this.queue.shift()!;
        const gap = this.gaps.shift() ?? 0;
        const baud = this.baud();
        if (baud === null) {
          this.write(piece);
          if (gap) await sleep(gap);
          continue;
        }
        const byteMs = 10_000 / baud;
        // Wire pacing: the piece's last byte leaves when the line would have carried it.
        const start = Math.max(performance.now(), this.lineFreeAt);
        for (let off = 0; off < piece.length; ) {
          const now = performance.now();
          const due = Math.min(piece.length, Math.floor((now - start) / byteMs) + 1);
          if (due > off) {
            this.write(piece.subarray(off, due));
            off = due;
          }
          if (off < piece.length) await sleep(Math.max(0, start + off * byteMs - performance.now()));
        }
        this.lineFreeAt = start + piece.length * byteMs;
        if (gap) await sleep(gap);
      }
    } finally {
      this.busy = false;
    }
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
