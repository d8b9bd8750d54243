import { z } from 'zod';
import { DiagnosticsSchema } from '../diagnostics';
import { event, method } from './define';

/**
 * Maintenance mode: for technicians only, behind a hidden gesture and a PIN
 * (or a staff card and a PIN). Every method but `status` and `login` needs
 * the token `login` issued; the dispatcher checks it before the handler runs
 * (`requires: 'maintenance'`), and it lapses after 2 idle minutes.
 */
export const MaintenanceTokenSchema = z.string().min(16).max(128);
const authed = <T extends z.ZodRawShape>(shape: T) => z.object({ token: MaintenanceTokenSchema, ...shape }).strict();

export const PinSchema = z.string().regex(/^\d{4,12}$/, 'expected 4–12 digits');

export const MaintenanceStatusSchema = z.object({
  pinConfigured: z.boolean(),
  locked: z.boolean(),
  lockedUntil: z.string().nullable(),
  attemptsLeft: z.number().int().nonnegative(),
});
export type MaintenanceStatus = z.infer<typeof MaintenanceStatusSchema>;

export const SelfTestDeviceSchema = z.enum(['idcard', 'printer', 'scanner', 'camera']);
export type SelfTestDevice = z.infer<typeof SelfTestDeviceSchema>;

export const SelfTestResultSchema = z.object({
  device: SelfTestDeviceSchema,
  passed: z.boolean(),
  /** What happened, in plain words (zh-CN), plus a technician code when it failed. */
  message: z.string(),
  code: z.string().nullable(),
  /** The virtual printer's last receipt as a PNG data URL, when the printer is simulated. */
  receiptImage: z.string().nullable(),
});
export type SelfTestResult = z.infer<typeof SelfTestResultSchema>;

export const LogLevelSchema = z.enum(['trace', 'debug', 'info', 'warn', 'error', 'fatal']);
export type LogLevelName = z.infer<typeof LogLevelSchema>;

export const LogEntrySchema = z.object({
  seq: z.number().int().nonnegative(),
  time: z.string(),
  level: LogLevelSchema,
  msg: z.string(),
  /** The rest of the structured line, already redacted. */
  fields: z.string(),
});
export type LogEntry = z.infer<typeof LogEntrySchema>;

export const ConfigValueSchema = z.union([z.string(), z.number(), z.boolean(), z.null()]);
export const ConfigFieldSchema = z.object({
  key: z.string(),
  value: ConfigValueSchema,
  type: z.enum(['string', 'number', 'boolean', 'url-or-null']),
  label: z.string(),
  /** 'live': applied at once; 'restart': saved, takes effect at the next start. */
  applies: z.enum(['live', 'restart']),
});
export type ConfigField = z.infer<typeof ConfigFieldSchema>;

export const AuditVerificationSchema = z.object({
  available: z.boolean(),
  intact: z.boolean(),
  length: z.number().int().nonnegative(),
  head: z.string().nullable(),
  /** Sequence number of the first record that does not chain, when broken. */
  brokenAt: z.number().int().nullable(),
  message: z.string(),
});

/** SHA-256 fingerprints (`SHA256:` + base64, as ssh shows keys) a technician compares with the platform's registry. */
export const KeyFingerprintsSchema = z.object({
  kioskId: z.string(),
  deviceKey: z.string(),
  /** null: no platform key pinned yet (a production kiosk does not start so). */
  platformKey: z.string().nullable(),
  /** 'imported': from the operator's file (provisioning); 'provisioned': learned with the demo token. */
  platformKeySource: z.enum(['imported', 'provisioned']).nullable(),
  platformSm2Key: z.string().nullable(),
  /** How the data and device keys are sealed on disk: `systemd-creds:host+tpm2`, `kek:systemd-creds:host`, `kek:file`, `electron-safeStorage:…`, `file-0600` (plain). */
  keySealing: z.string(),
});
export type KeyFingerprints = z.infer<typeof KeyFingerprintsSchema>;

