/**
 * `npm run provision -- COMMAND` (packaged: `onething-kiosk-provision COMMAND`):
 *   show [--json]                 kiosk id, the kiosk's key fingerprint, the pinned platform keys, the platform adapter and its code map
 *   export-kiosk-key FILE         writes the kiosk's public key for the platform's registry (keys.json format)
 *   import-platform-key FILE      pins the platform's public key (and its SM2 key) from a file
 * Reads the same configuration as the kiosk (KIOSK_CONFIG, KIOSK_DATA_DIR…).
 * Exit: 0 done · 2 bad input (one line naming what is wrong). See docs/provisioning.md.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig, type KioskConfig } from '../host/config';
import { fingerprint, giveToOwnerOf, parsePlatformKeyFile, readImportedPlatformKey, sm2Fingerprint, writeImportedPlatformKey } from '../host/provisioning';
import { chooseKeySealing } from '../host/key-sealing';
import { loadOrCreateDeviceSigner } from '../offline-cache/sync/device-identity';
import { keyFingerprints } from '../host/operations/maintenance/key-fingerprints';
import { formatPlatformAdapter } from '../host/operations/diagnostics/format-text';
import { choosePlatformAdapter, platformAdapterHealth } from '../host/platform/adapter';
import { CATALOG } from '../contract/catalog';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { json: { type: 'boolean', default: false } } });

function fail(message: string): never {
  console.error(`provision: ${message}`);
  process.exit(2);
}

function kioskKey(config: KioskConfig) {
  const file = path.join(config.dataDir, 'keys', 'device.key');
  const fresh = !existsSync(file);
  if (fresh) mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  // The same sealing the kiosk uses (host/key-sealing.ts): a plain device key is sealed here too.
  const sealing = chooseKeySealing(config.mode);
  const signer = loadOrCreateDeviceSigner(file, config.kioskId, sealing.sealer, sealing.legacy);
  if (fresh) {
    giveToOwnerOf(config.dataDir, path.dirname(file));
    giveToOwnerOf(config.dataDir, file);
  }
  return Object.assign(signer, { sealedWith: sealing.sealer.kind });
}

let config: KioskConfig;
try {
  config = loadConfig();
} catch (e) {
  fail(e instanceof ConfigError ? e.message : String(e));
}
if (!existsSync(config.dataDir)) mkdirSync(config.dataDir, { recursive: true, mode: 0o700 });

const [command, arg] = positionals;
switch (command) {
  case 'show': {
    const signer = kioskKey(config);
    const keys = keyFingerprints({ kioskId: config.kioskId, devicePublicKeyBase64: signer.publicKeyBase64, pinnedPlatformKey: null, imported: readImportedPlatformKey(config.dataDir), keySealing: signer.sealedWith });
    const report = {
      kioskId: config.kioskId,
      servicePoint: config.servicePoint,
      kioskPublicKey: signer.publicKeyBase64,
      kioskKeyFingerprint: keys.deviceKey,
      platformKeyFingerprint: keys.platformKey,
      platformSm2KeyFingerprint: keys.platformSm2Key,
      keySealing: keys.keySealing,
      ...platformAdapterReport(config),
    };
    if (values.json) console.log(JSON.stringify(report));
    else {
      console.log(`终端编号 kiosk id          ${report.kioskId}`);
      console.log(`终端公钥 kiosk key         ${report.kioskKeyFingerprint}`);
      console.log(`平台公钥 platform key      ${report.platformKeyFingerprint ?? '未导入 not imported'}`);
      console.log(`平台国密公钥 platform SM2  ${report.platformSm2KeyFingerprint ?? '未导入 not imported'}`);
      console.log(`密钥加封 key sealing       ${report.keySealing}${report.keySealing.startsWith('file-0600') ? '（未加封 NOT sealed）' : ''}`);
      if (report.platformAdapter) for (const line of formatPlatformAdapter(report.platformAdapter)) console.log(line);
      else console.log(`编码对照表 code map   UNUSABLE: ${report.platformAdapterError}`);
    }
    break;
  }
  case 'export-kiosk-key': {
    if (!arg) fail('export-kiosk-key needs the file to write');
    const signer = kioskKey(config);
    const entry = { kiosks: [{ kioskId: config.kioskId, publicKey: signer.publicKeyBase64, servicePoint: config.servicePoint }] };
    try {
      writeFileSync(arg, `${JSON.stringify(entry, null, 2)}\n`, { flag: 'wx', mode: 0o644 });
    } catch (e) {
      fail(`cannot write ${arg}: ${(e as NodeJS.ErrnoException).code === 'EEXIST' ? 'the file exists (never overwritten)' : (e as Error).message}`);
    }
    console.log(`wrote ${arg}: kiosk ${config.kioskId}, key ${fingerprint(Buffer.from(signer.publicKeyBase64, 'base64'))}`);
    break;
  }
  case 'import-platform-key': {
    if (!arg) fail('import-platform-key needs the platform key file');
    if (!existsSync(arg)) fail(`${arg}: no such file`);
    const parsed = parsePlatformKeyFile(readFileSync(arg, 'utf8'), arg);
    if (!parsed.ok) fail(parsed.message);
    if (config.offline.cipher === 'sm4' && !parsed.value.platformSm2PublicKey) fail(`${arg}: 国密 (offline.cipher sm4) is on, so the platform's SM2 key (platformSm2PublicKey) is required`);
    const file = writeImportedPlatformKey(config.dataDir, parsed.value);
    console.log(`pinned platform key ${fingerprint(Buffer.from(parsed.value.platformPublicKey, 'base64'))} in ${file}`);
    if (parsed.value.platformSm2PublicKey) console.log(`pinned platform SM2 key ${sm2Fingerprint(parsed.value.platformSm2PublicKey)}`);
    break;
  }
  default:
    fail(`unknown command ${JSON.stringify(command ?? '')}: expected show, export-kiosk-key FILE or import-platform-key FILE`);
}

/**
 * The adapter `platform.adapter` names and its code map, checked against the
 * built-in catalog (no store is opened here; the running kiosk's dashboard and
 * doctor check against the active one). An unusable map is reported, not thrown:
 * the key fingerprints are still worth reading.
 */
function platformAdapterReport(config: KioskConfig) {
  try {
    const chosen = choosePlatformAdapter(config);
    const map = chosen.codeMap && config.platform.codeMapFile ? { map: chosen.codeMap, file: config.platform.codeMapFile } : null;
    return { platformAdapter: platformAdapterHealth(config.platform.adapter, map, CATALOG), platformAdapterError: null };
  } catch (e) {
    return { platformAdapter: null, platformAdapterError: e instanceof ConfigError ? e.message : String(e) };
  }
}

