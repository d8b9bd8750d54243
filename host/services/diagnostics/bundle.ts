import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
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

/** Where to write: a folder (e.g. a USB drive's mount point) gets a dated file name; anything else is the file itself. */
export function bundleTarget(chosen: string, kioskId: string, now: Date): Result<string> {
  if (!path.isAbsolute(chosen)) return err('invalid-input', '请选择一个完整路径（例如 /media/usb）', { issues: [{ path: 'path', message: 'expected an absolute path' }] });
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  if (existsSync(chosen) && statSync(chosen).isDirectory()) return ok(path.join(chosen, `kiosk-${kioskId}-${stamp}.zip`));
  if (!existsSync(path.dirname(chosen))) return err('not-found', `找不到目录 ${path.dirname(chosen)}：U 盘是否已插好？`);
  return ok(chosen);
}

function withoutSecrets(config: KioskConfig): unknown {
  const copy = structuredClone(config) as unknown as Record<string, unknown>;
  for (const key of SECRET_CONFIG_KEYS) {
    const parts = key.split('.');
    let node: Record<string, unknown> | undefined = copy;
    for (const p of parts.slice(0, -1)) node = node?.[p] as Record<string, unknown> | undefined;
    if (node) node[parts[parts.length - 1]!] = '[removed]';
  }
  return copy;
}

/** One zip: config (no secrets), redacted logs, device status, queue summary, versions, audit check. */
export function buildBundle(input: BundleInput): { bytes: Uint8Array; files: string[] } {
  const d = input.diagnostics;
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
export function writeBundle(target: string, bytes: Uint8Array): void {
  mkdirSync(path.dirname(target), { recursive: true });
  writeFileSync(target, bytes, { mode: 0o600, flag: 'wx' });
}
