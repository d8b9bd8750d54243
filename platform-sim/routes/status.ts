import type { FastifyInstance } from 'fastify';
import { StatusQuerySchema } from '../../contract/platform';
import { kioskOf, requireDevice, type SimContext } from '../context';
import { sendZodError } from '../http/errors';

/** GET /v1/status: this kiosk's status changes after a cursor (progression is written when due). */
export function registerStatusRoutes(app: FastifyInstance, ctx: SimContext): void {
  app.get('/v1/status', { preHandler: requireDevice(ctx) }, async (req, reply) => {
    const query = StatusQuerySchema.safeParse(req.query);
    if (!query.success) return sendZodError(reply, 'invalid-query', query.error);
    return ctx.progression.page(kioskOf(req), query.data.cursor, query.data.limit, ctx.clock.nowMs());
  });
}
