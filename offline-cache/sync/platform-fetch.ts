import { readFileSync } from 'node:fs';
import { Agent, request } from 'node:https';

/** The part of `fetch` the platform client, lookups and connectivity use. */
export type FetchLike = (url: URL | string, init?: { method?: string; headers?: Record<string, string>; body?: string | Uint8Array<ArrayBuffer>; signal?: AbortSignal }) => Promise<Response>;

/** How the kiosk trusts the platform and proves itself on TLS (PEM contents). */
export interface PlatformTls {
  /** CA bundle that signed the platform's certificate (the province's CA); replaces the system store for the platform. */
  readonly ca?: string | Buffer;
  /** Client certificate and its key, for a gateway that wants mutual TLS. */
  readonly cert?: string | Buffer;
  readonly key?: string | Buffer;
}

/** A TLS file that cannot be used: names the config key, the file and what is wrong. */
export class PlatformTlsError extends Error {
  constructor(
    readonly key: string,
    readonly file: string | null,
    readonly reason: string,
  ) {
    super(`platform TLS: ${key}: ${reason}${file ? ` (${file})` : ''}`);
  }
}

/** PEM files named by the config (`platform.caFile`, `certFile`, `keyFile`), read once; a missing or non-PEM file is one clear error. */
export function readPlatformTls(files: { readonly caFile: string | null; readonly certFile: string | null; readonly keyFile: string | null }): PlatformTls | null {
  if (!files.caFile && !files.certFile && !files.keyFile) return null;
  if (Boolean(files.certFile) !== Boolean(files.keyFile)) throw new PlatformTlsError(files.certFile ? 'platform.keyFile' : 'platform.certFile', null, 'expected platform.certFile and platform.keyFile together');
  const pem = (file: string, key: string, marker: RegExp): string => {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (e) {
      throw new PlatformTlsError(key, file, `expected a readable PEM file, ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    }
    if (!marker.test(text)) throw new PlatformTlsError(key, file, `expected a PEM file with ${marker.source.replaceAll('-', '').replace('[A-Z ]*', '')}`);
    return text;
  };
  return {
    ...(files.caFile ? { ca: pem(files.caFile, 'platform.caFile', /-----BEGIN CERTIFICATE-----/) } : {}),
    ...(files.certFile ? { cert: pem(files.certFile, 'platform.certFile', /-----BEGIN CERTIFICATE-----/) } : {}),
    ...(files.keyFile ? { key: pem(files.keyFile, 'platform.keyFile', /-----BEGIN [A-Z ]*PRIVATE KEY-----/) } : {}),
  };
}

const NULL_BODY = new Set([101, 204, 205, 304]);

/**
 * `fetch` for the platform: the global one without TLS settings; with them,
 * one keep-alive https agent carrying the CA bundle and client certificate,
 * answering with a standard `Response` and failing as `fetch` does
 * (TypeError with the cause, or the signal's reason).
 */
export function platformFetch(tls: PlatformTls | null): FetchLike {
  if (!tls) return (url, init) => fetch(url, init);
  const agent = new Agent({ keepAlive: true, ...(tls.ca ? { ca: tls.ca } : {}), ...(tls.cert ? { cert: tls.cert } : {}), ...(tls.key ? { key: tls.key } : {}) });
  return (url, init = {}) => {
    const target = new URL(url);
    if (target.protocol !== 'https:') return Promise.reject(new TypeError('fetch failed', { cause: Object.assign(new Error(`platform TLS is configured: ${target.protocol} is refused`), { code: 'ERR_PLATFORM_NOT_HTTPS' }) }));
    const signal = init.signal;
    if (signal?.aborted) return Promise.reject(signal.reason as Error);
    return new Promise<Response>((resolve, reject) => {
      const req = request(target, { method: init.method ?? 'GET', headers: init.headers ?? {}, agent }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', (e) => reject(new TypeError('fetch failed', { cause: e })));
        res.on('end', () => {
          signal?.removeEventListener('abort', onAbort);
          const headers = new Headers();
          for (const [k, v] of Object.entries(res.headers)) if (v !== undefined) headers.set(k, Array.isArray(v) ? v.join(', ') : v);
          const status = res.statusCode ?? 502;
          resolve(new Response(NULL_BODY.has(status) ? null : Buffer.concat(chunks), { status, statusText: res.statusMessage ?? '', headers }));
        });
      });
      const onAbort = () => {
        req.destroy();
        reject(signal!.reason as Error);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      req.on('error', (e) => {
        signal?.removeEventListener('abort', onAbort);
        if (!signal?.aborted) reject(new TypeError('fetch failed', { cause: e }));
      });
      req.end(init.body === undefined ? undefined : typeof init.body === 'string' ? init.body : Buffer.from(init.body));
    });
  };
}

/** What one request to the platform came to: an answer (any status, its body read), or none within the deadline. */
export type PlatformExchange =
  | { readonly kind: 'answered'; readonly status: number; readonly headers: Headers; readonly text: string }
  | { readonly kind: 'unreachable'; readonly reason: string };

export interface PlatformHttpOptions {
  readonly baseUrl: string;
  /** Every request is abandoned after this (ms) unless the call names a shorter deadline. */
  readonly timeoutMs: number;
  /** The transport (`platformFetch(tls)`: CA bundle, client certificate); the global fetch when absent. */
  readonly fetch?: FetchLike;
  /** Wall clock (skew against the platform's `Date`). */
  readonly now?: () => number;
}

/**
 * The one way an adapter reaches the platform: the configured transport (so
 * every adapter honours `platform.caFile` / `certFile` / `keyFile` alike), a
 * deadline on every request covering the body as well as the headers, and
 * the platform's clock learned from each answer's `Date` header (carried
 * forward on the monotonic clock, so a wall-clock jump cannot move it).
 * What the answer means is the adapter's business.
 */
export class PlatformHttp {
  private readonly now: () => number;
  private seen: { readonly at: number; readonly mono: number } | null = null;
  private skew = 0;

  constructor(private readonly options: PlatformHttpOptions) {
    this.now = options.now ?? Date.now;
  }

  get baseUrl(): string {
    return this.options.baseUrl;
  }

  get fetch(): FetchLike {
    return this.options.fetch ?? ((url, init) => fetch(url, init));
  }

  /** Platform clock minus ours at the last answer (ms, 1 s resolution). */
  get skewMs(): number {
    return this.skew;
  }

  /** The platform's clock now; null before any answer with a `Date`. */
  platformNow(): number | null {
    return this.seen ? Math.round(this.seen.at + (performance.now() - this.seen.mono)) : null;
  }

  async send(
    method: 'GET' | 'POST' | 'PUT',
    pathWithQuery: string,
    init: { readonly headers: Record<string, string>; readonly body?: string | Uint8Array; readonly timeoutMs?: number },
  ): Promise<PlatformExchange> {
    let res: Response;
    let text: string;
    try {
      res = await this.fetch(new URL(pathWithQuery, this.options.baseUrl), {
        method,
        headers: init.headers,
        ...(init.body === undefined ? {} : { body: typeof init.body === 'string' ? init.body : new Uint8Array(init.body) }),
        signal: AbortSignal.timeout(init.timeoutMs ?? this.options.timeoutMs),
      });
      text = await res.text();
    } catch (e) {
      const cause = (e as { cause?: { code?: string } }).cause?.code;
      return { kind: 'unreachable', reason: `${(e as Error).name}${cause ? ` ${cause}` : ''}: ${(e as Error).message}` };
    }
    const date = Date.parse(res.headers.get('date') ?? '');
    if (!Number.isNaN(date)) {
      this.skew = date - this.now();
      this.seen = { at: date, mono: performance.now() };
    }
    return { kind: 'answered', status: res.status, headers: res.headers, text };
  }
}
