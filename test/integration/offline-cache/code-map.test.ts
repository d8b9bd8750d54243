import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATALOG } from '../../../contract/catalog';
import { ConfigError } from '../../../host/config';
import { checkCodeMap, choosePlatformAdapter } from '../../../host/platform/adapter';
import { CodeMapError, loadCodeMap } from '../../../offline-cache/platform/code-map';
import { EXAMPLE_CODE_MAP } from '../../support/offline-kiosk';
import { tempDir } from '../../support/processes';

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
