import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../support/processes';

const fixture = (name: string) => readFileSync(path.join(REPO_ROOT, 'test', 'fixtures', 'layering', name), 'utf8');
const eslint = new ESLint({ cwd: REPO_ROOT });

/** Lints a fixture as if it were the file at `asPath` in the tree. */
async function layeringErrors(name: string, asPath: string): Promise<string[]> {
  const [result] = await eslint.lintText(fixture(name), { filePath: path.join(REPO_ROOT, asPath) });
  return result!.messages.filter((m) => m.ruleId === 'kiosk/layering').map((m) => m.message);
}

describe('layering lint rule', () => {
  it.each([
    ['electron-in-host.ts', 'host/resident/x.ts', /only electron\/ may import 'electron'/],
    ['electron-in-host.ts', 'drivers/idcard/x.ts', /only electron\/ may import 'electron'/],
    ['electron-in-host.ts', 'renderer/src/x.ts', /only electron\/ may import 'electron'/],
    ['builtin-in-renderer.ts', 'renderer/src/x.ts', /renderer\/ runs in the browser .* 'node:fs'/],
    ['builtin-in-contract.ts', 'contract/x.ts', /contract\/ runs in the browser .* 'fs'/],
    ['host-from-renderer.ts', 'renderer/src/x.ts', /renderer\/ may not import from host\//],
    ['package-in-contract.ts', 'contract/x.ts', /contract\/ may import only zod/],
    ['cache-from-drivers.ts', 'drivers/x.ts', /drivers\/ may not import from offline-cache\//],
    ['drivers-from-cache.ts', 'offline-cache/x.ts', /offline-cache\/ may not import from drivers\//],
    ['host-from-preload.ts', 'electron/preload/x.ts', /electron\/preload\/ may not import from host\//],
    ['host-from-platform-sim.ts', 'platform-sim/x.ts', /platform-sim\/ may not import from host\//],
    // Inside host/, rooms by whom they serve; imports run one way (api ← platform ← resident ← staff ← operations).
    ['room-operations.ts', 'host/resident/x.ts', /host\/resident\/ may not import from host\/operations\//],
    ['room-resident.ts', 'host/platform/x.ts', /host\/platform\/ may not import from host\/resident\//],
    ['room-resident.ts', 'host/api/x.ts', /host\/api\/ may not import from host\/resident\/ .*no other room/],
    ['room-resident-handlers.ts', 'host/operations/x.ts', /API handlers of host\/resident\/ belong to that room/],
  ])('%s as %s is rejected', async (name, asPath, expected) => {
    const errors = await layeringErrors(name, asPath);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(expected);
    expect(errors[0]).toContain(asPath);
  });

  it.each([
    ['allowed-host.ts', 'host/x.ts'],
    ['electron-in-host.ts', 'electron/main/x.ts'],
    ['electron-in-host.ts', 'electron/preload/x.ts'],
    ['host-from-renderer.ts', 'test/unit/x.ts'],
    ['host-from-preload.ts', 'electron/main/x.ts'],
    ['room-resident.ts', 'host/staff/x.ts'],
    ['room-operations.ts', 'host/operations/handlers/x.ts'],
    ['root-resident-handlers.ts', 'host/host.ts'],
  ])('%s as %s is allowed', async (name, asPath) => {
    expect(await layeringErrors(name, asPath)).toEqual([]);
  });

  it('makes `eslint` fail and name the offending file', async () => {
    const run = promisify(execFile);
    const bin = path.join(REPO_ROOT, 'node_modules', '.bin', 'eslint');
    const child = run(bin, ['--stdin', '--stdin-filename', 'renderer/src/bad-import.ts'], { cwd: REPO_ROOT });
    child.child.stdin!.end(fixture('builtin-in-renderer.ts'));
    const failure = await child.then(
      () => null,
      (e: { code: number; stdout: string }) => e,
    );
    expect(failure?.code).toBe(1);
    expect(failure?.stdout).toContain('renderer/src/bad-import.ts');
    expect(failure?.stdout).toContain('kiosk/layering');
  });
});
