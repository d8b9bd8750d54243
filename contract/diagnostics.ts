import { z } from 'zod';
import { DeviceStatusSchema } from './devices';

/**
 * What a technician sees at a glance — on the maintenance dashboard, from
 * `npm run doctor`, and (summarised) in the fleet heartbeat. One schema so the
 * three never disagree. Levels are always shown with words, never colour alone.
 */
export const HealthLevelSchema = z.enum(['ok', 'warn', 'fault']);
export type HealthLevel = z.infer<typeof HealthLevelSchema>;

/** Plain text in both UI languages; zh-CN is what a technician in Shanxi reads first. */
export const BilingualSchema = z.object({ 'zh-CN': z.string(), en: z.string() });
export type Bilingual = z.infer<typeof BilingualSchema>;

/** One thing that is wrong (or about to be), with what to do about it. */
export const FindingSchema = z.object({
  level: HealthLevelSchema,
  /** Which part: `device:printer`, `outbox`, `platform`, `disk`, `ui`, `audit`. */
  area: z.string(),
  /** Technician-facing, stable: `PRINTER-PAPER-END`, `IDCARD-UNPLUGGED`, `OUTBOX-STUCK`. */
  code: z.string(),
  problem: BilingualSchema,
  fix: BilingualSchema,
});
export type Finding = z.infer<typeof FindingSchema>;

export const QuarantinedItemSchema = z.object({
  id: z.string(),
  kind: z.string(),
  reason: z.string(),
  at: z.string(),
  attempts: z.number().int().nonnegative(),
});
export type QuarantinedItem = z.infer<typeof QuarantinedItemSchema>;

const SeqRanges = z.array(z.tuple([z.number().int().positive(), z.number().int().positive()])).max(100);

/** A damaged store file salvaged at boot: what it lost, until a technician acknowledges it. */
export const StoreSalvageSchema = z.object({
  at: z.string(),
  lost: z.object({
    applications: z.number().int().nonnegative(),
    evaluations: z.number().int().nonnegative(),
    feedback: z.number().int().nonnegative(),
    attachments: z.number().int().nonnegative(),
    auditEntries: z.number().int().nonnegative(),
    printJobs: z.number().int().nonnegative(),
  }),
  /** The newest pages were unreadable too: these counts are a lower bound. */
  atLeast: z.boolean(),
  damagedCopy: z.string().nullable(),
  gone: z.object({ applications: SeqRanges, evaluations: SeqRanges, feedback: SeqRanges }),
});
export type StoreSalvage = z.infer<typeof StoreSalvageSchema>;

export const OutboxHealthSchema = z.object({
  depth: z.number().int().nonnegative(),
  oldestPendingAt: z.string().nullable(),
  lastSyncAt: z.string().nullable(),
  quarantined: z.array(QuarantinedItemSchema),
  salvaged: z.array(StoreSalvageSchema).optional(),
  /** Salvages a technician has acknowledged: no longer a finding, their gone numbers still go to the platform. */
  salvageAcknowledged: z.array(StoreSalvageSchema).optional(),
});
export type OutboxHealth = z.infer<typeof OutboxHealthSchema>;

/** Which platform adapter the kiosk talks through, and its code map as checked against the active catalog. */
export const PlatformAdapterHealthSchema = z.object({
  /** `platform.adapter`: "v1" or a province adapter ("example-gateway"). */
  name: z.string(),
  /** `platform.codeMapFile`; null when none is configured (the v1 API speaks our codes). */
  codeMap: z
    .object({
      file: z.string(),
      province: z.string(),
      /** Codes the map holds, all kinds. */
      codes: z.number().int().nonnegative(),
      /** Codes the kiosk can send that the map lacks (`kind code`), the first 20; `missingCount` counts all. */
      missing: z.array(z.string()).max(20),
      missingCount: z.number().int().nonnegative(),
    })
    .nullable(),
});
export type PlatformAdapterHealth = z.infer<typeof PlatformAdapterHealthSchema>;

export const PlatformHealthSchema = z.object({
  url: z.string(),
  /** Absent from kiosks older than the platform port. */
  adapter: PlatformAdapterHealthSchema.optional(),
  reachable: z.boolean(),
  latencyMs: z.number().nullable(),
  lastSuccessAt: z.string().nullable(),
  /** Platform clock minus kiosk clock, from the last answer carrying a Date header. */
  clockSkewMs: z.number().nullable(),
});
export type PlatformHealth = z.infer<typeof PlatformHealthSchema>;

export const SystemHealthSchema = z.object({
  uptimeSec: z.number().nonnegative(),
  osUptimeSec: z.number().nonnegative(),
  memory: z.object({ rssBytes: z.number(), systemFreeBytes: z.number(), systemTotalBytes: z.number() }),
  disk: z.object({ path: z.string(), freeBytes: z.number(), totalBytes: z.number() }).nullable(),
  dataDir: z.string(),
  dataDirBytes: z.number().nonnegative(),
});
export type SystemHealth = z.infer<typeof SystemHealthSchema>;

export const VersionsSchema = z.object({
  app: z.string(),
  node: z.string(),
  electron: z.string().nullable(),
  chromium: z.string().nullable(),
  sqlite: z.string().nullable(),
});
export type Versions = z.infer<typeof VersionsSchema>;

export const UiHealthSchema = z.object({
  lastHeartbeatAt: z.string().nullable(),
  recoveries: z.number().int().nonnegative(),
  lastRecovery: z.enum(['reload', 'relaunch']).nullable(),
});
export type UiHealth = z.infer<typeof UiHealthSchema>;

export const AuditHealthSchema = z.object({
  /** Hash of the newest audit record; null when the chain is empty or not available. */
  head: z.string().nullable(),
  length: z.number().int().nonnegative().nullable(),
});

export const DeviceHealthSchema = z.object({
  status: DeviceStatusSchema,
  level: HealthLevelSchema,
  finding: FindingSchema.nullable(),
});
export type DeviceHealth = z.infer<typeof DeviceHealthSchema>;

export const DiagnosticsSchema = z.object({
  generatedAt: z.string(),
  kioskId: z.string(),
  servicePoint: z.string(),
  overall: HealthLevelSchema,
  findings: z.array(FindingSchema),
  devices: z.array(DeviceHealthSchema),
  outbox: OutboxHealthSchema.nullable(),
  platform: PlatformHealthSchema,
  system: SystemHealthSchema,
  versions: VersionsSchema,
  ui: UiHealthSchema,
  audit: AuditHealthSchema,
});
export type Diagnostics = z.infer<typeof DiagnosticsSchema>;

const rank: Record<HealthLevel, number> = { ok: 0, warn: 1, fault: 2 };

/** The worst of several levels: one red makes the kiosk red. */
export function worstLevel(levels: Iterable<HealthLevel>): HealthLevel {
  let worst: HealthLevel = 'ok';
  for (const l of levels) if (rank[l] > rank[worst]) worst = l;
  return worst;
}
