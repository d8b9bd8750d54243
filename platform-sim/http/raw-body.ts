import type { FastifyInstance, FastifyRequest } from 'fastify';
import { MAX_BODY_BYTES } from '../../contract/platform';

declare module 'fastify' {
  interface FastifyRequest {
    /** The exact body bytes, for the signature's body hash. */
    rawBody?: Buffer;
    /** Set when JSON.parse failed, so the route can answer 400 naming it. */
    bodyParseError?: string;
  }
}

/**
 * JSON and octet-stream bodies are read as bytes (≤ 1 MiB): the signature
 * covers the exact bytes, and a syntax error becomes a clear 400 from the
 * route rather than a generic framework message.
 */
export function registerRawBodyParsers(app: FastifyInstance): void {
  app.removeAllContentTypeParsers();
  const keep = (req: FastifyRequest, body: Buffer) => {
    req.rawBody = body;
  };
  app.addContentTypeParser('application/json', { parseAs: 'buffer', bodyLimit: MAX_BODY_BYTES }, (req, body, done) => {
    const buf = body as Buffer;
    keep(req, buf);
    if (buf.length === 0) return done(null, undefined);
    try {
      done(null, JSON.parse(buf.toString('utf8')));
    } catch (e) {
      req.bodyParseError = (e as Error).message;
      done(null, undefined);
    }
  });
  app.addContentTypeParser('application/octet-stream', { parseAs: 'buffer', bodyLimit: MAX_BODY_BYTES }, (req, body, done) => {
    keep(req, body as Buffer);
    done(null, body);
  });
  app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: MAX_BODY_BYTES }, (req, body, done) => {
    keep(req, body as Buffer);
    done(null, undefined);
  });
}
