/**
 * CODE128 symbol tables, shared by the encoder (which checks what a printer
 * will accept) and the virtual printer (which draws the bars the way a
 * printer does). Each pattern lists bar/space widths in modules, bar first.
 */
export const CODE128_PATTERNS: readonly string[] = [
  '212222', '222122', '222221', '121223', '121322', '131222', '122213', '122312', '132212', '221213',
  '221312', '231212', '112232', '122132', '122231', '113222', '123122', '123221', '223211', '221132',
  '221231', '213212', '223112', '312131', '311222', '321122', '321221', '312212', '322112', '322211',
  '212123', '212321', '232121', '111323', '131123', '131321', '112313', '132113', '132311', '211313',
  '231113', '231311', '112133', '112331', '132131', '113123', '113321', '133121', '313121', '211331',
  '231131', '213113', '213311', '213131', '311123', '311321', '331121', '312113', '312311', '332111',
  '314111', '221411', '431111', '111224', '111422', '121124', '121421', '141122', '141221', '112214',
  '112412', '122114', '122411', '142112', '142211', '241211', '221114', '413111', '241112', '134111',
  '111242', '121142', '121241', '114212', '124112', '124211', '411212', '421112', '421211', '212141',
  '214121', '412121', '111143', '111341', '131141', '114113', '114311', '411113', '411311', '113141',
  '114131', '311141', '411131', '211412', '211214', '211232', '2331112',
];

export const START_A = 103;
export const START_B = 104;
export const START_C = 105;
export const STOP = 106;
const CODE_A = 101;
const CODE_B = 100;
const CODE_C = 99;

export type Code128Set = 'A' | 'B' | 'C';

/** Printable ASCII that code set B carries (space … DEL-1). */
export function isCode128BText(text: string): boolean {
  return /^[\x20-\x7e]*$/.test(text);
}

/**
 * Turns the data of `GS k 73` (with its `{A`/`{B`/`{C` set selectors and
 * `{{` for a literal brace) into symbol values including start, check and
 * stop. Returns null for data a printer would reject.
 */
export function code128ValuesFromEscPos(data: Uint8Array): number[] | null {
  const values: number[] = [];
  let set: Code128Set | null = null;
  let i = 0;
  while (i < data.length) {
    const b = data[i]!;
    if (b === 0x7b /* { */) {
      const next = data[i + 1];
      i += 2;
      if (next === 0x41 || next === 0x42 || next === 0x43) {
        const wanted: Code128Set = next === 0x41 ? 'A' : next === 0x42 ? 'B' : 'C';
        if (set === null) values.push(wanted === 'A' ? START_A : wanted === 'B' ? START_B : START_C);
        else if (set !== wanted) values.push(wanted === 'A' ? CODE_A : wanted === 'B' ? CODE_B : CODE_C);
        set = wanted;
        continue;
      }
      if (next === 0x7b && set === 'B') {
        values.push(0x7b - 32);
        continue;
      }
      return null; // FNC codes and shift are not part of what we emit
    }
    if (set === null) return null;
    if (set === 'B') {
      if (b < 0x20 || b > 0x7f) return null;
      values.push(b - 32);
    } else if (set === 'A') {
      if (b > 0x5f) return null;
      values.push(b < 0x20 ? b + 64 : b - 32);
    } else {
      if (b > 99) return null;
      values.push(b);
    }
    i += 1;
  }
  if (set === null || values.length < 2) return null;
  let check = values[0]!;
  for (let k = 1; k < values.length; k++) check += values[k]! * k;
  values.push(check % 103, STOP);
  return values;
}

/** Module widths (bar, space, bar, …) of a whole symbol, quiet zones excluded. */
export function code128Modules(values: readonly number[]): number[] {
  const widths: number[] = [];
  for (const v of values) for (const ch of CODE128_PATTERNS[v]!) widths.push(Number(ch));
  return widths;
}

/** Width in modules of a set-B symbol for `text` (start + data + check + stop). */
export function code128BModuleCount(text: string): number {
  return (text.length + 2) * 11 + 13;
}
