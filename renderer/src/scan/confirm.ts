import type { Symbology } from '../../../contract';

export interface CodeRead {
  readonly symbology: Symbology;
  readonly text: string;
}

/**
 * A camera decoder sometimes misreads a bar; the same wrong text rarely
 * comes out several times in a row. A read is accepted after `required`
 * identical reads (within `windowMs`) that also pass the caller's format
 * check; the same code is not accepted again for `cooldownMs`.
 */
export class ReadConfirmer {
  private candidate: CodeRead | null = null;
  private count = 0;
  private firstAt = 0;
  private lastAccepted: { text: string; at: number } | null = null;

  constructor(
    private readonly accept: (read: CodeRead) => boolean,
    private readonly required = 3,
    private readonly windowMs = 2000,
    private readonly cooldownMs = 4000,
  ) {}

  push(read: CodeRead, at: number): CodeRead | null {
    if (!this.accept(read)) return null;
    if (this.lastAccepted && this.lastAccepted.text === read.text && at - this.lastAccepted.at < this.cooldownMs) return null;
    const same = this.candidate && this.candidate.text === read.text && this.candidate.symbology === read.symbology && at - this.firstAt <= this.windowMs;
    if (same) this.count++;
    else {
      this.candidate = read;
      this.count = 1;
      this.firstAt = at;
    }
    if (this.count < this.required) return null;
    this.candidate = null;
    this.count = 0;
    this.lastAccepted = { text: read.text, at };
    return read;
  }
}