export const maintenanceMethods = {
  'maintenance.keys': method({
    doc: 'The kiosk id and the fingerprints of the device key and the pinned platform keys (provisioning check).',
    requires: 'maintenance',
    input: authed({}),
    output: KeyFingerprintsSchema,
  }),
  'maintenance.status': method({
    doc: 'Whether a PIN is set and whether entry is locked after wrong PINs.',
    input: z.object({}).strict(),
    output: MaintenanceStatusSchema,
  }),
  'maintenance.login': method({
    doc: 'Enter maintenance mode with the PIN (after the hidden gesture or a staff card). Every attempt is audited.',
    input: z.object({ pin: PinSchema, via: z.enum(['gesture', 'staff-card']) }).strict(),
    output: z.object({ token: MaintenanceTokenSchema, expiresAt: z.string(), idleSeconds: z.number().int().positive() }),
  }),
  'maintenance.logout': method({
    doc: 'Leave maintenance mode; the token stops working.',
    requires: 'maintenance',
    input: authed({}),
    output: z.object({ left: z.boolean() }),
  }),
  'maintenance.diagnostics': method({
    doc: 'Everything on the dashboard: devices, outbox, platform, system, versions, UI watchdog, audit head.',
    requires: 'maintenance',
    input: authed({}),
    output: DiagnosticsSchema,
  }),
  'maintenance.selfTest': method({
    doc: 'Run one device self-test (read a card, print a test slip, scan, camera).',
    requires: 'maintenance',
    input: authed({ device: SelfTestDeviceSchema }),
    output: SelfTestResultSchema,
  }),
  'maintenance.outbox.requeue': method({
    doc: 'Put a quarantined outbox item back in the queue.',
    requires: 'maintenance',
    input: authed({ id: z.string().min(1).max(80) }),
    output: z.object({ requeued: z.boolean() }),
  }),
  'maintenance.outbox.sync': method({
    doc: 'Try to deliver the outbox now.',
    requires: 'maintenance',
    input: authed({}),
    output: z.object({ started: z.boolean() }),
  }),
  'maintenance.outbox.export': method({
    doc: 'Write the quarantined items (no personal data) to a JSON file at the chosen path, e.g. a USB drive.',
    requires: 'maintenance',
    input: authed({ path: z.string().min(1).max(1024) }),
    output: z.object({ path: z.string(), items: z.number().int().nonnegative() }),
  }),
  'maintenance.salvage.acknowledge': method({
    doc: 'The technician has seen what a salvage of the damaged database lost: DB-SALVAGED stops being a finding (audited; the platform keeps the gone numbers).',
    requires: 'maintenance',
    input: authed({}),
    output: z.object({ acknowledged: z.number().int().nonnegative() }),
  }),
  'maintenance.logs': method({
    doc: 'Recent log lines (already redacted) at or above a level, after a sequence number, for the live tail.',
    requires: 'maintenance',
    input: authed({ level: LogLevelSchema.default('info'), after: z.number().int().min(-1).default(-1), limit: z.number().int().min(1).max(500).default(200) }),
    output: z.object({ entries: z.array(LogEntrySchema) }),
  }),
  'maintenance.audit.verify': method({
    doc: 'Verify the audit hash chain now.',
    requires: 'maintenance',
    input: authed({}),
    output: AuditVerificationSchema,
  }),
  'maintenance.config.get': method({
    doc: 'The settings a technician may change, with their current values.',
    requires: 'maintenance',
    input: authed({}),
    output: z.object({ fields: z.array(ConfigFieldSchema) }),
  }),
  'maintenance.config.set': method({
    doc: 'Change one setting: validated by the config schema, saved, audited, applied without restart where possible.',
    requires: 'maintenance',
    input: authed({ key: z.string().min(1).max(80), value: ConfigValueSchema }),
    output: z.object({ field: ConfigFieldSchema }),
  }),
  'maintenance.bundle': method({
    doc: 'Write one diagnostics archive (config without secrets, logs, device status, queue summary, versions) to the chosen path.',
    requires: 'maintenance',
    input: authed({ path: z.string().min(1).max(1024) }),
    output: z.object({ path: z.string(), bytes: z.number().int().nonnegative(), files: z.array(z.string()) }),
  }),
} as const;

export const maintenanceEvents = {
  'maintenance.ended': event({
    doc: 'Maintenance mode ended (logout, idle, or token expiry): the UI returns to the attract screen.',
    payload: z.object({ reason: z.enum(['logout', 'idle']) }),
  }),
  'maintenance.staffCard': event({
    doc: "A registered technician's ID card was presented: the UI opens the PIN pad for staff-card entry.",
    payload: z.object({ staffNo: z.string() }),
  }),
} as const;
