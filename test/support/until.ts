/**
 * Polls `check` until it gives something other than null/false (or true), then returns it; throws naming `what`
 * after `timeoutMs`. For tests that wait on real processes (cupsd, a kiosk, a printer on a pty).
 */
export async function until<T>(what: string, check: () => T | null | false | Promise<T | null | false>, timeoutMs = 30_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    const v = await check();
    if (v !== null && v !== false) return v;
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`timed out waiting for ${what}`);
}
