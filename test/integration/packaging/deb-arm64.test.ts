/**
 * The arm64 web-shell package, built on this (amd64) machine with Debian's
 * tools: the arm64 prebuilt binaries of serialport and node-hid, better-sqlite3
 * cross-compiled with the aarch64 toolchain (cached: the first run compiles,
 * minutes; later ones copy), Depends from the ELF imports. It cannot be
 * installed here (no arm64 Node), so the test reads the package: dpkg-deb,
 * readelf/file on every native object, lintian.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDeb, type DebBuild } from '../../../scripts/build-deb';
import { compareDebVersions, crossBetterSqlite3, elfDepends, nativeCacheDir, nodeHeaders, parseArch } from '../../../scripts/native-cross';
import { tempDir } from '../../support/processes';

const root = path.resolve(__dirname, '../../..');
const nodeModules = path.join(root, 'node_modules');

function run(cmd: string, args: string[], cwd?: string): { code: number; out: string } {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { code: r.status ?? -1, out: `${r.stdout}${r.stderr}` };
}

let deb: DebBuild;
let extracted: string;
let natives: string[];

beforeAll(async () => {
  const out = tempDir('deb-arm64');
  deb = await buildDeb({ out, arch: 'arm64', compression: 'gzip' });
  extracted = path.join(out, 'extracted');
  mkdirSync(extracted);
  execFileSync('dpkg-deb', ['-x', deb.file, extracted]);
  natives = execFileSync('dpkg-deb', ['-c', deb.file], { encoding: 'utf8' })
    .split('\n')
    .map((l) => /\s\.\/(\S+\.node)$/.exec(l)?.[1])
    .filter((f): f is string => Boolean(f));
}, 30 * 60_000);

describe('the arm64 web-shell package', () => {
  it('says arm64 and is named so', () => {
    expect(execFileSync('dpkg-deb', ['--field', deb.file, 'Architecture'], { encoding: 'utf8' }).trim()).toBe('arm64');
    expect(path.basename(deb.file)).toMatch(/^onething-kiosk_[^_]+_arm64\.deb$/);
    expect(deb.arch).toBe('arm64');
  });

  it('carries the arm64 build of every native module and no x86-64 object', () => {
    expect(natives.sort()).toEqual([
      'usr/lib/onething-kiosk/node_modules/@serialport/bindings-cpp/prebuilds/linux-arm64/@serialport+bindings-cpp.armv8.glibc.node',
      'usr/lib/onething-kiosk/node_modules/better-sqlite3/build/Release/better_sqlite3.node',
      'usr/lib/onething-kiosk/node_modules/node-hid/prebuilds/HID-linux-arm64/node-napi-v4.node',
      'usr/lib/onething-kiosk/node_modules/node-hid/prebuilds/HID_hidraw-linux-arm64/node-napi-v4.node',
    ]);
    const everyElf = execFileSync('find', [extracted, '-type', 'f', '(', '-name', '*.node', '-o', '-name', '*.so*', ')'], { encoding: 'utf8' }).trim().split('\n');
    expect(everyElf).toHaveLength(natives.length);
    for (const f of everyElf) {
      const kind = execFileSync('file', ['-b', f], { encoding: 'utf8' });
      expect(kind, f).toMatch(/^ELF 64-bit LSB shared object, ARM aarch64/);
      expect(kind, f).not.toMatch(/x86-64/);
      expect(kind, f).toMatch(/, stripped/);
    }
    // No musl binary, no other platform's prebuilds.
    expect(run('find', [path.join(extracted, 'usr/lib/onething-kiosk/node_modules'), '-path', '*prebuilds/*', '-type', 'd', '-name', '*x64*']).out.trim()).toBe('');
  });

  it('builds better-sqlite3 against Node 20 (module ABI 115) and links only system libraries', () => {
    const addon = path.join(extracted, 'usr/lib/onething-kiosk/node_modules/better-sqlite3/build/Release/better_sqlite3.node');
    const syms = execFileSync('readelf', ['--dyn-syms', '-W', addon], { encoding: 'utf8' });
    expect(syms).toMatch(/\bnode_register_module_v115\b/);
    const needed = [...execFileSync('readelf', ['-d', '-W', addon], { encoding: 'utf8' }).matchAll(/Shared library: \[([^\]]+)\]/g)].map((m) => m[1]);
    expect(needed.sort()).toEqual(['libc.so.6', 'libm.so.6', 'libstdc++.so.6']);
    // The x64 build this machine runs is left as it was.
    expect(execFileSync('file', ['-b', path.join(nodeModules, 'better-sqlite3/build/Release/better_sqlite3.node')], { encoding: 'utf8' })).toMatch(/x86-64/);
  });

  it('keeps the cross-compiled addon in a cache keyed by version, arch and Node headers, so the next build compiles nothing', () => {
    const { version } = JSON.parse(readFileSync(path.join(nodeModules, 'better-sqlite3/package.json'), 'utf8')) as { version: string };
    const dir = path.join(nativeCacheDir(), `better-sqlite3-${version}-linux-arm64-node${nodeHeaders().version}`);
    expect(JSON.parse(readFileSync(path.join(dir, 'build.json'), 'utf8'))).toMatchObject({ package: 'better-sqlite3', version, arch: 'arm64' });
    expect(crossBetterSqlite3(path.join(nodeModules, 'better-sqlite3'), 'arm64')).toBe(path.join(dir, 'better_sqlite3.node'));
  });

  it('depends on the Debian packages of the libraries its objects need, at sensible versions', () => {
    const depends = execFileSync('dpkg-deb', ['--field', deb.file, 'Depends'], { encoding: 'utf8' })
      .trim()
      .split(/,\s*/);
    const floor = (pkg: string) => /\(>= ([^)]+)\)/.exec(depends.find((d) => d.startsWith(`${pkg} `)) ?? '')?.[1];
    for (const pkg of ['libc6', 'libstdc++6', 'libgcc-s1', 'libudev1', 'libusb-1.0-0']) expect(floor(pkg), pkg).toBeDefined();
    // arm64's glibc starts at 2.17: no floor below it; bookworm's 2.36 satisfies it.
    expect(compareDebVersions(floor('libc6')!, '2.17')).toBeGreaterThanOrEqual(0);
    expect(compareDebVersions(floor('libc6')!, '2.36')).toBeLessThanOrEqual(0);
    expect(depends).toEqual(expect.arrayContaining(['nodejs (>= 20.19)', 'chromium', 'adduser', 'udev', 'fonts-noto-cjk']));
    // Never the cross toolchain's packages or an architecture-qualified name.
    expect(depends.filter((d) => /-cross|:amd64|:arm64/.test(d))).toEqual([]);
    // The A4 printer's CUPS and the fonts for rarer name characters come along unless the integrator declines.
    const recommends = execFileSync('dpkg-deb', ['--field', deb.file, 'Recommends'], { encoding: 'utf8' }).trim().split(/,\s*/);
    expect(recommends).toEqual(['cups', 'cups-client', 'fonts-noto-cjk-extra', 'fonts-hanazono']);
  });

  it('is lintian-clean', () => {
    const lintian = run('lintian', ['--tag-display-limit', '0', deb.file]);
    const hints = lintian.out.split('\n').filter((l) => l.trim() && !/running with root privileges/.test(l));
    expect(hints).toEqual([]);
    expect(lintian.code).toBe(0);
  }, 120_000);
});

