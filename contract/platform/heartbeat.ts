import { z } from 'zod';
import { DeviceKindSchema, DeviceStateSchema, PowerStateSchema } from '../devices';
import { ClientIdSchema, IsoTimeSchema, Sha256HexSchema } from './common';

/** A device as the fleet page needs it: what it is and what is wrong, no personal data. */
export const HeartbeatDeviceSchema = z.object({
  id: z.string().max(64),
  kind: DeviceKindSchema,
  state: DeviceStateSchema,
  power: PowerStateSchema,
  /** Technician code of the last error (`SW3-41`, `PAPER-END`), if any. */
  errorCode: z.string().max(64).nullable(),
  conditions: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
});

export const CommandAckSchema = z.object({
  commandId: ClientIdSchema,
  ok: z.boolean(),
  /** Why it failed, for the technician. */
  detail: z.string().max(500).optional(),
  at: IsoTimeSchema,
});
export type CommandAck = z.infer<typeof CommandAckSchema>;

/** Inclusive ranges of stream sequence numbers, e.g. [[7, 9], [15, 15]]. */
export const SeqRangesSchema = z.array(z.tuple([z.number().int().positive(), z.number().int().positive()])).max(100);

/**
 * Numbers a kiosk handed out whose items its store lost (a damaged file was
 * salvaged): the platform stops waiting for them. Only numbers the platform
 * has not received matter; repeating the notice changes nothing.
 */
export const StoreLossSchema = z.object({
  applications: SeqRangesSchema,
  evaluations: SeqRangesSchema,
  feedback: SeqRangesSchema,
  /** The newest part of the file was unreadable: more may be gone than listed. */
  atLeast: z.boolean(),
});
export type StoreLoss = z.infer<typeof StoreLossSchema>;

/** The highest stream number the platform holds from this kiosk, per stream: a kiosk whose store was lost or wiped continues after it. */
export const HighestSeqsSchema = z.object({
  applications: z.number().int().nonnegative(),
  evaluations: z.number().int().nonnegative(),
  feedback: z.number().int().nonnegative(),
});
export type HighestSeqs = z.infer<typeof HighestSeqsSchema>;

/** Where the kiosk's updater stands (host/operations/updates/): the fleet console's rollouts count these. */
export const UpdateReportSchema = z.object({
  state: z.enum(['idle', 'checking', 'up-to-date', 'downloading', 'probing', 'waiting-idle', 'switching', 'trial', 'committed', 'rolled-back', 'refused', 'failed']),
  runningVersion: z.string().max(64),
  /** The release this state is about (being installed, committed, rolled back or refused). */
  targetVersion: z.string().max(64).nullable(),
  detail: z.string().max(500),
  at: z.string(),
  /** The last automatic rollback, kept until a later release commits. */
  lastRollback: z.object({ version: z.string().max(64), reason: z.string().max(500), at: z.string() }).nullable(),
});
export type UpdateReport = z.infer<typeof UpdateReportSchema>;

/** POST /v1/heartbeats. Idempotent by `heartbeatId`. */
export const HeartbeatSchema = z.object({
  heartbeatId: ClientIdSchema,
  sentAt: IsoTimeSchema,
  version: z.string().max(64),
  mode: z.enum(['demo', 'production']),
  uptimeSeconds: z.number().int().nonnegative(),
  devices: z.array(HeartbeatDeviceSchema).max(32),
  outbox: z.object({
    queued: z.number().int().nonnegative(),
    quarantined: z.number().int().nonnegative(),
    /** Age of the oldest item not yet accepted; null when empty. */
    oldestPendingSeconds: z.number().int().nonnegative().nullable(),
  }),
  disk: z.object({ freeBytes: z.number().int().nonnegative(), totalBytes: z.number().int().positive() }),
  catalogVersion: z.string().max(64),
  /** Head of the audit chain, so the platform can notice a rewritten history. */
  auditHead: z.object({ seq: z.number().int().nonnegative(), hash: Sha256HexSchema }).nullable(),
  /** Results of commands executed since the last heartbeat. */
  acks: z.array(CommandAckSchema).max(100).default([]),
  /** Present while the kiosk carries a salvage report, acknowledged by a technician or not. */
  storeLoss: StoreLossSchema.optional(),
  /** The web-shell updater's state; absent without one (Electron: electron-updater's own log). */
  update: UpdateReportSchema.optional(),
});
export type Heartbeat = z.infer<typeof HeartbeatSchema>;

/** What the platform may ask a kiosk to do. */
export const KioskCommandBodySchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('refresh-catalog') }),
  z.object({ kind: z.literal('restart-ui') }),
  z.object({ kind: z.literal('upload-diagnostics') }),
  /** Refresh the signed release metadata now; with `version`, install exactly that release (a staged rollout's stage). */
  z.object({ kind: z.literal('check-update'), version: z.string().regex(/^\d+\.\d+\.\d+([-+][0-9A-Za-z.-]+)?$/, 'expected a semantic version').optional() }),
  z.object({
    kind: z.literal('set-config'),
    key: z.string().regex(/^[a-zA-Z][a-zA-Z0-9.]{0,63}$/, 'expected a dotted config key'),
    value: z.union([z.string().max(500), z.number(), z.boolean()]),
  }),
]);
export type KioskCommandBody = z.infer<typeof KioskCommandBodySchema>;

/**
 * A command travels in heartbeat replies until the kiosk acknowledges it
 * (at-least-once; the kiosk skips ids it has executed). The platform signs
 * each one (Ed25519, the catalog key) over `commandSigningString`, so a
 * proxy or a misrouted reply cannot restart or reconfigure a kiosk.
 */
export const KioskCommandSchema = z.object({
  commandId: ClientIdSchema,
  kioskId: z.string(),
  issuedAt: IsoTimeSchema,
  /** The kiosk ignores a command after this. */
  expiresAt: IsoTimeSchema,
  command: KioskCommandBodySchema,
  /** base64 Ed25519 signature by the platform key. */
  signature: z.string(),
});
export type KioskCommand = z.infer<typeof KioskCommandSchema>;

/** The exact text the platform signs for one command. */
export function commandSigningString(c: Omit<KioskCommand, 'signature'>): string {
  return ['KIOSK-COMMAND-V1', c.commandId, c.kioskId, c.issuedAt, c.expiresAt, JSON.stringify(c.command)].join('\n');
}

export const HeartbeatResponseSchema = z.object({
  receivedAt: IsoTimeSchema,
  /** Platform wall clock, so the kiosk can notice its own drift. */
  serverTime: IsoTimeSchema,
  commands: z.array(KioskCommandSchema),
  highestSeqs: HighestSeqsSchema.optional(),
});
export type HeartbeatResponse = z.infer<typeof HeartbeatResponseSchema>;
