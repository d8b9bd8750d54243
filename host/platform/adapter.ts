import { CODE_KINDS, materialIdsOf } from '../../contract/code-map';
import type { PlatformAdapterHealth } from '../../contract/diagnostics';
import type { Catalog } from '../../contract/catalog/schema';
import { JOURNEYS } from '../../contract/journeys';
import type { PlatformFactory } from '../../offline-cache/offline-cache';
import { CodeMapError, describeMissing, loadCodeMap, missingCodes, type CodeMap } from '../../offline-cache/platform/code-map';
import { ExampleGatewayAdapter } from '../../offline-cache/platform/example-gateway';
import { ConfigError, type KioskConfig } from '../config';

export interface PlatformAdapterChoice {
  /** Builds the port; undefined = the v1 client. */
  readonly factory: PlatformFactory | undefined;
  readonly codeMap: CodeMap | null;
}

/**
 * The adapter `platform.adapter` names and the code map `platform.codeMapFile`
 * it uses, read once at start. A province adapter without a usable map is a
 * `ConfigError` naming the key.
 */
export function choosePlatformAdapter(config: Pick<KioskConfig, 'platform'>): PlatformAdapterChoice {
  const { adapter, codeMapFile } = config.platform;
  let codeMap: CodeMap | null = null;
  if (codeMapFile) {
    try {
      codeMap = loadCodeMap(codeMapFile);
    } catch (e) {
      if (e instanceof CodeMapError) throw new ConfigError('platform.codeMapFile', e.reason, e.file);
      throw e;
    }
  }
  if (adapter === 'v1') return { factory: undefined, codeMap };
  if (!codeMap) throw new ConfigError('platform.codeMapFile', `expected a code map file for platform.adapter '${adapter}'`, null);
  const map = codeMap;
  return { factory: (deps) => new ExampleGatewayAdapter({ ...deps, codeMap: map }), codeMap };
}

/**
 * The check at start: every code the kiosk could send with the active catalog
 * (27 一件事, their sub-items, the annex-3 certificate types, the journeys'
 * materials) has a province code. Returns the one line naming the missing
 * ones, or null.
 */
export function checkCodeMap(map: CodeMap, file: string, catalog: Catalog): string | null {
  const missing = missingCodes(map, catalog, materialIdsOf(JOURNEYS));
  return missing.length ? describeMissing(missing, file) : null;
}

/**
 * What the dashboard, doctor and `provision show` say about the platform
 * side: the adapter `platform.adapter` names and its code map, checked
 * against `catalog` (the active one in the host; the built-in one where no
 * store is open).
 */
export function platformAdapterHealth(adapter: string, map: { readonly map: CodeMap; readonly file: string } | null, catalog: Catalog): PlatformAdapterHealth {
  if (!map) return { name: adapter, codeMap: null };
  const missing = missingCodes(map.map, catalog, materialIdsOf(JOURNEYS));
  const codes = CODE_KINDS.reduce((n, kind) => n + Object.keys(map.map.file[kind]).length, 0);
  return { name: adapter, codeMap: { file: map.file, province: map.map.province, codes, missing: missing.slice(0, 20), missingCount: missing.length } };
}
