import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { StaffCardRoster } from '../../../host/operations/maintenance/staff-cards';
import { tempDir } from '../../support/processes';

describe('StaffCardRoster', () => {
  it('matches registered cards only, stores no card number, and forgets removed ones', async () => {
    const roster = StaffCardRoster.in(tempDir('roster'));
    expect(await roster.match('11010519491231002X')).toBeNull();
    await roster.register('11010519491231002x', 'T-0042');
    expect(readFileSync(roster.file, 'utf8')).not.toMatch(/11010519491231002/i);
    expect(await roster.match('11010519491231002X')).toBe('T-0042');
    expect(await roster.match('140202195206110860')).toBeNull();
    expect(roster.staffNumbers()).toEqual(['T-0042']);
    expect(roster.remove('T-0042')).toBe(true);
    expect(await roster.match('11010519491231002X')).toBeNull();
  });
});
