import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { configTable, withTable } from '../../../scripts/config-table';
import { REPO_ROOT } from '../../support/processes';

describe('README configuration table', () => {
  it('matches host/config.ts (run `npm run docs:config` after changing a key)', () => {
    const readme = readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
    expect(withTable(readme)).toBe(readme);
    expect(configTable()).toContain('`KIOSK_PLATFORM_URL`');
  });
  it('names the two commands and CI runs the same test command', () => {
    const readme = readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
    expect(readme).toMatch(/```sh\nnpm start\n```/);
    expect(readme).toMatch(/```sh\nnpm test\n```/);
    expect(readFileSync(path.join(REPO_ROOT, '.ci', 'run'), 'utf8')).toMatch(/^npm test$/m);
  });
});
