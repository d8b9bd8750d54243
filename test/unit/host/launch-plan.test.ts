import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { chooseOpener, chromiumArgs, electronBinary } from '../../../scripts/launch-plan';
import { tempDir } from '../../support/processes';

describe('how npm start shows the UI', () => {
  const both = { electron: '/e/electron', chromium: '/usr/bin/chromium' };
  it('prefers Electron, then Chromium, then printing the URL', () => {
    expect(chooseOpener('auto', both)).toEqual({ kind: 'electron', binary: '/e/electron' });
    expect(chooseOpener('auto', { electron: null, chromium: '/usr/bin/chromium' })).toEqual({ kind: 'chromium', binary: '/usr/bin/chromium' });
    expect(chooseOpener('auto', { electron: null, chromium: null }).kind).toBe('none');
  });
  it('obeys KIOSK_OPEN', () => {
    expect(chooseOpener('none', both)).toEqual({ kind: 'none', reason: 'KIOSK_OPEN=none' });
    expect(chooseOpener('chromium', both)).toEqual({ kind: 'chromium', binary: '/usr/bin/chromium' });
    expect(chooseOpener('electron', { electron: null, chromium: '/usr/bin/chromium' })).toEqual({ kind: 'none', reason: 'the Electron binary is not installed' });
  });
  it('starts Chromium as a kiosk with no background traffic, sandboxless only as root', () => {
    const args = chromiumArgs('http://127.0.0.1:1/#token=t', '/p', true);
    expect(args).toEqual(expect.arrayContaining(['--app=http://127.0.0.1:1/#token=t', '--kiosk', '--user-data-dir=/p', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-sandbox']));
    expect(chromiumArgs('u', '/p', false)).not.toContain('--no-sandbox');
  });
  it('finds the Electron binary only when its download completed', () => {
    const root = tempDir('electron-pkg');
    const dir = path.join(root, 'node_modules', 'electron');
    mkdirSync(path.join(dir, 'dist'), { recursive: true });
    expect(electronBinary(root)).toBeNull();
    writeFileSync(path.join(dir, 'path.txt'), 'electron');
    expect(electronBinary(root)).toBeNull();
    writeFileSync(path.join(dir, 'dist', 'electron'), '');
    expect(electronBinary(root)).toBe(path.join(dir, 'dist', 'electron'));
  });
});
