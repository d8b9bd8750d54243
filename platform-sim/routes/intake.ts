import type { FastifyInstance } from 'fastify';
import { BatchEnvelopeSchema, type BatchResponse } from '../../contract/platform';
import { jsonBody, kioskOf, requireDevice, type SimContext } from '../context';
import type { Stream } from '../store/intake-ledger';

/** POST /v1/{applications|evaluations|feedback}/batch: per-item results, one transaction per batch. */
export function registerIntakeRoutes(app: FastifyInstance, ctx: SimContext): void {
  for (const stream of ['applications', 'evaluations', 'feedback'] as const satisfies readonly Stream[]) {
    app.post(`/v1/${stream}/batch`, { preHandler: requireDevice(ctx) }, async (req, reply) => {
      const envelope = jsonBody(req, reply, BatchEnvelopeSchema);
      if (!envelope) return reply;
      const outcome = ctx.ledger.submit(kioskOf(req), stream, envelope.items);
      req.createdNew = outcome.createdNew;
      const body: BatchResponse = { results: outcome.results };
      return reply.code(200).send(body);
    });
  }
}
