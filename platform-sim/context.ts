import type { FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { CatalogService } from './catalog-service';
import type { CaseClock } from './clock';
import type { FaultInjector } from './faults';
import { authenticateDevice } from './http/device-auth';
import { sendError, sendZodError } from './http/errors';
import type { PlatformKey } from './platform-key';
import type { PlatformSm2Key } from './platform-sm2-key';
import type { AppointmentCalendar } from './store/appointments';
import type { AttachmentStore } from './store/attachments';
import type { CaseProgression } from './store/case-progression';
import type { CertificateRegistry } from './store/certificates';
import type { Db } from './store/database';
import type { EidCodes } from './store/eid-codes';
import type { FleetDesk } from './store/fleet-desk';
import type { HolderCases } from './store/holder-cases';
import type { IntakeLedger } from './store/intake-ledger';
import type { KioskRegistry } from './store/kiosks';
import type { TrafficMeter } from './traffic-meter';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by `requireDevice` once the signature verified. */
    kioskId?: string;
    /** The handler created something new (for "drop only new responses"). */
    createdNew?: boolean;
  }
}

/** Everything a route needs, composed once in server.ts. */
export interface SimContext {
  readonly db: Db;
  readonly key: PlatformKey;
  readonly sm2Key: PlatformSm2Key | null;
  readonly clock: CaseClock;
  readonly faults: FaultInjector;
  readonly kiosks: KioskRegistry;
  readonly catalog: CatalogService;
  readonly attachments: AttachmentStore;
  readonly progression: CaseProgression;
  readonly ledger: IntakeLedger;
  readonly certificates: CertificateRegistry;
  readonly eid: EidCodes;
  readonly fleet: FleetDesk;
  readonly provisioning: { readonly open: boolean; readonly token: string };
  readonly traffic: TrafficMeter;
  readonly appointments: AppointmentCalendar;
  readonly holderCases: HolderCases;
}

/** preHandler for signed routes: 401 with the reason, or `req.kioskId` set. */
export function requireDevice(ctx: SimContext) {
  return async (req: FastifyRequest, reply: FastifyReply) => {
    const auth = authenticateDevice(req, ctx.kiosks);
    if (!auth.ok) {
      if (auth.registeredKioskId) ctx.fleet.noteAuthFailure(auth.registeredKioskId, auth.code, auth.message, new Date());
      return sendError(reply, 401, auth.code, auth.message, auth.issues ? { issues: auth.issues } : {});
    }
    req.kioskId = auth.kioskId;
  };
}

/** The JSON body checked against `schema`; null when a 400 naming the field was sent. */
export function jsonBody<S extends z.ZodType>(req: FastifyRequest, reply: FastifyReply, schema: S): z.output<S> | null {
  if (req.bodyParseError) {
    void sendError(reply, 400, 'invalid-body', `body is not valid JSON: ${req.bodyParseError}`);
    return null;
  }
  if (req.body === undefined) {
    void sendError(reply, 400, 'invalid-body', 'expected a JSON body with Content-Type: application/json');
    return null;
  }
  const parsed = schema.safeParse(req.body);
  if (!parsed.success) {
    void sendZodError(reply, 'invalid-body', parsed.error);
    return null;
  }
  return parsed.data;
}

export function kioskOf(req: FastifyRequest): string {
  if (!req.kioskId) throw new Error('signed route without requireDevice');
  return req.kioskId;
}
