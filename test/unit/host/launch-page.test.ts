import { readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { chromiumArgs, writeLaunchPage } from '../../../scripts/launch-plan';
import { tempDir } from '../../support/processes';

describe('the web-shell token stays off Chromium’s command line', () => {
  it('Chromium opens a 0600 launch page that forwards to the UI with the token', () => {
    const uiUrl = 'http://127.0.0.1:4321/#token=abcDEF123_-secret';
    const launch = writeLaunchPage(tempDir('run'), uiUrl);
    const args = chromiumArgs(launch, tempDir('profile'), false);
    expect(args.join(' ')).not.toContain('abcDEF123_-secret');
    expect(args).toContain(`--app=${launch}`);
    const file = fileURLToPath(launch);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, 'utf8')).toContain(`location.replace(${JSON.stringify(uiUrl)})`);
  });
});
