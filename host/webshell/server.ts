import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { Readable } from 'node:stream';
import fastifyStatic from '@fastify/static';
import fastifyWebsocket from '@fastify/websocket';
import Fastify, { type FastifyInstance } from 'fastify';
import { err, type Err, type EventMessage } from '../../contract';
import type { Host } from '../host';
import type { Logger } from '../log';
import { limitBody, LARGEST_BODY_BYTES } from './body-limit';
import { VideoTickets } from '../resident/video';
import { bearer, hostAllowed, originAllowed, rendererCspMeta, rendererCspWith, tokenMatches } from './guard';

export interface WebShellOptions {
  readonly host: Host;
  readonly logger: Logger;
  readonly port: number;
  /** Built renderer (vite build output); when missing the API still serves. */
  readonly rendererDir: string;
  /** Fixed token for tests; a fresh random one per boot otherwise. */
  readonly token?: string;
}

export interface WebShell {
  readonly url: string;
  /** The URL a browser opens: the token travels in the fragment, never to a server log. */
  readonly uiUrl: string;
  readonly token: string;
  readonly port: number;
  close(): Promise<void>;
}

function httpStatusFor(e: Err): number {
  switch (e.code) {
    case 'invalid-input':
      return 400;
    case 'unauthorized':
      return 401;
    case 'forbidden':
      return 403;
    case 'unknown-method':
      return 404;
    default:
      return 200;
  }
}

/**
 * Calls are validated by the contract's zod schemas (host/api/dispatch.ts), never by fastify route
 * schemas: fastify's JSON-schema compilers (ajv, fast-json-stringify) are then never loaded, which
 * a start would otherwise pay for (docs/packaging.md "Start-up"). A route given a schema fails loudly.
 */
/** `assets/<name>-<hash>.<ext>`, as vite writes them. */
const HASHED_ASSET = /[\\/]assets[\\/][^\\/]+-[A-Za-z0-9_-]{8}\.[a-z0-9]+$/;

const NO_ROUTE_SCHEMAS = {
  buildValidator: () => () => {
    throw new Error('web shell: routes carry no JSON schema (calls are validated by the contract)');
  },
  buildSerializer: () => () => {
    throw new Error('web shell: routes carry no response schema');
  },
};

/**
 * The web-shell transport: POST /api/<method> with a JSON body, and a
 * WebSocket at /events, on 127.0.0.1 only, guarded by Host/Origin checks and
 * a per-boot token.
 */
