import type { Connectivity, PlatformHealth } from '../../../contract';

/**
 * Reachability comes from the connectivity monitor; clock skew needs one
 * answer with the platform's time, taken at the midpoint of the round trip.
 */
export async function probePlatform(platformUrl: string, connectivity: Connectivity, timeoutMs = 3000): Promise<PlatformHealth> {
  let clockSkewMs: number | null = null;
  let reachable: boolean;
  let latencyMs = connectivity.latencyMs;
  try {
    const sent = Date.now();
    const res = await fetch(new URL('/v1/health', platformUrl), { signal: AbortSignal.timeout(timeoutMs) });
    const received = Date.now();
    const body = (await res.json().catch(() => null)) as { now?: unknown } | null;
    const platformTime = typeof body?.now === 'string' ? Date.parse(body.now) : Date.parse(res.headers.get('date') ?? '');
    if (Number.isFinite(platformTime)) clockSkewMs = Math.round(platformTime - (sent + received) / 2);
    reachable = res.ok;
    latencyMs = received - sent;
  } catch {
    reachable = false;
  }
  return { url: platformUrl, reachable, latencyMs: reachable ? latencyMs : null, lastSuccessAt: connectivity.lastSuccessAt, clockSkewMs };
}
