/**
 * How a resident's name and ID number are shown where others may see them
 * (screens, receipts, the agent's view). Plain functions, no schemas: the
 * renderer's first screen can use them without the contract's zod schemas.
 */

/** 张三 → 张*, 张小三 → 张*三, 欧阳小明 → 欧**明; Latin names keep initials. */
export function maskName(name: string): string {
  const chars = Array.from(name.trim());
  if (chars.length <= 1) return chars.join('');
  if (chars.length === 2) return `${chars[0]}*`;
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars[chars.length - 1]}`;
}

/** 140105199001011234 → 140…1234 */
export function maskIdNumber(id: string): string {
  const s = id.trim();
  if (s.length <= 7) return `${s.slice(0, 1)}…`;
  return `${s.slice(0, 3)}…${s.slice(-4)}`;
}
