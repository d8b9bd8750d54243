import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { PlatformTlsError, readPlatformTls } from '../offline-cache/sync/platform-fetch';

/**
 * Configuration: a JSON file (optional) overridden by environment variables.
 * Loaded once at a composition root; everything below receives the parsed
 * object. A bad value stops start-up with one line naming the key.
 */
const devicePath = z
  .string()
  .min(1)
  .refine((v) => v === 'sim' || v === 'auto' || v === 'none' || v.startsWith('/') || /^COM\d+$/i.test(v) || v.startsWith('hid:'), {
    message: "expected 'sim', 'auto', 'none', a device path such as /dev/ttyUSB0, or hid:VID:PID",
  });

export const KioskConfigSchema = z
  .object({
    kioskId: z.string().regex(/^[A-Za-z0-9-]{3,40}$/, 'expected 3–40 letters, digits or dashes').default('SX-DEV-0001'),
    servicePoint: z.string().min(1).default('太原市小店区坞城街道便民服务中心（演示）'),
    mode: z.enum(['demo', 'production']).default('demo'),
    dataDir: z.string().min(1).default('.kiosk-data'),
    http: z
      .object({
        port: z.coerce.number().int('expected an integer').min(0).max(65535).default(8787),
      })
      .strict()
      .default({ port: 8787 }),
    platform: z
      .object({
        /** null: start the local platform simulator. */
        url: z.url({ protocol: /^https?$/, message: 'expected an http(s) URL' }).nullable().default(null),
        timeoutMs: z.coerce.number().int().min(500).max(120000).default(10000),
        healthIntervalMs: z.coerce.number().int().min(200).max(600000).default(5000),
        /** Public progress-query page a phone can open from the receipt QR; null: the platform URL + /progress. */
        progressUrl: z.url({ protocol: /^https?$/, message: 'expected an http(s) URL' }).nullable().default(null),
        /** CA bundle (PEM) that signed the platform's certificate; null = the system's trust store. */
        caFile: z.string().min(1).nullable().default(null),
        /** Client certificate and key (PEM) for a platform gateway that wants mutual TLS. */
        certFile: z.string().min(1).nullable().default(null),
        keyFile: z.string().min(1).nullable().default(null),
        /** The platform adapter behind the port (docs/platform-api.md): the v1 API, or the example province gateway. */
        adapter: z.enum(['v1', 'example-gateway'], { message: "expected 'v1' or 'example-gateway'" }).default('v1'),
        /** Code map (our codes → the province's) the adapter uses; checked against the active catalog at start. */
        codeMapFile: z.string().min(1).nullable().default(null),
      })
      .strict()
      .default({ url: null, timeoutMs: 10000, healthIntervalMs: 5000, progressUrl: null, caFile: null, certFile: null, keyFile: null, adapter: 'v1', codeMapFile: null }),
    devices: z
      .object({
        idcard: devicePath.default('sim'),
        idcardBaud: z.coerce.number().int().refine((b) => [115200, 57600, 38400, 19200, 9600].includes(b), 'expected 115200, 57600, 38400, 19200 or 9600').default(115200),
        printer: devicePath.default('sim'),
        printerBaud: z.coerce.number().int().positive().default(115200),
        paperWidthMm: z.union([z.literal(58), z.literal(80)]).default(80),
        scanner: devicePath.default('sim'),
        scannerBaud: z.coerce.number().int().positive().default(9600),
        /** The A4 printer: a CUPS queue over IPP (ipp://localhost:631/printers/kiosk-a4), or none (the UI never offers A4). */
        a4Printer: z
          .string()
          .refine((v) => v === 'none' || /^(ipp|http):\/\/[^/\s]+(:\d+)?\/printers\/[A-Za-z0-9_.-]+$/.test(v), { message: "expected 'none' or a CUPS queue URI such as ipp://localhost:631/printers/kiosk-a4" })
          .default('none'),
      })
      .strict()
      .default({ idcard: 'sim', idcardBaud: 115200, printer: 'sim', printerBaud: 115200, paperWidthMm: 80, scanner: 'sim', scannerBaud: 9600, a4Printer: 'none' }),
    ui: z
      .object({
        open: z.enum(['auto', 'electron', 'chromium', 'none']).default('auto'),
        locale: z.enum(['zh-CN', 'en']).default('zh-CN'),
        elderlyDefault: z.boolean().default(false),
        idleSeconds: z.coerce.number().int().min(10).max(3600).default(60),
        countdownSeconds: z.coerce.number().int().min(5).max(120).default(15),
      })
      .strict()
      .default({ open: 'auto', locale: 'zh-CN', elderlyDefault: false, idleSeconds: 60, countdownSeconds: 15 }),
    log: z
      .object({ level: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace']).default('info') })
      .strict()
      .default({ level: 'info' }),
    /** 7×24 operations: fleet heartbeat, UI watchdog, remote commands, updates (docs/maintenance.md). */
    operations: z
      .object({
        heartbeatIntervalMs: z.coerce.number().int().min(1000).max(3_600_000).default(180_000),
        watchdogStaleMs: z.coerce.number().int().min(1000).max(60_000).default(4500),
        /** https; http only on loopback in demo mode (the tests' and the demo's local release server). */
        updateUrl: z.url({ protocol: /^https?$/, message: 'expected an https URL' }).nullable().default(null),
        updateChannel: z.string().regex(/^[a-z0-9-]{1,20}$/).default('latest'),
        updatePublisherName: z.string().min(1).nullable().default(null),
        updateSigningKey: z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'expected a base64url Ed25519 public key').nullable().default(null),
        /** Removable-media mount roots: diagnostics bundles and exports go only to a drive mounted below one of these. */
        exportRoots: z
          .preprocess(
            (v) => (typeof v === 'string' ? v.split(',').map((s) => s.trim()).filter(Boolean) : v),
            z.array(z.string().refine((p) => path.isAbsolute(p), 'expected absolute paths, e.g. /media,/run/media')).min(1, 'expected at least one mount root'),
          )
          .default(['/media', '/run/media']),
        /** Web shell: the pinned TUF root (`1.root.json` from scripts/release-repo.ts); with updateUrl it turns the updater on. */
        updateTrustedRoot: z.string().min(1).nullable().default(null),
        /** 0: check only when the fleet asks (`check-update`, staged rollouts); else also on this schedule (ms, ≥ 60000), installing the newest of the channel. */
        updateCheckIntervalMs: z.coerce.number().int().min(0).max(7 * 86_400_000).refine((v) => v === 0 || v >= 60_000, 'expected 0 or at least 60000 ms').default(0),
      })
      .strict()
      .default({
        heartbeatIntervalMs: 180_000,
        watchdogStaleMs: 4500,
        updateUrl: null,
        updateChannel: 'latest',
        updatePublisherName: null,
        updateSigningKey: null,
        exportRoots: ['/media', '/run/media'],
        updateTrustedRoot: null,
        updateCheckIntervalMs: 0,
      }),
    /** Live fleet link over MQTT 5 (docs/fleet.md); brokerUrl null = heartbeat through the outbox only. */
    fleet: z
      .object({
        brokerUrl: z.url({ protocol: /^(mqtts?|wss?)$/, message: 'expected an mqtt://, mqtts://, ws:// or wss:// URL' }).nullable().default(null),
        /** Broker user name; null = the kiosk id (the broker's ACL patterns use it). */
        username: z.string().min(1).nullable().default(null),
        /** File holding this kiosk's broker password (0600); the password itself is never in the config. */
        passwordFile: z.string().min(1).nullable().default(null),
        caFile: z.string().min(1).nullable().default(null),
        certFile: z.string().min(1).nullable().default(null),
        keyFile: z.string().min(1).nullable().default(null),
        keepaliveSec: z.coerce.number().int().min(5).max(600).default(30),
        telemetryIntervalMs: z.coerce.number().int().min(1000).max(3_600_000).default(300_000),
        /**
         * First reconnect is spread uniformly over this window, doubling per failed attempt up to reconnectMaxMs.
         * null = twice telemetryIntervalMs, which keeps a broker restart under 2× the broker's steady load (docs/fleet.md).
         */
        reconnectMinMs: z.coerce.number().int().min(100).max(7_200_000).nullable().default(null),
        /** null = twice the first window. */
        reconnectMaxMs: z.coerce.number().int().min(1000).max(14_400_000).nullable().default(null),
        region: z.string().min(1).default('太原市'),
      })
      .strict()
      .default({
        brokerUrl: null,
        username: null,
        passwordFile: null,
        caFile: null,
        certFile: null,
        keyFile: null,
        keepaliveSec: 30,
        telemetryIntervalMs: 300_000,
        reconnectMinMs: null,
        reconnectMaxMs: null,
        region: '太原市',
      }),
    /** 远程视频帮办 (docs/video-help.md): the video desk and the secret its kiosk tickets are signed with; deskUrl null = no video help (the button offers 12345). */
    video: z
      .object({
        deskUrl: z.url({ protocol: /^https?$/, message: 'expected the http:// or https:// URL of the video desk' }).nullable().default(null),
        /** Shared with the desk (VIDEO_KIOSK_SECRET); prefer secretFile in production. */
        secret: z.string().min(16, 'expected at least 16 characters').nullable().default(null),
        secretFile: z.string().min(1).nullable().default(null),
        ticketTtlSeconds: z.coerce.number().int().min(30).max(3600).default(120),
      })
      .strict()
      .default({ deskUrl: null, secret: null, secretFile: null, ticketTtlSeconds: 120 }),
    /** Offline store and delivery (docs/offline-and-sync.md). */
    offline: z
      .object({
        /** Per-record encryption of personal data at rest; 'sm4' = SM4-CBC + HMAC-SM3 in pure JS. */
        cipher: z.enum(['aes-256-gcm', 'sm4']).default('aes-256-gcm'),
        auditHash: z.enum(['sha256', 'sm3']).default('sha256'),
        /** Days personal data of a delivered application stays on the kiosk. */
        retentionDays: z.coerce.number().min(0).max(365).default(7),
        /** Demo/dev platforms register the kiosk key with this token; null when keys are provisioned out of band. */
        provisioningToken: z.string().min(8).max(200).nullable().default('demo-provisioning'),
        /** Spread of the first delivery attempt after boot (ms): a town's kiosks powering up together do not arrive together. New submissions start delivery at once. */
        bootJitterMs: z.coerce.number().int().min(0).max(900_000).default(120_000),
        /** Once the health probe sees the platform again after an outage, the next delivery attempt comes within this spread (ms) instead of the rest of a backoff of up to 15 min. Sized for the fleet: 120 s keeps 10,000 kiosks returning after a long outage at 1.5× the platform's steady load (reconnect-herd). */
        returnSpreadMs: z.coerce.number().int().min(0).max(900_000).default(120_000),
        /** Below this much free disk (MiB) the kiosk refuses new applications (DISK-LOW) and keeps delivering what is queued. */
        diskFloorMb: z.coerce.number().int().min(0).max(1_000_000).default(256),
      })
      .strict()
      .default({ cipher: 'aes-256-gcm', auditHash: 'sha256', retentionDays: 7, provisioningToken: 'demo-provisioning', bootJitterMs: 120_000, returnSpreadMs: 120_000, diskFloorMb: 256 }),
  })
  .strict()
  .superRefine((c, ctx) => {
    const u = c.operations.updateUrl;
    if (u && u.startsWith('http:') && !(c.mode === 'demo' && /^http:\/\/(127\.\d+\.\d+\.\d+|localhost|\[::1\])(:\d+)?(\/|$)/.test(u))) {
      ctx.addIssue({ code: 'custom', path: ['operations', 'updateUrl'], message: 'expected an https URL (http only on loopback in demo mode)', input: u });
    }
  });

export type KioskConfig = z.infer<typeof KioskConfigSchema>;

/** Environment variable → config key. The README's table is generated from this list. */
export const ENV_KEYS = [
  ['KIOSK_ID', 'kioskId', 'Kiosk id reported to the platform'],
  ['KIOSK_MODE', 'mode', "'demo' (dev dock on) or 'production'"],
  ['KIOSK_DATA_DIR', 'dataDir', 'Folder for the database, attachments, logs and keys'],
  ['KIOSK_HTTP_PORT', 'http.port', 'Web-shell port on 127.0.0.1 (0 = any free port)'],
  ['KIOSK_PLATFORM_URL', 'platform.url', 'Provincial platform base URL; unset = start the local simulator'],
  ['KIOSK_PLATFORM_HEALTH_MS', 'platform.healthIntervalMs', 'How often to probe the platform health endpoint (ms)'],
  ['KIOSK_PROGRESS_URL', 'platform.progressUrl', 'Public progress-query page printed as the receipt QR (default: platform URL + /progress)'],
  ['KIOSK_PLATFORM_CA', 'platform.caFile', "CA bundle (PEM) that signed the platform's TLS certificate (default: the system's)"],
  ['KIOSK_PLATFORM_CERT', 'platform.certFile', 'Client certificate (PEM) for a platform that wants mutual TLS'],
  ['KIOSK_PLATFORM_KEY', 'platform.keyFile', 'Client certificate key (PEM)'],
  ['KIOSK_PLATFORM_ADAPTER', 'platform.adapter', "Platform adapter: 'v1' or 'example-gateway' (docs/platform-api.md)"],
  ['KIOSK_PLATFORM_CODE_MAP', 'platform.codeMapFile', "Code map JSON: our codes → the province's (needed by a province adapter)"],
  ['KIOSK_IDCARD', 'devices.idcard', "ID-card reader: 'sim', 'auto' or a serial path"],
  ['KIOSK_IDCARD_BAUD', 'devices.idcardBaud', 'ID-card reader baud rate'],
  ['KIOSK_PRINTER', 'devices.printer', "Receipt printer: 'sim' or a serial/USB printer path"],
  ['KIOSK_SCANNER', 'devices.scanner', "Barcode scanner: 'sim', 'none', a serial path or hid:VID:PID"],
  ['KIOSK_OPEN', 'ui.open', "How to show the UI: 'electron', 'chromium', 'none' (default: best available)"],
  ['KIOSK_LOCALE', 'ui.locale', "'zh-CN' or 'en'"],
  ['KIOSK_IDLE_SECONDS', 'ui.idleSeconds', 'Idle time before the privacy countdown'],
  ['KIOSK_LOG_LEVEL', 'log.level', 'pino level'],
  ['KIOSK_CIPHER', 'offline.cipher', "Encryption of personal data at rest: 'aes-256-gcm' or 'sm4'"],
  ['KIOSK_RETENTION_DAYS', 'offline.retentionDays', 'Days personal data of a delivered application is kept'],
  ['KIOSK_PROVISIONING_TOKEN', 'offline.provisioningToken', 'Token a demo platform wants to register the kiosk key'],
  ['KIOSK_BOOT_JITTER_MS', 'offline.bootJitterMs', 'Spread of the first delivery attempt after boot (ms)'],
  ['KIOSK_RETURN_SPREAD_MS', 'offline.returnSpreadMs', 'Spread of the delivery retry once the platform answers again after an outage (ms)'],
  ['KIOSK_DISK_FLOOR_MB', 'offline.diskFloorMb', 'Free disk (MiB) below which new applications are refused'],
  ['KIOSK_HEARTBEAT_MS', 'operations.heartbeatIntervalMs', 'How often the kiosk reports its health to the platform (ms)'],
  ['KIOSK_WATCHDOG_MS', 'operations.watchdogStaleMs', 'UI silence after which the watchdog reloads it (ms)'],
  ['KIOSK_EXPORT_ROOTS', 'operations.exportRoots', 'Removable-media mount roots (comma-separated) bundles and exports may be written below'],
  ['KIOSK_UPDATE_URL', 'operations.updateUrl', 'Provincial update server (https): electron-updater feed, or the TUF release repository of the web shell'],
  ['KIOSK_UPDATE_ROOT', 'operations.updateTrustedRoot', 'Web shell: pinned TUF root of the release repository (1.root.json); with the URL it turns updates on'],
  ['KIOSK_FLEET_BROKER_URL', 'fleet.brokerUrl', 'MQTT 5 broker of the live fleet link (mqtts://…); unset = heartbeat only'],
  ['KIOSK_FLEET_PASSWORD_FILE', 'fleet.passwordFile', "File with this kiosk's broker password"],
  ['KIOSK_FLEET_CA', 'fleet.caFile', "CA certificate (PEM) that signed the broker's TLS certificate"],
  ['KIOSK_FLEET_CERT', 'fleet.certFile', 'Client certificate (PEM) for brokers that want mutual TLS'],
  ['KIOSK_FLEET_KEY', 'fleet.keyFile', 'Client certificate key (PEM)'],
  ['KIOSK_FLEET_REGION', 'fleet.region', 'Region (city/county) the fleet console groups this kiosk under'],
  ['KIOSK_VIDEO_DESK_URL', 'video.deskUrl', 'Video desk (远程视频帮办 signalling service) base URL; unset = no video help'],
  ['KIOSK_VIDEO_SECRET', 'video.secret', 'Secret shared with the video desk that signs kiosk tickets'],
  ['KIOSK_VIDEO_SECRET_FILE', 'video.secretFile', 'File holding the video desk secret (instead of video.secret)'],
  ['KIOSK_A4_PRINTER', 'devices.a4Printer', "A4 printer: a CUPS queue URI (ipp://localhost:631/printers/kiosk-a4) or 'none'"],
] as const;

export class ConfigError extends Error {
  constructor(
    readonly key: string,
    readonly expected: string,
    readonly got: unknown,
  ) {
    super(`config error: ${key}: ${expected} (got ${JSON.stringify(got)})`);
  }
}

function setPath(target: Record<string, unknown>, dotted: string, value: unknown): void {
  const parts = dotted.split('.');
  let node = target;
  for (const part of parts.slice(0, -1)) {
    const next = node[part];
    if (typeof next !== 'object' || next === null) node[part] = {};
    node = node[part] as Record<string, unknown>;
  }
  node[parts[parts.length - 1]!] = value;
}

function getPath(source: unknown, parts: readonly PropertyKey[]): unknown {
  let node = source;
  for (const p of parts) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<PropertyKey, unknown>)[p];
  }
  return node;
}

