import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildElectron } from '../../../scripts/build-electron';
import { tempDir } from '../../support/processes';

describe('Electron bundles', () => {
  it('bundle main and a sandbox-safe preload that requires nothing but electron', async () => {
    const out = tempDir('electron-build');
    await buildElectron(out);
    const preload = readFileSync(path.join(out, 'preload.cjs'), 'utf8');
    const required = new Set([...preload.matchAll(/require\(["']([^"']+)["']\)/g)].map((m) => m[1]));
    expect([...required]).toEqual(['electron']);
    expect(preload).toContain('exposeInMainWorld');
    const main = readFileSync(path.join(out, 'main.cjs'), 'utf8');
    expect(main).toContain('requestSingleInstanceLock');
    expect(main).toContain('prevent-display-sleep');
    // Native modules stay outside the bundle (unpacked from asar at run time).
    expect(main).not.toMatch(/node_modules\/better-sqlite3\/lib/);
  }, 60_000);
});
