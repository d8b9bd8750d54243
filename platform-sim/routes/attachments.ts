import type { FastifyInstance } from 'fastify';
import { ContentRangeSchema, parseContentRange, Sha256HexSchema } from '../../contract/platform';
import { kioskOf, requireDevice, type SimContext } from '../context';
import { sendError } from '../http/errors';

export function registerAttachmentRoutes(app: FastifyInstance, ctx: SimContext): void {
  const checkSha = (sha: string) => Sha256HexSchema.safeParse(sha);

  app.get<{ Params: { sha256: string } }>('/v1/attachments/:sha256', { preHandler: requireDevice(ctx) }, async (req, reply) => {
    if (!checkSha(req.params.sha256).success) return sendError(reply, 400, 'invalid-body', 'sha256: expected 64 lower-case hex digits (SHA-256)', { issues: [{ path: 'sha256', message: 'expected 64 lower-case hex digits' }] });
    return ctx.attachments.status(req.params.sha256);
  });

  app.put<{ Params: { sha256: string } }>('/v1/attachments/:sha256', { preHandler: requireDevice(ctx) }, async (req, reply) => {
    const sha = req.params.sha256;
    if (!checkSha(sha).success) return sendError(reply, 400, 'invalid-body', 'sha256: expected 64 lower-case hex digits (SHA-256)', { issues: [{ path: 'sha256', message: 'expected 64 lower-case hex digits' }] });
    const header = req.headers['content-range'];
    const range = typeof header === 'string' && ContentRangeSchema.safeParse(header).success ? parseContentRange(header) : null;
    if (!range) {
      return sendError(reply, 400, 'invalid-header', 'content-range: expected "bytes {start}-{end}/{total}" with start ≤ end < total', {
        issues: [{ path: 'headers.content-range', message: 'expected "bytes {start}-{end}/{total}"' }],
      });
    }
    const bytes = req.rawBody ?? Buffer.alloc(0);
    if (bytes.length !== range.end - range.start + 1) {
      return sendError(reply, 400, 'invalid-header', `content-range: says ${range.end - range.start + 1} bytes, body has ${bytes.length}`, {
        issues: [{ path: 'headers.content-range', message: 'length does not match the body' }],
      });
    }
    const outcome = await ctx.attachments.putChunk(kioskOf(req), sha, range, bytes);
    switch (outcome.kind) {
      case 'stored':
        req.createdNew = outcome.createdNew;
        return outcome.status;
      case 'range-mismatch':
        return sendError(reply, 409, 'range-mismatch', outcome.message);
      case 'too-large':
        return sendError(reply, 413, 'body-too-large', outcome.message);
      case 'digest-mismatch':
        return sendError(reply, 422, 'digest-mismatch', outcome.message);
    }
  });
}
