import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { ProvisionRequestSchema, type ProvisionResponse } from '../../contract/platform';
import { jsonBody, type SimContext } from '../context';
import { highestSeqs } from '../store/gone-seqs';
import { sendError } from '../http/errors';

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** POST /v1/devices/provision (demo/dev): a kiosk registers its public key with the provisioning token. */
export function registerProvisionRoutes(app: FastifyInstance, ctx: SimContext): void {
  app.post('/v1/devices/provision', async (req, reply) => {
    if (!ctx.provisioning.open) return sendError(reply, 403, 'provisioning-closed', 'provisioning is closed on this platform: keys come from keys.json');
    const body = jsonBody(req, reply, ProvisionRequestSchema);
    if (!body) return reply;
    if (!sameToken(body.provisioningToken, ctx.provisioning.token)) return sendError(reply, 403, 'unauthorized', 'provisioningToken is wrong');
    const outcome = ctx.kiosks.register(body.kioskId, body.publicKey, body.servicePoint, 'provisioned', new Date().toISOString());
    if (outcome.kind === 'key-conflict') return sendError(reply, 409, 'conflict', `kiosk ${body.kioskId} is registered with a different key`);
    const res: ProvisionResponse = {
      kioskId: outcome.record.kioskId,
      registeredAt: outcome.record.registeredAt,
      platformPublicKey: ctx.key.publicKeyBase64,
      platformKeyId: ctx.key.keyId,
      ...(ctx.sm2Key ? { platformSm2PublicKey: ctx.sm2Key.publicKeyHex } : {}),
      // A kiosk whose data folder was wiped registers again with the same id: it must not reuse a number.
      highestSeqs: highestSeqs(ctx.db, outcome.record.kioskId),
    };
    return reply.code(201).send(res);
  });
}
