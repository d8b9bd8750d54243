import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import { ProvisionRequestSchema, type ProvisionResponse } from '../../contract/platform';
import { jsonBody, type SimContext } from '../context';
import { highestSeqs } from '../store/gone-seqs';
import { sendError } from '../http/errors';

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export type ProvisionOutcome =
  | { readonly kind: 'closed' }
  | { readonly kind: 'bad-token' }
  | { readonly kind: 'key-conflict'; readonly kioskId: string }
  | { readonly kind: 'registered'; readonly response: ProvisionResponse };

/** Registers a kiosk key with the provisioning token (demo/dev), for the v1 route and the example gateway alike. */
export function provisionKiosk(ctx: SimContext, body: z.output<typeof ProvisionRequestSchema>): ProvisionOutcome {
  if (!ctx.provisioning.open) return { kind: 'closed' };
  if (!sameToken(body.provisioningToken, ctx.provisioning.token)) return { kind: 'bad-token' };
  const outcome = ctx.kiosks.register(body.kioskId, body.publicKey, body.servicePoint, 'provisioned', new Date().toISOString());
  if (outcome.kind === 'key-conflict') return { kind: 'key-conflict', kioskId: body.kioskId };
  return {
    kind: 'registered',
    response: {
      kioskId: outcome.record.kioskId,
      registeredAt: outcome.record.registeredAt,
      platformPublicKey: ctx.key.publicKeyBase64,
      platformKeyId: ctx.key.keyId,
      ...(ctx.sm2Key ? { platformSm2PublicKey: ctx.sm2Key.publicKeyHex } : {}),
      // A kiosk whose data folder was wiped registers again with the same id: it must not reuse a number.
      highestSeqs: highestSeqs(ctx.db, outcome.record.kioskId),
    },
  };
}

/** POST /v1/devices/provision (demo/dev): a kiosk registers its public key with the provisioning token. */
export function registerProvisionRoutes(app: FastifyInstance, ctx: SimContext): void {
  app.post('/v1/devices/provision', async (req, reply) => {
    if (!ctx.provisioning.open) return sendError(reply, 403, 'provisioning-closed', 'provisioning is closed on this platform: keys come from keys.json');
    const body = jsonBody(req, reply, ProvisionRequestSchema);
    if (!body) return reply;
    const r = provisionKiosk(ctx, body);
    switch (r.kind) {
      case 'closed':
        return sendError(reply, 403, 'provisioning-closed', 'provisioning is closed on this platform: keys come from keys.json');
      case 'bad-token':
        return sendError(reply, 403, 'unauthorized', 'provisioningToken is wrong');
      case 'key-conflict':
        return sendError(reply, 409, 'conflict', `kiosk ${r.kioskId} is registered with a different key`);
      case 'registered':
        return reply.code(201).send(r.response);
    }
  });
}
