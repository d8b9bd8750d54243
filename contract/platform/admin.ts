import { z } from 'zod';
import { IsoTimeSchema } from './common';
import { HeartbeatDeviceSchema, KioskCommandBodySchema } from './heartbeat';

/**
 * Simulator-only admin surface (`/admin/*`, never under /v1): what it
 * received, the fleet, fault injection and its clock. A real platform has
 * its own consoles; these exist for demos, tests and issue 7's fleet view.
 */

const rate = z.number().min(0).max(1);

/**
 * Faults apply to /v1 requests whose path starts with one of `paths`
 * (all of /v1 when empty). Rates are probabilities per request; `count`
 * limits the fault to the next N matching requests (then it clears).
 */
export const FaultConfigSchema = z.object({
  /** Added delay before answering, ms. */
  latencyMs: z.number().int().min(0).max(120_000).default(0),
  /** 500 before doing anything. */
  errorRate: rate.default(0),
  /** 429 with Retry-After before doing anything. */
  rateLimitRate: rate.default(0),
  retryAfterSeconds: z.number().int().min(0).max(86_400).default(1),
  /**
   * Real load shedding: above this many /v1 requests in one wall-clock
   * second, answer 429 with Retry-After 1 (null = unlimited). What a
   * reconnect herd meets.
   */
  capacityPerSecond: z.number().int().positive().nullable().default(null),
  /** TCP reset before doing anything. */
  resetRate: rate.default(0),
  /** Never answer (the client's timeout must fire). */
  hangRate: rate.default(0),
  /** Do the work, commit it, then destroy the socket instead of answering. */
  dropAfterCommitRate: rate.default(0),
  /**
   * Drop only responses to requests that created something new (a batch with
   * an accepted item, a stored chunk), so every first response is lost and
   * every retry (answered "duplicate") gets through.
   */
  dropOnlyNew: z.boolean().default(false),
  paths: z.array(z.string().regex(/^\/(v1|gw)\//, 'expected a path under /v1/ or /gw/ (the example gateway)')).default([]),
  count: z.number().int().positive().nullable().default(null),
  /** Seed for the fault dice, so a run can be repeated. */
  seed: z.number().int().nonnegative().default(1),
});
export type FaultConfig = z.infer<typeof FaultConfigSchema>;
export type FaultConfigInput = z.input<typeof FaultConfigSchema>;

export const FaultStateSchema = FaultConfigSchema.extend({
  injected: z.object({
    latency: z.number().int(),
    error: z.number().int(),
    rateLimit: z.number().int(),
    reset: z.number().int(),
    hang: z.number().int(),
    dropAfterCommit: z.number().int(),
  }),
});
export type FaultState = z.infer<typeof FaultStateSchema>;

/** POST /admin/clock/advance: moves the simulator's case clock (status progression) forward. */
export const ClockAdvanceSchema = z.object({ ms: z.number().int().positive().max(366 * 86_400_000) });
export const ClockStateSchema = z.object({ now: IsoTimeSchema, offsetMs: z.number().int() });

export const StreamCountsSchema = z.object({
  accepted: z.number().int(),
  duplicates: z.number().int(),
  rejected: z.number().int(),
  /** Highest seq seen and seqs missing below it (gap detection). */
  maxSeq: z.number().int(),
  missingSeqs: z.array(z.number().int()),
  /** Seqs the kiosk declared gone after salvaging its store (not waited for). */
  goneSeqs: z.array(z.number().int()).optional(),
});

export const ReceivedKioskSchema = z.object({
  kioskId: z.string(),
  servicePoint: z.string(),
  applications: StreamCountsSchema,
  evaluations: StreamCountsSchema,
  feedback: StreamCountsSchema,
  heartbeats: z.number().int(),
  attachments: z.number().int(),
  recent: z.array(
    z.object({
      stream: z.enum(['applications', 'evaluations', 'feedback']),
      clientId: z.string(),
      seq: z.number().int(),
      platformNumber: z.string(),
      itemCode: z.string().nullable(),
      receivedAt: IsoTimeSchema,
      duplicateCount: z.number().int(),
    }),
  ),
});
export type ReceivedKiosk = z.infer<typeof ReceivedKioskSchema>;

/** GET /admin/received.json */
export const ReceivedReportSchema = z.object({
  generatedAt: IsoTimeSchema,
  totals: z.object({ accepted: z.number().int(), duplicates: z.number().int(), rejected: z.number().int() }),
  kiosks: z.array(ReceivedKioskSchema),
});
export type ReceivedReport = z.infer<typeof ReceivedReportSchema>;

export const FleetProblemSchema = z.object({
  /**
   * Stable code for filters: `no-heartbeat`, `auth-failing`, `device-error`, `paper-end`, `paper-near-end`,
   * `cover-open`, `queue-stuck`, `quarantined`, `disk-low`, `catalog-stale`, `audit-rewritten`, `command-failed`.
   */
  code: z.string(),
  /** Plain Chinese for the technician. */
  message: z.string(),
  severity: z.enum(['warning', 'critical']),
});
export type FleetProblem = z.infer<typeof FleetProblemSchema>;

export const FleetKioskSchema = z.object({
  kioskId: z.string(),
  servicePoint: z.string(),
  lastHeartbeatAt: IsoTimeSchema.nullable(),
  version: z.string().nullable(),
  online: z.boolean(),
  devices: z.array(HeartbeatDeviceSchema),
  outbox: z.object({ queued: z.number().int(), quarantined: z.number().int(), oldestPendingSeconds: z.number().int().nullable() }).nullable(),
  pendingCommands: z.number().int(),
  problems: z.array(FleetProblemSchema),
});
export type FleetKiosk = z.infer<typeof FleetKioskSchema>;

/** GET /admin/fleet.json */
export const FleetReportSchema = z.object({
  generatedAt: IsoTimeSchema,
  kiosks: z.array(FleetKioskSchema),
});
export type FleetReport = z.infer<typeof FleetReportSchema>;

/** POST /admin/commands: queue a command for one kiosk. */
export const QueueCommandSchema = z.object({
  kioskId: z.string(),
  command: KioskCommandBodySchema,
  ttlSeconds: z.number().int().positive().max(30 * 86_400).default(86_400),
});

/** POST /admin/certificates: put an electronic certificate in the simulator's registry. */
export const SeedCertificateSchema = z.object({
  holderIdNumber: z.string().min(6).max(32),
  holderName: z.string().min(1).max(100),
  certificateTypeCode: z.string().regex(/^EC\d{3}$/, 'expected EC + three digits (annex 3)'),
  certificateNumber: z.string().min(1).max(64),
  issuedAt: IsoTimeSchema,
  validUntil: IsoTimeSchema.nullable().default(null),
});

/**
 * GET /admin/traffic.json: /v1 requests per wall-clock second (last hour),
 * so a reconnect-herd benchmark can compare the peak with the steady rate
 * as the platform saw it.
 */
export const TrafficReportSchema = z.object({
  generatedAt: IsoTimeSchema,
  seconds: z.array(z.object({ second: z.number().int(), requests: z.number().int(), byRoute: z.record(z.string(), z.number().int()) })),
  totalRequests: z.number().int(),
  peakPerSecond: z.number().int(),
});
export type TrafficReport = z.infer<typeof TrafficReportSchema>;
