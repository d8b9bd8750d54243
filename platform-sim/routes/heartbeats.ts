import type { FastifyInstance } from 'fastify';
import { HeartbeatSchema, type HeartbeatResponse } from '../../contract/platform';
import { jsonBody, kioskOf, requireDevice, type SimContext } from '../context';

/** POST /v1/heartbeats: stores it, applies acks, answers with signed pending commands. */
export function registerHeartbeatRoutes(app: FastifyInstance, ctx: SimContext): void {
  app.post('/v1/heartbeats', { preHandler: requireDevice(ctx) }, async (req, reply) => {
    const hb = jsonBody(req, reply, HeartbeatSchema);
    if (!hb) return reply;
    const now = new Date();
    const commands = ctx.fleet.receive(kioskOf(req), hb, now);
    const body: HeartbeatResponse = { receivedAt: now.toISOString(), serverTime: now.toISOString(), commands };
    return body;
  });
}
