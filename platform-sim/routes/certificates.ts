import type { FastifyInstance } from 'fastify';
import { CertificateLookupRequestSchema } from '../../contract/platform';
import { jsonBody, requireDevice, type SimContext } from '../context';
import { sendError } from '../http/errors';

/** POST /v1/e-certificates/lookup: annex-3 types only. */
export function registerCertificateRoutes(app: FastifyInstance, ctx: SimContext): void {
  app.post('/v1/e-certificates/lookup', { preHandler: requireDevice(ctx) }, async (req, reply) => {
    const body = jsonBody(req, reply, CertificateLookupRequestSchema);
    if (!body) return reply;
    const outcome = ctx.certificates.lookup(body.holderIdNumber, body.certificateTypeCode);
    if (outcome.kind === 'unknown-type') {
      return sendError(reply, 400, 'unknown-certificate-type', `certificateTypeCode: ${body.certificateTypeCode} is not an annex-3 type (EC001–EC143)`, {
        issues: [{ path: 'certificateTypeCode', message: 'not an annex-3 electronic certificate type' }],
      });
    }
    return outcome.value;
  });
}
