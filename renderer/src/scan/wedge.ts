/**
 * Keyboard-wedge scanners type a whole code in a few milliseconds and end it
 * with Enter (or Tab). People type far slower. A burst of at least
 * `minLength` printable keys, each within `maxGapMs` of the last, ended by a
 * suffix key within the same gap, is a scan; anything slower is typing and is
 * left alone (the detector never consumes characters, only the suffix key of
 * a recognised scan).
 */
export interface WedgeOptions {
  readonly maxGapMs: number;
  readonly minLength: number;
  readonly suffixes: readonly string[];
}

export const DEFAULT_WEDGE: WedgeOptions = { maxGapMs: 35, minLength: 4, suffixes: ['Enter', 'Tab'] };

export class WedgeDetector {
  private buffer = '';
  private lastAt = -Infinity;

  constructor(private readonly options: WedgeOptions = DEFAULT_WEDGE) {}

  /** Feed one keydown. Returns the scanned text when `key` completes a scan. */
  key(key: string, at: number): string | null {
    const gap = at - this.lastAt;
    this.lastAt = at;
    const fast = gap <= this.options.maxGapMs;
    // A pause ends any burst, whatever key follows it.
    if (!fast) this.buffer = '';
    if (this.options.suffixes.includes(key)) {
      const text = this.buffer;
      this.buffer = '';
      return fast && text.length >= this.options.minLength ? text : null;
    }
    if (key.length !== 1) {
      // Shift and other modifiers arrive between characters of a scan; they neither add nor break it.
      if (key !== 'Shift') this.buffer = '';
      return null;
    }
    this.buffer += key;
    return null;
  }
}
