import type { FastifyInstance } from 'fastify';
import { HeartbeatSchema, type HeartbeatResponse } from '../../contract/platform';
import { jsonBody, kioskOf, requireDevice, type SimContext } from '../context';
import { highestSeqs, recordStoreLoss } from '../store/gone-seqs';

/** POST /v1/heartbeats: stores it, applies acks and a store-loss notice, answers with signed pending commands and where the kiosk's numbering stands. */
export function registerHeartbeatRoutes(app: FastifyInstance, ctx: SimContext): void {
  app.post('/v1/heartbeats', { preHandler: requireDevice(ctx) }, async (req, reply) => {
    const hb = jsonBody(req, reply, HeartbeatSchema);
    if (!hb) return reply;
    const now = new Date();
    const kioskId = kioskOf(req);
    const commands = ctx.fleet.receive(kioskId, hb, now);
    if (hb.storeLoss) recordStoreLoss(ctx.db, kioskId, hb.storeLoss, now.toISOString());
    const body: HeartbeatResponse = { receivedAt: now.toISOString(), serverTime: now.toISOString(), commands, highestSeqs: highestSeqs(ctx.db, kioskId) };
    return body;
  });
}
