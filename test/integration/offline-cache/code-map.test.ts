import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATALOG } from '../../../contract/catalog';
import { ConfigError } from '../../../host/config';
import { checkCodeMap, choosePlatformAdapter, platformAdapterHealth } from '../../../host/platform/adapter';
import { codeMapFindings } from '../../../host/operations/diagnostics/findings';
import { formatPlatformAdapter } from '../../../host/operations/diagnostics/format-text';
import { CodeMapError, loadCodeMap } from '../../../offline-cache/platform/code-map';
import { EXAMPLE_CODE_MAP } from '../../support/offline-kiosk';
import { REPO_ROOT, tempDir } from '../../support/processes';

const platform = { url: null, timeoutMs: 10000, healthIntervalMs: 5000, progressUrl: null, caFile: null, certFile: null, keyFile: null };

function mapWithout(drop: Record<string, string>): string {
  const raw = JSON.parse(readFileSync(EXAMPLE_CODE_MAP, 'utf8')) as Record<string, Record<string, string>>;
  for (const [kind, code] of Object.entries(drop)) delete raw[kind]![code];
  const file = path.join(tempDir('codemap'), 'map.json');
  writeFileSync(file, JSON.stringify(raw));
  return file;
}

describe('the code map, checked at start', () => {
  it('the example map covers every code the active catalog can send, both ways', () => {
    const map = loadCodeMap(EXAMPLE_CODE_MAP);
    expect(checkCodeMap(map, EXAMPLE_CODE_MAP, CATALOG)).toBeNull();
    expect(map.fromProvince('subItems', map.toProvince('subItems', '18-03'))).toBe('18-03');
    expect(() => map.toProvince('oneThings', '99')).toThrow(/no province code for oneThings 99/);
  });

  it('names the missing codes in one line', () => {
    const file = mapWithout({ subItems: '18-03', eCertificates: 'EC001' });
    const line = checkCodeMap(loadCodeMap(file), file, CATALOG);
    expect(line).toMatch(/has no province code for 2 code\(s\) the kiosk can send: subItems 18-03, eCertificates EC001$/);
    expect(line).not.toContain('\n');
  });

  it('a province adapter without a usable map does not start, naming platform.codeMapFile', () => {
    expect(() => choosePlatformAdapter({ platform: { ...platform, adapter: 'example-gateway', codeMapFile: null } })).toThrow(ConfigError);
    const bad = path.join(tempDir('codemap'), 'bad.json');
    writeFileSync(bad, JSON.stringify({ format: 'onething-kiosk/code-map@1', province: 'x', oneThings: { '01': '' } }));
    expect(() => loadCodeMap(bad)).toThrow(CodeMapError);
    expect(() => choosePlatformAdapter({ platform: { ...platform, adapter: 'example-gateway', codeMapFile: bad } })).toThrow(/platform\.codeMapFile: oneThings\.01: expected a non-empty province code/);
    const twice = path.join(tempDir('codemap'), 'twice.json');
    writeFileSync(twice, JSON.stringify({ format: 'onething-kiosk/code-map@1', province: 'x', oneThings: { '01': 'A', '02': 'A' } }));
    expect(() => loadCodeMap(twice)).toThrow(/01 and 02 both map to A|02 and 01 both map to A/);
    expect(choosePlatformAdapter({ platform: { ...platform, adapter: 'example-gateway', codeMapFile: EXAMPLE_CODE_MAP } }).factory).toBeTypeOf('function');
  });
});

describe('what the dashboard, doctor and provision show say about the adapter and its map', () => {
  it('the example map: every code counted, checked OK, no finding', () => {
    const map = loadCodeMap(EXAMPLE_CODE_MAP);
    const h = platformAdapterHealth('example-gateway', { map, file: EXAMPLE_CODE_MAP }, CATALOG);
    const raw = JSON.parse(readFileSync(EXAMPLE_CODE_MAP, 'utf8')) as Record<string, unknown>;
    const codes = ['oneThings', 'subItems', 'eCertificates', 'materials'].reduce((n, k) => n + Object.keys(raw[k] as object).length, 0);
    expect(h).toEqual({ name: 'example-gateway', codeMap: { file: EXAMPLE_CODE_MAP, province: map.province, codes, missing: [], missingCount: 0 } });
    expect(codes).toBe(445);
    expect(codeMapFindings(h)).toEqual([]);
    expect(formatPlatformAdapter(h)).toEqual(['平台适配器 adapter    example-gateway', `编码对照表 code map   ${EXAMPLE_CODE_MAP} · ${map.province} · 445 codes · checked OK`]);
  });

  it('a map with gaps: names them, counts them, and warns', () => {
    const file = mapWithout({ subItems: '18-03', eCertificates: 'EC001' });
    const h = platformAdapterHealth('example-gateway', { map: loadCodeMap(file), file }, CATALOG);
    expect(h.codeMap).toMatchObject({ codes: 443, missing: ['subItems 18-03', 'eCertificates EC001'], missingCount: 2 });
    expect(codeMapFindings(h)).toEqual([expect.objectContaining({ level: 'warn', code: 'CODE-MAP-GAP' })]);
    expect(formatPlatformAdapter(h)[1]).toMatch(/443 codes · MISSING 2: subItems 18-03, eCertificates EC001$/);
  });

  it('the v1 client without a map', () => {
    const h = platformAdapterHealth('v1', null, CATALOG);
    expect(h).toEqual({ name: 'v1', codeMap: null });
    expect(codeMapFindings(h)).toEqual([]);
    expect(formatPlatformAdapter(h)).toEqual(['平台适配器 adapter    v1', '编码对照表 code map   无 none (v1 takes our codes)']);
  });
});

describe('onething-kiosk-provision show names the adapter and its code map', () => {
  const show = (env: Record<string, string>) =>
    spawnSync('npm', ['run', '--silent', 'provision', '--', 'show', '--json'], { cwd: REPO_ROOT, env: { ...process.env, KIOSK_DATA_DIR: tempDir('show'), ...env }, encoding: 'utf8', timeout: 60_000 });

  it('the example adapter with a gap in its map, and one whose map cannot be read', () => {
    const file = mapWithout({ materials: 'authorisation' });
    const r = show({ KIOSK_PLATFORM_ADAPTER: 'example-gateway', KIOSK_PLATFORM_CODE_MAP: file });
    expect(r.status).toBe(0);
    const report = JSON.parse(r.stdout) as { platformAdapter: { name: string; codeMap: { file: string; missing: string[]; missingCount: number } } };
    expect(report.platformAdapter).toMatchObject({ name: 'example-gateway', codeMap: { file, missing: ['materials authorisation'], missingCount: 1 } });
    const broken = show({ KIOSK_PLATFORM_ADAPTER: 'example-gateway', KIOSK_PLATFORM_CODE_MAP: '/nonexistent/code-map.json' });
    expect(broken.status).toBe(0);
    expect(JSON.parse(broken.stdout)).toMatchObject({ platformAdapter: null, platformAdapterError: expect.stringMatching(/platform\.codeMapFile: expected a readable JSON file, ENOENT/) });
  });
});

