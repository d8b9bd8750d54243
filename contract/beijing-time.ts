/**
 * Every time a resident sees — on screen or on paper — is Beijing time
 * (Asia/Shanghai), written the one way the receipt prints it: 2026-11-26 15:30.
 * The kiosk's own clock zone (often UTC on Debian) never shows through.
 */
let beijing: Intl.DateTimeFormat | null = null;
/** Made on first use: building an ICU formatter costs tens of milliseconds, which a start does not need to pay. */
const BEIJING = () => (beijing ??= new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
}));

export function beijingTime(iso: string | Date): string {
  const parts = Object.fromEntries(BEIJING().formatToParts(typeof iso === 'string' ? new Date(iso) : iso).map((p) => [p.type, p.value]));
  // Some ICU builds write midnight as 24:00 with hour12 off.
  const hour = parts['hour'] === '24' ? '00' : parts['hour'];
  return `${parts['year']}-${parts['month']}-${parts['day']} ${hour}:${parts['minute']}`;
}
