import type { FastifyInstance } from 'fastify';
import { EidVerifyRequestSchema, EnterpriseLookupRequestSchema, IssueEidRequestSchema } from '../../contract/platform';
import { jsonBody, requireDevice, type SimContext } from '../context';
import { lookupEnterprise } from '../store/enterprise-registry';

/** Who applies: the enterprise registry by USCC, e-ID QR verification; and (admin) issuing demo codes. */
export function registerIdentityRoutes(app: FastifyInstance, ctx: SimContext): void {
  app.post('/v1/enterprises/lookup', { preHandler: requireDevice(ctx) }, async (req, reply) => {
    const body = jsonBody(req, reply, EnterpriseLookupRequestSchema);
    if (!body) return reply;
    return lookupEnterprise(body.unifiedSocialCreditCode);
  });
  app.post('/v1/eid/verify', { preHandler: requireDevice(ctx) }, async (req, reply) => {
    const body = jsonBody(req, reply, EidVerifyRequestSchema);
    if (!body) return reply;
    return ctx.eid.verify(body.code);
  });
  // What the resident's 三晋通 app (or the 网证 app) would show: the dev dock and tests ask for one.
  app.post('/admin/eid/issue', async (req, reply) => {
    const body = jsonBody(req, reply, IssueEidRequestSchema);
    if (!body) return reply;
    return reply.code(201).send(ctx.eid.issue(body.issuer, body.identity, body.ttlSeconds));
  });
}
