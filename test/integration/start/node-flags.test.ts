import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { KIOSK_NODE_FLAGS } from '../../../scripts/launch-plan';
import { REPO_ROOT } from '../../support/processes';

/** A burst of short-lived objects like a journey's, then the young generation's committed size in MiB. */
const BURST = `
  const v8 = require('node:v8');
  let keep = [];
  for (let i = 0; i < 3e6; i++) { keep.push({ i, s: 'x' + i }); if (keep.length > 20000) keep = []; }
  const space = v8.getHeapSpaceStatistics().find((s) => s.space_name === 'new_space');
  process.stdout.write(String(space.space_size / 1048576));
`;

function youngGenerationMiB(flags: readonly string[]): number {
  return Number(execFileSync(process.execPath, [...flags, '-e', BURST], { encoding: 'utf8' }));
}

describe('the kiosk host process V8 flags', () => {
  it('bound the young generation that the default lets grow to 32 MiB', () => {
    const semi = Number(/--max-semi-space-size=(\d+)/.exec(KIOSK_NODE_FLAGS.join(' '))?.[1]);
    expect(semi).toBeGreaterThan(0);
    const bounded = youngGenerationMiB(KIOSK_NODE_FLAGS);
    expect(bounded).toBeLessThanOrEqual(2 * semi);
    // The same burst without the flags: what the soak saw stay resident.
    expect(youngGenerationMiB([])).toBeGreaterThan(4 * bounded);
  });

  it('are given by every way the kiosk is started', () => {
    const unit = readFileSync(path.join(REPO_ROOT, 'packaging', 'linux', 'onething-kiosk.service'), 'utf8');
    const execStart = unit.split('\n').find((l) => l.startsWith('ExecStart='))!;
    const npmStart = (JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts['start']!;
    const start = readFileSync(path.join(REPO_ROOT, 'scripts', 'start.ts'), 'utf8');
    const support = readFileSync(path.join(REPO_ROOT, 'test', 'support', 'processes.ts'), 'utf8');
    for (const flag of KIOSK_NODE_FLAGS) {
      // Node flags go before the entry point, or node hands them to the script as its arguments.
      expect(execStart.indexOf(flag)).toBeGreaterThan(-1);
      expect(execStart.indexOf(flag)).toBeLessThan(execStart.indexOf('scripts/start.ts'));
      expect(npmStart.indexOf(flag)).toBeGreaterThan(-1);
      expect(npmStart.indexOf(flag)).toBeLessThan(npmStart.indexOf('scripts/start.ts'));
    }
    expect(start).toMatch(/--js-flags=\$\{KIOSK_NODE_FLAGS\.join\(' '\)\}/);
    expect(support).toMatch(/nodeFlags: KIOSK_NODE_FLAGS/);
  });
});
