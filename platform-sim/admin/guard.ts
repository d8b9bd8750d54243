import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { sendError } from '../http/errors';

export interface AdminGuardOptions {
  /** Bearer token (or `?token=` once, then a cookie) every /admin request needs; null = loopback Host check only (demo). */
  readonly token: string | null;
  /** Host names besides 127.0.0.1 / localhost / [::1] the admin pages may be reached under (a reverse proxy's name). */
  readonly hosts?: readonly string[];
}

const COOKIE = 'sim_admin';
const LOOPBACK = ['127.0.0.1', 'localhost', '[::1]'];

function same(a: string | undefined, b: string): boolean {
  if (a === undefined) return false;
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Rejects DNS rebinding: a page under a foreign name that resolves to this host still sends its own Host. */
export function adminHostAllowed(hostHeader: string | undefined, localPort: number, extraHosts: readonly string[] = []): boolean {
  if (!hostHeader) return false;
  const host = hostHeader.toLowerCase();
  if (LOOPBACK.some((name) => host === `${name}:${localPort}`)) return true;
  // A reverse proxy in front forwards its own name, with or without a port.
  return extraHosts.some((name) => host === name.toLowerCase() || host.startsWith(`${name.toLowerCase()}:`));
}

/** The token as a request may carry it: `Authorization: Bearer`, the cookie set by a first `?token=` visit, or `?token=`. */
export function presentedToken(req: Pick<FastifyRequest, 'headers' | 'query'>): string | undefined {
  const auth = req.headers.authorization;
  if (auth?.startsWith('Bearer ')) return auth.slice(7);
  const cookie = req.headers.cookie
    ?.split(';')
    .map((c) => c.trim())
    .find((c) => c.startsWith(`${COOKIE}=`));
  if (cookie) return decodeURIComponent(cookie.slice(COOKIE.length + 1));
  const q = (req.query as Record<string, unknown> | undefined)?.['token'];
  return typeof q === 'string' ? q : undefined;
}

/** The simulator's /admin surface is for its operator: loopback Host (or a named one) and, when set, the admin token. */
export function guardAdmin(app: FastifyInstance, options: AdminGuardOptions): void {
  app.addHook('onRequest', async (req, reply) => {
    const pathname = req.url.split('?')[0]!;
    if (pathname !== '/admin' && !pathname.startsWith('/admin/')) return undefined;
    if (!adminHostAllowed(req.headers.host, req.socket.localPort ?? 0, options.hosts)) return sendError(reply, 403, 'unauthorized', 'admin: Host header not allowed');
    if (options.token === null) return undefined;
    const given = presentedToken(req);
    if (!same(given, options.token)) return sendError(reply, 401, 'unauthorized', 'admin: missing or wrong admin token (Authorization: Bearer …)');
    // A browser that came with ?token= keeps it in a cookie for the pages' links (never sent outside /admin).
    if ((req.query as Record<string, unknown>)['token'] !== undefined) {
      void reply.header('set-cookie', `${COOKIE}=${encodeURIComponent(options.token)}; Path=/admin; HttpOnly; SameSite=Strict`);
    }
    return undefined;
  });
}
