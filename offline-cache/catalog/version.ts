/**
 * Orders catalog versions such as `2024-8.1` < `2024-8.2` < `2024-8.10` <
 * `2025-1.1`: runs of digits compare as numbers, anything else as text, run
 * by run; a version that is a prefix of another is the older one.
 */
export function compareCatalogVersions(a: string, b: string): number {
  const ta = a.match(/\d+|\D+/g) ?? [];
  const tb = b.match(/\d+|\D+/g) ?? [];
  for (let i = 0; i < Math.min(ta.length, tb.length); i++) {
    const x = ta[i]!;
    const y = tb[i]!;
    const nx = /^\d/.test(x);
    const ny = /^\d/.test(y);
    if (nx && ny) {
      const d = Number(x) - Number(y);
      if (d !== 0) return Math.sign(d);
    } else if (x !== y) return x < y ? -1 : 1;
  }
  return Math.sign(ta.length - tb.length);
}
