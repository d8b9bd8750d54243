import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { err, issuesFromZod, ok, type ConfigField, type Result } from '../../contract';
import { ENV_KEYS, KioskConfigSchema, type KioskConfig } from '../config';
import type { Logger } from '../log';
import type { AuditTrail } from './maintenance/audit-trail';

type FieldSpec = Omit<ConfigField, 'value'>;

/** What a technician may change on the kiosk, and whether it applies at once. Secrets are not here. */
export const EDITABLE_FIELDS: readonly FieldSpec[] = [
  { key: 'kioskId', type: 'string', label: '终端编号', applies: 'restart' },
  { key: 'servicePoint', type: 'string', label: '服务点名称', applies: 'live' },
  { key: 'platform.url', type: 'url-or-null', label: '省平台地址', applies: 'restart' },
  { key: 'devices.idcard', type: 'string', label: '身份证阅读器端口', applies: 'restart' },
  { key: 'devices.idcardBaud', type: 'number', label: '身份证阅读器波特率', applies: 'restart' },
  { key: 'devices.printer', type: 'string', label: '打印机端口', applies: 'restart' },
  { key: 'devices.printerBaud', type: 'number', label: '打印机波特率', applies: 'restart' },
  { key: 'devices.scanner', type: 'string', label: '扫码器端口', applies: 'restart' },
  { key: 'devices.scannerBaud', type: 'number', label: '扫码器波特率', applies: 'restart' },
  { key: 'ui.idleSeconds', type: 'number', label: '无操作多少秒后提示（秒）', applies: 'live' },
  { key: 'ui.countdownSeconds', type: 'number', label: '倒计时（秒）', applies: 'live' },
  { key: 'ui.elderlyDefault', type: 'boolean', label: '默认长辈模式', applies: 'live' },
  { key: 'offline.retentionDays', type: 'number', label: '已送达数据保留天数', applies: 'restart' },
  { key: 'operations.heartbeatIntervalMs', type: 'number', label: '健康上报间隔（毫秒）', applies: 'live' },
  { key: 'log.level', type: 'string', label: '日志级别', applies: 'live' },
];

function getPath(source: unknown, dotted: string): unknown {
  let node = source;
  for (const p of dotted.split('.')) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[p];
  }
  return node;
}

function setPath(target: Record<string, unknown>, dotted: string, value: unknown): void {
  const parts = dotted.split('.');
  let node = target;
  for (const part of parts.slice(0, -1)) {
    if (typeof node[part] !== 'object' || node[part] === null) node[part] = {};
    node = node[part] as Record<string, unknown>;
  }
  node[parts[parts.length - 1]!] = value;
}

export interface ConfigEditorOptions {
  /** The live config object every service holds; 'live' keys are updated in it in place. */
  readonly config: KioskConfig;
  readonly audit: AuditTrail;
  readonly logger: Logger;
  readonly env?: NodeJS.ProcessEnv;
  /** Told after a change is applied (heartbeat interval, log level…). */
  readonly onApplied?: (key: string, config: KioskConfig) => void;
}

/**
 * Changes one setting the way `loadConfig` would read it back: merged into the
 * config file, validated by the same schema, written atomically, audited, and
 * applied at once where the service reads it per use.
 */
export class ConfigEditor {
  constructor(private readonly o: ConfigEditorOptions) {}

  get file(): string {
    return (this.o.env ?? process.env)['KIOSK_CONFIG'] ?? path.join(this.o.config.dataDir, 'kiosk.config.json');
  }

  fields(): ConfigField[] {
    return EDITABLE_FIELDS.map((f) => ({ ...f, value: (getPath(this.o.config, f.key) ?? null) as ConfigField['value'] }));
  }

  set(key: string, value: ConfigField['value'], by: string): Result<ConfigField> {
    const spec = EDITABLE_FIELDS.find((f) => f.key === key);
    if (!spec) return err('invalid-input', `“${key}” 不能在这里修改`, { issues: [{ path: key, message: 'not an editable setting' }] });
    const envName = ENV_KEYS.find(([, k]) => k === key)?.[0];
    if (envName && (this.o.env ?? process.env)[envName]) {
      return err('conflict', `此项由环境变量 ${envName} 设定，请在启动配置中修改`, { issues: [{ path: key, message: `set by ${envName}` }] });
    }
    const fileRaw = this.readFile();
    setPath(fileRaw, key, value);
    // Validate the whole effective config with the change, as the next start would see it.
    const candidate = structuredClone(this.o.config) as unknown as Record<string, unknown>;
    setPath(candidate, key, value);
    const parsed = KioskConfigSchema.safeParse(candidate);
    if (!parsed.success) {
      const issues = issuesFromZod(parsed.error);
      return err('invalid-input', `设置无效：${issues.map((i) => i.message).join('；')}`, { issues });
    }
    const before = getPath(this.o.config, key);
    const after = getPath(parsed.data, key);
    mkdirSync(path.dirname(this.file), { recursive: true });
    const tmp = `${this.file}.tmp`;
    writeFileSync(tmp, JSON.stringify(fileRaw, null, 2) + '\n', { mode: 0o600 });
    renameSync(tmp, this.file);
    if (spec.applies === 'live') {
      setPath(this.o.config as unknown as Record<string, unknown>, key, after);
      this.o.onApplied?.(key, this.o.config);
    }
    this.o.audit.append('config.changed', { key, from: JSON.stringify(before ?? null), to: JSON.stringify(after ?? null), by, applies: spec.applies });
    this.o.logger.info({ key, applies: spec.applies, by }, 'configuration changed');
    return ok({ ...spec, value: (spec.applies === 'live' ? after : value) as ConfigField['value'] });
  }

  private readFile(): Record<string, unknown> {
    if (!existsSync(this.file)) return {};
    const parsed: unknown = JSON.parse(readFileSync(this.file, 'utf8'));
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
  }
}
