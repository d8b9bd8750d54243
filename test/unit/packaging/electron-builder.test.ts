import Ajv from 'ajv';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { REPO_ROOT } from '../../support/processes';

const require = createRequire(import.meta.url);
const schema = JSON.parse(readFileSync(require.resolve('app-builder-lib/scheme.json'), 'utf8')) as object;
const config = parse(readFileSync(path.join(REPO_ROOT, 'electron-builder.yml'), 'utf8')) as Record<string, unknown> & {
  linux: { target: { target: string; arch: string[] }[] };
  win: { target: { target: string; arch: string[] }[] };
  electronFuses: Record<string, boolean>;
  afterPack: string;
  asarUnpack: string[];
};

function validate(candidate: unknown) {
  const ajv = new Ajv({ allErrors: true, strict: false });
  const ok = ajv.validate(schema, candidate);
  return { ok, errors: (ajv.errors ?? []).map((e) => `${e.instancePath} ${e.message}`) };
}

describe('electron-builder.yml', () => {
  it("is valid against electron-builder's own schema", () => {
    expect(validate(config).errors).toEqual([]);
  });

  it('rejects a config with a misspelt key (the validation is real)', () => {
    expect(validate({ ...config, asarr: true }).ok).toBe(false);
  });

  it('builds deb + AppImage for x64 and arm64, and NSIS for Windows x64', () => {
    const linux = Object.fromEntries(config.linux.target.map((t) => [t.target, [...t.arch].sort()]));
    expect(linux).toEqual({ deb: ['arm64', 'x64'], AppImage: ['arm64', 'x64'] });
    expect(config.win.target).toEqual([{ target: 'nsis', arch: ['x64'] }]);
    expect(config['asar']).toBe(true);
    expect(config.asarUnpack).toEqual(expect.arrayContaining(['**/*.node']));
  });

  it('hardens the binary with fuses, in the config and in the afterPack hook', async () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
    const hookPath = path.join(REPO_ROOT, config.afterPack);
    expect(existsSync(hookPath)).toBe(true);
    const { FuseV1Options } = require('@electron/fuses') as typeof import('@electron/fuses');
    const hook = require(hookPath) as { FUSES: Record<number, boolean>; default: unknown };
    expect(typeof hook.default).toBe('function');
    expect(hook.FUSES[FuseV1Options.RunAsNode]).toBe(false);
    expect(hook.FUSES[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(false);
    expect(hook.FUSES[FuseV1Options.EnableNodeCliInspectArguments]).toBe(false);
    expect(hook.FUSES[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(true);
    expect(hook.FUSES[FuseV1Options.OnlyLoadAppFromAsar]).toBe(true);
  });
});