export async function startWebShell(options: WebShellOptions): Promise<WebShell> {
  const { host, logger } = options;
  const token = options.token ?? randomBytes(24).toString('base64url');
  // forceCloseConnections: a stopping kiosk must not wait for a UI's keep-alive or event socket.
  const app: FastifyInstance = Fastify({ logger: false, bodyLimit: LARGEST_BODY_BYTES, forceCloseConnections: true, schemaController: { compilersFactory: NO_ROUTE_SCHEMAS } });
  let port = options.port;

  app.addHook('onRequest', async (req, reply) => {
    // A production kiosk never hands out its source: no source maps, even if a build left some beside the renderer.
    if (options.host.config.mode === 'production' && /\.map(\?|$)/.test(req.url)) return reply.code(404).send(err('not-found', 'no such route'));
    const refusal = !hostAllowed(req.headers.host, port)
      ? 'Host header not allowed'
      : !originAllowed(req.headers.origin, port)
        ? 'Origin not allowed'
        : null;
    if (!refusal) return undefined;
    if (req.headers.upgrade) {
      // A refused WebSocket upgrade: answer on the raw socket and close it, or it lingers half-open.
      reply.hijack();
      req.raw.socket.end(`HTTP/1.1 403 Forbidden\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
      return reply;
    }
    return reply.code(403).send(err('forbidden', refusal));
  });

  app.setErrorHandler((error: { statusCode?: number; message: string; code?: string }, _req, reply) => {
    const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
    if (status >= 500) logger.error({ err: error }, 'web shell error');
    const message = error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' ? 'expected Content-Type: application/json' : error.message;
    if (status === 413) return reply.code(413).send(err('invalid-input', `invalid request: ${message}`, { detail: 'body-too-large' }));
    return reply.code(status).send(err(status >= 500 ? 'internal' : 'invalid-input', status >= 500 ? 'unexpected error' : `invalid request: ${message}`));
  });
  app.setNotFoundHandler((_req, reply) => reply.code(404).send(err('not-found', 'no such route')));

  await app.register(fastifyWebsocket, { options: { maxPayload: 64 * 1024 } });

  app.get('/healthz', async () => ({ ok: true }));

  app.post<{ Params: { method: string } }>(
    '/api/:method',
    {
      // Token first, then the method's own body limit, both before a byte of JSON is parsed.
      preParsing: async (req, reply, payload) => {
        if (!tokenMatches(bearer(req.headers.authorization), token)) {
          await reply.code(401).send(err('unauthorized', 'missing or wrong session token'));
          return payload;
        }
        return limitBody(req.params.method, req.headers['content-length'], payload);
      },
    },
    async (req, reply) => {
      const result = await host.call(req.params.method, req.body, { transport: 'web' });
      return reply.code(result.ok ? 200 : httpStatusFor(result)).send(result);
    },
  );

  app.get<{ Querystring: { token?: string } }>('/events', { websocket: true }, (socket, req) => {
    if (!tokenMatches(req.query.token, token)) {
      socket.close(4401, 'unauthorized');
      return;
    }
    const send = (message: EventMessage) => {
      if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(message));
    };
    const unsubscribe = host.bus.subscribe(send);
    // Catch-up: a reloaded UI learns the current state without asking.
    for (const message of host.bus.stickySnapshot()) send(message);
    socket.on('message', () => {
      /* events are one-way; calls go over POST so they are validated the same way as IPC */
    });
    socket.on('close', unsubscribe);
  });

  const videoSources = VideoTickets.connectSources(host.config);
  const rendererCsp = rendererCspWith(videoSources);
  if (videoSources.length) {
    // The built page carries the default policy in a meta element too (both apply): widen it the same narrow way.
    const metaCsp = rendererCspMeta(videoSources);
    app.addHook('onSend', async (req, reply, payload) => {
      const path = req.url.split('?')[0];
      if ((path !== '/' && path !== '/index.html') || !String(reply.getHeader('content-type') ?? '').startsWith('text/html') || !(payload instanceof Readable)) return payload;
      const chunks: Buffer[] = [];
      for await (const c of payload) chunks.push(Buffer.from(c as Uint8Array));
      reply.removeHeader('content-length');
      return Buffer.concat(chunks).toString('utf8').replace(/(<meta http-equiv="Content-Security-Policy" content=")[^"]*(")/, `$1${metaCsp}$2`);
    });
  }
  if (existsSync(options.rendererDir)) {
    await app.register(fastifyStatic, {
      root: options.rendererDir,
      index: 'index.html',
      cacheControl: false,
      setHeaders: (res, file) => {
        // Vite names every asset by its content hash: it never changes under its name, so the browser keeps it
        // for good; index.html (which names them) is revalidated on each load, so an update shows at once.
        // No compression: on 127.0.0.1 gzip would cost the kiosk more CPU than the bytes cost to copy.
        res.setHeader('Cache-Control', HASHED_ASSET.test(file) ? 'public, max-age=31536000, immutable' : 'no-cache');
        res.setHeader('Content-Security-Policy', rendererCsp);
        res.setHeader('X-Content-Type-Options', 'nosniff');
        res.setHeader('Referrer-Policy', 'no-referrer');
      },
    });
  } else {
    logger.warn({ rendererDir: options.rendererDir }, 'renderer not built; serving the API only');
  }

  await app.listen({ host: '127.0.0.1', port: options.port });
  const address = app.server.address();
  port = typeof address === 'object' && address ? address.port : options.port;
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    uiUrl: `${url}/#token=${token}`,
    token,
    port,
    close: () => app.close(),
  };
}