export interface LoadConfigOptions {
  readonly env?: NodeJS.ProcessEnv;
  readonly cwd?: string;
}

/** Reads `KIOSK_CONFIG` (or `<dataDir>/kiosk.config.json` when present), then applies env overrides. */
export function loadConfig(options: LoadConfigOptions = {}): KioskConfig {
  const env = options.env ?? process.env;
  const cwd = options.cwd ?? process.cwd();
  const dataDirHint = env['KIOSK_DATA_DIR'] || '.kiosk-data';
  const explicitFile = env['KIOSK_CONFIG'];
  const file = explicitFile ?? path.resolve(cwd, dataDirHint, 'kiosk.config.json');
  let raw: Record<string, unknown> = {};
  if (explicitFile && !existsSync(explicitFile)) {
    throw new ConfigError('KIOSK_CONFIG', 'expected the path of an existing JSON file', explicitFile);
  }
  if (existsSync(file)) {
    try {
      const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
        throw new ConfigError(file, 'expected a JSON object', typeof parsed);
      }
      raw = parsed as Record<string, unknown>;
    } catch (e) {
      if (e instanceof ConfigError) throw e;
      throw new ConfigError(file, 'expected valid JSON', (e as Error).message);
    }
  }
  const envOrigin = new Map<string, string>();
  for (const [envName, key] of ENV_KEYS) {
    const value = env[envName];
    if (value === undefined || value === '') continue;
    setPath(raw, key, value);
    envOrigin.set(key, envName);
  }
  const result = KioskConfigSchema.safeParse(raw);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const key = issue.path.map(String).join('.') || '(root)';
    // A list from one variable (KIOSK_EXPORT_ROOTS) fails at `key.0`: name the variable and show what it held.
    const listKey = [...envOrigin.keys()].find((k) => key.startsWith(`${k}.`));
    if (listKey) throw new ConfigError(envOrigin.get(listKey)!, issue.message, getPath(raw, listKey.split('.')));
    throw new ConfigError(envOrigin.get(key) ?? key, issue.message, getPath(raw, issue.path));
  }
  const config = result.data;
  // The platform's CA bundle and client certificate must be usable PEM files before anything starts.
  try {
    readPlatformTls(config.platform);
  } catch (e) {
    if (e instanceof PlatformTlsError) throw new ConfigError(envOrigin.get(e.key) ?? e.key, e.reason, e.file);
    throw e;
  }
  return { ...config, dataDir: path.resolve(cwd, config.dataDir) };
}
