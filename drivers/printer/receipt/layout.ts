/** Paper geometry at 203 dpi with the 12×24 / 24×24 fonts every Chinese receipt printer has. */
export interface PaperGeometry {
  readonly widthMm: 58 | 80;
  readonly widthDots: number;
  /** Columns of half-width (ASCII) characters per line. */
  readonly columns: number;
}

export function paperGeometry(widthMm: 58 | 80): PaperGeometry {
  return widthMm === 80 ? { widthMm, widthDots: 576, columns: 48 } : { widthMm, widthDots: 384, columns: 32 };
}

/** Display width in half-width columns: CJK and full-width forms take two. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += isWide(ch) ? 2 : 1;
  return w;
}

export function isWide(ch: string): boolean {
  const c = ch.codePointAt(0)!;
  return c >= 0x1100 && !(c >= 0x2000 && c <= 0x206f && c !== 0x2026 && c !== 0x2014);
}

/** Breaks text into lines of at most `columns`, never splitting a character. */
export function wrap(text: string, columns: number, indent = ''): string[] {
  const lines: string[] = [];
  let current = '';
  let width = 0;
  for (const ch of text) {
    const w = isWide(ch) ? 2 : 1;
    if (width + w > columns) {
      lines.push(current);
      current = indent;
      width = displayWidth(indent);
    }
    current += ch;
    width += w;
  }
  if (current.trim() || lines.length === 0) lines.push(current);
  return lines;
}

/** "label value" with the value wrapped under itself. */
export function labelled(label: string, value: string, columns: number): string[] {
  const head = `${label}：`;
  const pad = ' '.repeat(displayWidth(head));
  const lines = wrap(head + value, columns, pad);
  return lines;
}
