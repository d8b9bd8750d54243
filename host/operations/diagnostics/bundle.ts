import { existsSync, realpathSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { err, ok, type Diagnostics, type Result } from '../../../contract';
import type { KioskConfig } from '../../config';
import type { AuditVerification } from '../maintenance/audit-trail';

/** Config keys never copied into a bundle: the provisioning token registers a kiosk key with the platform. */
export const SECRET_CONFIG_KEYS: readonly string[] = ['offline.provisioningToken'];

export interface BundleInput {
  readonly config: KioskConfig;
  readonly diagnostics: Diagnostics;
  readonly logs: string;
  readonly audit: AuditVerification;
}

/**
 * Where a bundle or export may go: only below a removable-media mount root
 * (`operations.exportRoots`, e.g. /media, /run/media), resolved through
 * symlinks, so the data folder (the data key beside the database) and system
 * files are out of reach. A folder gets a dated file name; anything else is
 * the file itself, which `writeBundle` never overwrites.
 */
export function bundleTarget(chosen: string, roots: readonly string[], kioskId: string, now: Date, suffix = '.zip'): Result<string> {
  if (!path.isAbsolute(chosen)) return err('invalid-input', '请选择一个完整路径（例如 /media/usb）', { issues: [{ path: 'path', message: 'expected an absolute path' }] });
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  const isDir = existsSync(chosen) && statSync(chosen).isDirectory();
  const dir = isDir ? chosen : path.dirname(chosen);
  const file = isDir ? path.join(chosen, `kiosk-${kioskId}-${stamp}${suffix}`) : chosen;
  if (!existsSync(dir)) return err('not-found', `找不到目录 ${dir}：U 盘是否已插好？`);
  const real = realpathSync(dir);
  const inside = roots.some((root) => {
    if (!existsSync(root)) return false;
    const rel = path.relative(realpathSync(root), real);
    return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
  });
  if (!inside) {
    return err('forbidden', `只能写到 U 盘（${roots.join('、')} 下插入的盘）：${chosen} 不在其中`, {
      detail: `export refused: ${real} is not below a removable-media root (${roots.join(', ')})`,
    });
  }
  return ok(path.join(real, path.basename(file)));
}

function withoutSecrets(config: KioskConfig): unknown {
  const copy = structuredClone(config) as unknown as Record<string, unknown>;
  for (const key of SECRET_CONFIG_KEYS) {
    const parts = key.split('.');
    let node: Record<string, unknown> | undefined = copy;
    for (const p of parts.slice(0, -1)) node = node?.[p] as Record<string, unknown> | undefined;
    if (node) node[parts[parts.length - 1]!] = '[removed]';
  }
  return withoutUrlCredentials(copy);
}

/** A URL may carry a user and password (https://user:pass@…, mqtts://…): the bundle keeps the URL, not them. */
function withoutUrlCredentials(value: unknown): unknown {
  if (typeof value === 'string') {
    if (!/^[a-z][a-z0-9+.-]*:\/\/[^/@\s]+@/i.test(value)) return value;
    try {
      const url = new URL(value);
      url.username = url.username ? 'removed' : '';
      url.password = '';
      return url.toString();
    } catch {
      return '[removed]';
    }
  }
  if (Array.isArray(value)) return value.map(withoutUrlCredentials);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withoutUrlCredentials(v)]));
  return value;
}

/** One zip: config (no secrets), redacted logs, device status, queue summary, versions, audit check. */
export function buildBundle(input: BundleInput): { bytes: Uint8Array; files: string[] } {
  const d = withoutUrlCredentials(input.diagnostics) as Diagnostics;
  const files: Record<string, Uint8Array> = {
    'README.txt': strToU8(
      [
        `onething-kiosk diagnostics bundle`,
        `kiosk: ${d.kioskId} · ${d.servicePoint}`,
        `generated: ${d.generatedAt}`,
        `overall: ${d.overall}`,
        ...d.findings.map((f) => `- [${f.level}] ${f.code}: ${f.problem['zh-CN']} → ${f.fix['zh-CN']}`),
        '',
        'No personal data: logs are redacted at source; the outbox summary holds ids, kinds and reasons only.',
      ].join('\n'),
    ),
    'config.json': strToU8(JSON.stringify(withoutSecrets(input.config), null, 2)),
    'devices.json': strToU8(JSON.stringify(d.devices, null, 2)),
    'outbox.json': strToU8(JSON.stringify(d.outbox, null, 2)),
    'versions.json': strToU8(JSON.stringify(d.versions, null, 2)),
    'diagnostics.json': strToU8(JSON.stringify(d, null, 2)),
    'audit-verify.json': strToU8(JSON.stringify(input.audit, null, 2)),
    'logs.jsonl': strToU8(input.logs),
  };
  return { bytes: zipSync(files, { level: 6 }), files: Object.keys(files) };
}

/** Creates the file and never overwrites one (O_EXCL): a chosen path that exists fails with EEXIST and loses nothing. */
export function writeBundle(target: string, bytes: Uint8Array | string): void {
  writeFileSync(target, bytes, { mode: 0o600, flag: 'wx' });
}