describe('Depends from ELF imports', () => {
  it('on the amd64 objects, gives what dpkg-shlibdeps gives', () => {
    const objects = [
      'better-sqlite3/build/Release/better_sqlite3.node',
      '@serialport/bindings-cpp/prebuilds/linux-x64/@serialport+bindings-cpp.glibc.node',
      'node-hid/prebuilds/HID-linux-x64/node-napi-v4.node',
      'node-hid/prebuilds/HID_hidraw-linux-x64/node-napi-v4.node',
    ].map((f) => path.join(nodeModules, f));
    const work = tempDir('shlibdeps');
    mkdirSync(path.join(work, 'debian'));
    writeFileSync(path.join(work, 'debian', 'control'), 'Source: x\n\nPackage: x\nArchitecture: amd64\n');
    const out = execFileSync('dpkg-shlibdeps', ['-O', '--ignore-missing-info', '-e', ...objects], { cwd: work, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    const expected = /shlibs:Depends=(.*)/.exec(out)![1]!.split(/,\s*/).sort();
    expect(expected.length).toBeGreaterThanOrEqual(5);
    expect(elfDepends(objects)).toEqual(expected);
  });

  it('refuses an object that needs a library no installed package describes', () => {
    const dir = tempDir('elf-missing');
    const src = path.join(dir, 'x.c');
    writeFileSync(src, 'int f(void) { return 1; }\n');
    const so = path.join(dir, 'libx.so');
    execFileSync('gcc', ['-shared', '-fPIC', '-o', so, src, '-Wl,--no-as-needed', `-L${dir}`]);
    // A second object that needs libx.so, which no package ships.
    const user = path.join(dir, 'user.so');
    writeFileSync(path.join(dir, 'u.c'), 'int f(void); int g(void) { return f(); }\n');
    execFileSync('gcc', ['-shared', '-fPIC', '-o', user, path.join(dir, 'u.c'), '-Wl,--no-as-needed', `-L${dir}`, '-lx']);
    expect(existsSync(user)).toBe(true);
    expect(() => elfDepends([user])).toThrow(/no installed package describes libx\.so/);
  });

  it('compares versions the way dpkg does', () => {
    const pairs: [string, string][] = [['2:1.0.16', '2:1.0.8'], ['1.0~rc1', '1.0'], ['3.0', '11'], ['2.36-9+deb12u14', '2.36-9'], ['1:0.9', '2.0'], ['1.0', '1.0']];
    for (const [a, b] of pairs) {
      const dpkg = ['lt', 'eq', 'gt'].find((op) => spawnSync('dpkg', ['--compare-versions', a, op, b]).status === 0)!;
      const ours = Math.sign(compareDebVersions(a, b));
      expect(ours, `${a} vs ${b}`).toBe({ lt: -1, eq: 0, gt: 1 }[dpkg]);
    }
  });
});

describe('architecture names', () => {
  it('takes Debian and Node names and refuses others with the ones it knows', async () => {
    expect(parseArch('amd64')).toBe('x64');
    expect(parseArch('aarch64')).toBe('arm64');
    expect(() => parseArch('mips64el')).toThrow(/unknown architecture "mips64el": amd64 \(x64\) or arm64 \(aarch64\)/);
    await expect(buildDeb({ out: tempDir('deb-bad-arch'), arch: 'riscv64' as never })).rejects.toThrow(/unknown architecture riscv64/);
  });
});
