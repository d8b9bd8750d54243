import { Transform } from 'node:stream';
import { DEFAULT_MAX_BODY_BYTES, isMethodName, methods } from '../../contract';

/** The largest body this method may send (its contract's `maxBodyBytes`, else the default); unknown methods get the default. */
export function bodyLimitFor(method: string): number {
  return isMethodName(method) ? (methods[method].maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES) : DEFAULT_MAX_BODY_BYTES;
}

/** The server-wide ceiling: the largest per-method limit. */
export const LARGEST_BODY_BYTES = Math.max(DEFAULT_MAX_BODY_BYTES, ...Object.values(methods).map((m) => ('maxBodyBytes' in m ? (m.maxBodyBytes as number) : 0)));

export class BodyTooLarge extends Error {
  readonly statusCode = 413;
  readonly code = 'FST_ERR_CTP_BODY_TOO_LARGE';
  constructor(method: string, limit: number) {
    super(`request body larger than ${limit} bytes for ${method}`);
  }
}

/**
 * Refuses an oversized body before JSON parsing: at once by Content-Length,
 * or as the bytes arrive for a chunked body, so nothing large is ever
 * buffered or parsed on the event loop.
 */
export function limitBody(method: string, declaredLength: string | undefined, payload: NodeJS.ReadableStream): NodeJS.ReadableStream {
  const limit = bodyLimitFor(method);
  if (declaredLength !== undefined && Number(declaredLength) > limit) throw new BodyTooLarge(method, limit);
  let seen = 0;
  const counter: Transform & { receivedEncodedLength?: number } = new Transform({
    transform(chunk: Buffer, _enc, done) {
      seen += chunk.length;
      // Fastify compares this with Content-Length once the body is read.
      counter.receivedEncodedLength = seen;
      if (seen > limit) done(new BodyTooLarge(method, limit));
      else done(null, chunk);
    },
  });
  payload.on('error', (e) => counter.destroy(e));
  return payload.pipe(counter);
}
