import type { Connectivity, PlatformHealth } from '../../../contract';
import type { PlatformPort } from '../../../offline-cache/sync/platform-port';

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

/**
 * The same probe through the platform port, so the dashboard asks the
 * platform the way the configured adapter does (its health call, its TLS
 * settings) rather than the v1 path: skew from the answer's `Date` (1 s
 * resolution), which the port carries forward.
 */
export async function probeThroughPort(platformUrl: string, port: Pick<PlatformPort, 'health' | 'platformNow'>, connectivity: Connectivity): Promise<PlatformHealth> {
  const sent = Date.now();
  const r = await port.health();
  const received = Date.now();
  const reachable = r.kind === 'ok';
  const platformNow = reachable ? port.platformNow() : null;
  // platformNow is the Date header carried to now; the header was stamped somewhere in the round trip.
  const clockSkewMs = platformNow === null ? null : Math.round(platformNow - received + (received - sent) / 2);
  return { url: platformUrl, reachable, latencyMs: reachable ? received - sent : null, lastSuccessAt: connectivity.lastSuccessAt, clockSkewMs };
}
