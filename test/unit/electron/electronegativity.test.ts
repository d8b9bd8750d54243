import { execFile } from 'node:child_process';
import { cpSync, existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { build } from 'vite';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, tempDir } from '../../support/processes';

const run = promisify(execFile);
const BIN = path.join(REPO_ROOT, 'node_modules', '.bin', 'electronegativity');

interface Finding {
  readonly check: string;
  readonly file: string;
  readonly level: string;
}

async function scan(dir: string): Promise<Finding[]> {
  const out = path.join(dir, 'report.sarif');
  await run(BIN, ['-i', dir, '-o', out, '-r', '-v', 'false', '-e', '45.5.0'], { cwd: dir, timeout: 120_000 });
  const sarif = JSON.parse(readFileSync(out, 'utf8')) as {
    runs: { results: { ruleId: string; level?: string; locations?: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[];
  };
  return sarif.runs.flatMap((r) =>
    r.results.map((x) => ({ check: x.ruleId, level: x.level ?? 'warning', file: x.locations?.[0]?.physicalLocation.artifactLocation.uri ?? '' })),
  );
}

/** The Electron sources plus the built page (for the CSP check), as the packaged app would have them. */
async function appTree(): Promise<string> {
  const dir = tempDir('eneg');
  cpSync(path.join(REPO_ROOT, 'electron'), path.join(dir, 'electron'), { recursive: true });
  cpSync(path.join(REPO_ROOT, 'package.json'), path.join(dir, 'package.json'));
  const built = path.join(dir, 'renderer-build');
  await build({ configFile: path.join(REPO_ROOT, 'vite.config.ts'), logLevel: 'error', build: { outDir: built, emptyOutDir: true, sourcemap: false } });
  cpSync(path.join(built, 'index.html'), path.join(dir, 'index.html'));
  return dir;
}

describe('Electronegativity', () => {
  it('finds nothing above informational in the shell that is not a reviewed exception', async () => {
    expect(existsSync(BIN)).toBe(true);
    const findings = (await scan(await appTree())).filter((f) => f.level !== 'note' && f.level !== 'none');
    const { exceptions } = JSON.parse(readFileSync(path.join(REPO_ROOT, 'electron', 'electronegativity-exceptions.json'), 'utf8')) as {
      exceptions: { check: string; file: string; justification: string }[];
    };
    const unexplained = findings.filter((f) => !exceptions.some((e) => e.check === f.check && f.file.endsWith(e.file)));
    expect(unexplained).toEqual([]);
    const stale = exceptions.filter((e) => !findings.some((f) => f.check === e.check && f.file.endsWith(e.file)));
    expect(stale).toEqual([]);
    for (const e of exceptions) expect(e.justification.length).toBeGreaterThan(40);
  }, 180_000);

  it('does flag an insecure window (the scanner works)', async () => {
    const dir = tempDir('eneg-bad');
    cpSync(path.join(REPO_ROOT, 'test', 'fixtures', 'electronegativity'), dir, { recursive: true });
    const checks = (await scan(dir)).map((f) => f.check);
    expect(checks).toEqual(expect.arrayContaining(['CONTEXT_ISOLATION_JS_CHECK', 'SANDBOX_JS_CHECK', 'HTTP_RESOURCES_JS_CHECK', 'LIMIT_NAVIGATION_GLOBAL_CHECK', 'PERMISSION_REQUEST_HANDLER_GLOBAL_CHECK']));
  }, 180_000);
});
