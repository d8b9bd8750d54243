/**
 * Native modules for a foreign architecture (the arm64 package built on an
 * amd64 machine), and the ELF checks and Depends both packages share.
 *
 * - `@serialport/bindings-cpp` and `node-hid` ship `linux-arm64` prebuilt
 *   binaries in their npm packages: build-production keeps the target's.
 * - `better-sqlite3` ships none (its prebuilt binaries are release
 *   downloads): it is cross-compiled from its npm sources with Debian's cross
 *   toolchain (`g++-aarch64-linux-gnu`) against this Node's own headers, in a
 *   copy of the package, and cached by version + arch + Node headers, so a
 *   second build is a copy.
 * - Depends for a foreign arch: `dpkg-shlibdeps` needs the foreign libraries
 *   installed (multiarch), so they are computed from the objects' ELF
 *   `NEEDED` entries and undefined symbols instead, looked up in this
 *   machine's `/var/lib/dpkg/info/*.symbols` files — the packages and the
 *   version floors the same libraries get on Debian (docs/packaging.md).
 *   The test checks that on the amd64 objects this gives what
 *   `dpkg-shlibdeps` gives.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import type { NodeArch } from './build-production';

const require = createRequire(import.meta.url);

/** GNU triplet and Debian cross-toolchain packages per architecture. */
const CROSS: Record<NodeArch, { triplet: string; packages: readonly string[]; elf: RegExp }> = {
  x64: { triplet: 'x86_64-linux-gnu', packages: ['gcc-x86-64-linux-gnu', 'g++-x86-64-linux-gnu'], elf: /Advanced Micro Devices X86-64/ },
  arm64: { triplet: 'aarch64-linux-gnu', packages: ['gcc-aarch64-linux-gnu', 'g++-aarch64-linux-gnu'], elf: /AArch64/ },
};

/** `amd64`/`x64`, `arm64`/`aarch64` → Node's name; anything else is refused with the names it knows. */
export function parseArch(name: string): NodeArch {
  const n = name.trim().toLowerCase();
  if (n === 'x64' || n === 'amd64') return 'x64';
  if (n === 'arm64' || n === 'aarch64') return 'arm64';
  throw new Error(`unknown architecture "${name}": amd64 (x64) or arm64 (aarch64)`);
}

function sh(cmd: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): string {
  return execFileSync(cmd, args, { ...options, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
}

function onPath(bin: string): boolean {
  return (process.env['PATH'] ?? '').split(path.delimiter).some((d) => d && existsSync(path.join(d, bin)));
}

/** The tool to run for `arch`: `strip` natively, `aarch64-linux-gnu-strip` across. */
export function crossTool(arch: NodeArch, tool: string): string {
  return arch === process.arch ? tool : `${CROSS[arch].triplet}-${tool}`;
}

/**
 * The cross compiler, linker and binutils for `arch`. Installed on first use
 * when missing and this runs as root with apt (CI, the project's machines),
 * so only the builds that need it pay for it; otherwise one clear error.
 */
export function ensureCrossToolchain(arch: NodeArch): void {
  if (arch === process.arch) return;
  const { triplet, packages } = CROSS[arch];
  const tools = ['gcc', 'g++', 'strip', 'ar'].map((t) => `${triplet}-${t}`);
  if (tools.every(onPath)) return;
  const hint = `apt-get install ${packages.join(' ')}`;
  if (process.getuid?.() !== 0 || !onPath('apt-get')) throw new Error(`building for ${arch} needs Debian's cross toolchain (${tools.filter((t) => !onPath(t)).join(', ')} missing): ${hint}`);
  console.log(`installing the ${arch} cross toolchain: ${hint}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const install = () => sh('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...packages], { env });
  try {
    install();
  } catch {
    sh('apt-get', ['update', '-qq'], { env });
    install();
  }
  if (!tools.every(onPath)) throw new Error(`the ${arch} cross toolchain did not install: ${hint}`);
}

/** The Node headers the native modules are built against: this Node's (`<prefix>/include/node`, node-gyp's `--nodedir`). */
export function nodeHeaders(): { nodedir: string; version: string } {
  const nodedir = process.env['KIOSK_NODE_HEADERS'] ?? path.resolve(path.dirname(process.execPath), '..');
  const header = path.join(nodedir, 'include', 'node', 'node_version.h');
  if (!existsSync(header)) throw new Error(`no Node headers at ${header}: install Node's headers (Debian: libnode-dev; NodeSource's nodejs ships them) or set KIOSK_NODE_HEADERS`);
  const h = readFileSync(header, 'utf8');
  const v = (name: string) => /\d+/.exec(new RegExp(`#define ${name}\\s+(\\d+)`).exec(h)?.[1] ?? '')?.[0];
  return { nodedir, version: `${v('NODE_MAJOR_VERSION')}.${v('NODE_MINOR_VERSION')}.${v('NODE_PATCH_VERSION')}` };
}

export function nativeCacheDir(): string {
  return process.env['KIOSK_NATIVE_CACHE'] ?? path.join(process.env['XDG_CACHE_HOME'] ?? path.join(os.homedir(), '.cache'), 'onething-kiosk', 'native');
}

/**
 * better-sqlite3's addon for `arch`, compiled from the package's own sources
 * (the SQLite amalgamation is in it) in a copy, so the build in node_modules
 * stays the one this machine runs. Returns the cached `better_sqlite3.node`.
 */
export function crossBetterSqlite3(packageDir: string, arch: NodeArch, log: (line: string) => void = () => {}): string {
  const { version } = JSON.parse(readFileSync(path.join(packageDir, 'package.json'), 'utf8')) as { version: string };
  const headers = nodeHeaders();
  const key = `better-sqlite3-${version}-linux-${arch}-node${headers.version}`;
  const cached = path.join(nativeCacheDir(), key, 'better_sqlite3.node');
  if (existsSync(cached)) return cached;
  ensureCrossToolchain(arch);
  const work = path.join(nativeCacheDir(), `.${key}.${process.pid}`);
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  for (const name of ['package.json', 'binding.gyp', 'src', 'deps', 'lib']) execFileSync('cp', ['-r', path.join(packageDir, name), work]);
  const { triplet } = CROSS[arch];
  const env = { ...process.env, CC: `${triplet}-gcc`, CXX: `${triplet}-g++`, LINK: `${triplet}-g++`, AR: `${triplet}-ar`, npm_config_arch: arch, npm_config_nodedir: headers.nodedir };
  log(`compiling better-sqlite3 ${version} for ${arch} (Node ${headers.version} headers)`);
  try {
    sh(process.execPath, [require.resolve('node-gyp/bin/node-gyp.js'), 'rebuild', '--release', `--arch=${arch}`, `--nodedir=${headers.nodedir}`, '--jobs', String(Math.max(1, os.availableParallelism()))], { cwd: work, env });
  } catch (err) {
    const e = err as { stderr?: string; stdout?: string };
    throw new Error(`compiling better-sqlite3 for ${arch} failed:\n${(e.stderr || e.stdout || String(err)).split('\n').slice(-30).join('\n')}`, { cause: err });
  }
  const built = path.join(work, 'build', 'Release', 'better_sqlite3.node');
  const machine = elfMachine(built);
  if (!CROSS[arch].elf.test(machine)) throw new Error(`better-sqlite3 built for ${machine}, not ${arch}`);
  const final = path.dirname(cached);
  const tmp = path.join(work, 'out');
  mkdirSync(tmp);
  copyFileSync(built, path.join(tmp, 'better_sqlite3.node'));
  writeFileSync(path.join(tmp, 'build.json'), `${JSON.stringify({ package: 'better-sqlite3', version, arch, node: headers.version, compiler: `${triplet}-g++` }, null, 2)}\n`);
  rmSync(final, { recursive: true, force: true });
  renameSync(tmp, final);
  rmSync(work, { recursive: true, force: true });
  return cached;
}

/**
 * Replaces, in a staged node_modules, what build-production copied from this
 * machine (x64) by the natives for `arch`: better-sqlite3's build/ (prebuilt
 * serialport and node-hid binaries are chosen by build-production's prune).
 */
export function stageForeignNatives(nodeModules: string, sourceNodeModules: string, arch: NodeArch, log?: (line: string) => void): void {
  const addon = crossBetterSqlite3(path.join(sourceNodeModules, 'better-sqlite3'), arch, log);
  const build = path.join(nodeModules, 'better-sqlite3', 'build');
  rmSync(build, { recursive: true, force: true });
  mkdirSync(path.join(build, 'Release'), { recursive: true });
  copyFileSync(addon, path.join(build, 'Release', 'better_sqlite3.node'));
}

/** `readelf -h`'s Machine line: "AArch64", "Advanced Micro Devices X86-64". */
export function elfMachine(file: string): string {
  const m = /Machine:\s+(.+)/.exec(sh('readelf', ['-h', '-W', file]));
  if (!m) throw new Error(`${file} is not an ELF object`);
  return m[1]!.trim();
}

/** Every native object is built for `arch`: a package never carries another architecture's binary. */
export function assertObjectsArch(objects: readonly string[], arch: NodeArch, base: string): void {
  const wrong = objects.map((f) => ({ f, machine: elfMachine(f) })).filter((o) => !CROSS[arch].elf.test(o.machine));
  if (wrong.length) throw new Error(`native objects not built for ${arch}:\n${wrong.map((o) => `  ${path.relative(base, o.f)}: ${o.machine}`).join('\n')}`);
}

// ---------------------------------------------------------------------------
// Depends from ELF, the way dpkg-shlibdeps computes them from symbols files.

interface SymbolsBlock {
  readonly template: string;
  readonly symbols: Map<string, string>;
}

let symbolsIndex: Map<string, SymbolsBlock> | null = null;

/** soname → the dependency template and `symbol@VERSION → minver` of this machine's packages (not the cross toolchain's). */
function loadSymbolsIndex(dir = '/var/lib/dpkg/info'): Map<string, SymbolsBlock> {
  if (symbolsIndex) return symbolsIndex;
  const index = new Map<string, SymbolsBlock>();
  const hostArch = sh('dpkg', ['--print-architecture']).trim();
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.symbols') && !/-cross[:.]/.test(f) && (!f.includes(':') || f.includes(`:${hostArch}.`)))
    .sort();
  for (const f of files) {
    let block: SymbolsBlock | null = null;
    for (const line of readFileSync(path.join(dir, f), 'utf8').split('\n')) {
      if (!line || line.startsWith('#') || line.startsWith('|') || line.startsWith('*')) continue;
      if (!line.startsWith(' ')) {
        const m = /^(\S+)\s+(.+)$/.exec(line);
        block = m ? { template: m[2]!.trim(), symbols: new Map() } : null;
        if (m && !index.has(m[1]!)) index.set(m[1]!, block!);
        continue;
      }
      const m = /^\s+(?:\(([^)]*)\))?(\S+)\s+(\S+)/.exec(line);
      if (!block || !m) continue;
      const tags = m[1] ?? '';
      if (/c\+\+|regex|arch/.test(tags)) continue;
      block.symbols.set(tags.includes('symver') ? `*@${m[2]}` : m[2]!, m[3]!);
    }
  }
  symbolsIndex = index;
  return index;
}

/** Debian version comparison (deb-version(7)): epoch, upstream, revision; `~` sorts before anything. */
export function compareDebVersions(a: string, b: string): number {
  const split = (v: string) => {
    const e = /^(\d+):(.*)$/.exec(v);
    const rest = e ? e[2]! : v;
    const i = rest.lastIndexOf('-');
    return { epoch: e ? Number(e[1]) : 0, upstream: i >= 0 ? rest.slice(0, i) : rest, revision: i >= 0 ? rest.slice(i + 1) : '0' };
  };
  const order = (c: string) => (c === '~' ? -1 : /\d/.test(c) ? 0 : /[A-Za-z]/.test(c) ? c.charCodeAt(0) : c ? c.charCodeAt(0) + 256 : 0);
  const part = (x: string, y: string): number => {
    let i = 0;
    let j = 0;
    while (i < x.length || j < y.length) {
      while ((i < x.length && !/\d/.test(x[i]!)) || (j < y.length && !/\d/.test(y[j]!))) {
        const d = order(x[i] ?? '') - order(y[j] ?? '');
        if (d) return d;
        i++;
        j++;
      }
      let nx = '';
      let ny = '';
      while (i < x.length && /\d/.test(x[i]!)) nx += x[i++];
      while (j < y.length && /\d/.test(y[j]!)) ny += y[j++];
      const d = Number(nx || 0) - Number(ny || 0);
      if (d) return d;
    }
    return 0;
  };
  const va = split(a);
  const vb = split(b);
  return va.epoch - vb.epoch || part(va.upstream, vb.upstream) || part(va.revision, vb.revision);
}

/** The libraries an object needs (`NEEDED`) and its undefined symbols, with the library each version node comes from. */
function elfImports(file: string): { needed: string[]; symbols: { name: string; node: string | null; from: string | null }[] } {
  const needed = [...sh('readelf', ['-d', '-W', file]).matchAll(/\(NEEDED\)\s+Shared library: \[([^\]]+)\]/g)].map((m) => m[1]!);
  const nodeFile = new Map<string, string>();
  let current = '';
  for (const line of sh('readelf', ['-V', '-W', file]).split('\n')) {
    const f = /File: (\S+)/.exec(line);
    if (f) current = f[1]!;
    const n = /Name: (\S+)/.exec(line);
    if (n && current) nodeFile.set(n[1]!, current);
  }
  const symbols = [];
  for (const line of sh('readelf', ['--dyn-syms', '-W', file]).split('\n')) {
    const m = /^\s*\d+:\s+\S+\s+\d+\s+\S+\s+\S+\s+\S+\s+UND\s+(\S+)/.exec(line);
    if (!m) continue;
    const [name, node] = m[1]!.split(/@+/);
    symbols.push({ name: name!, node: node ?? null, from: node ? (nodeFile.get(node) ?? null) : null });
  }
  return { needed, symbols };
}

/**
 * shlibs:Depends of native objects from their ELF imports, resolved against
 * this machine's symbols files: each needed library's package, at the
 * highest version any used symbol needs (a symbol of a version node the
 * file does not list for this architecture counts from the node's own
 * version, e.g. arm64's baseline GLIBC_2.17). A needed library that no
 * installed package describes is an error, not a missing Depends.
 */
export function elfDepends(objects: readonly string[]): string[] {
  const index = loadSymbolsIndex();
  const floors = new Map<string, string | null>();
  const raise = (template: string, minver: string | null) => {
    const pkg = template.replace(/\s*#MINVER#\s*$/, '');
    if (!template.includes('#MINVER#')) {
      floors.set(template, floors.get(template) ?? null);
      return;
    }
    const had = floors.get(pkg);
    floors.set(pkg, minver && (!had || compareDebVersions(minver, had) > 0) ? minver : (had ?? null));
  };
  const missing = new Set<string>();
  for (const obj of objects) {
    const { needed, symbols } = elfImports(obj);
    for (const soname of needed) {
      const block = index.get(soname);
      if (block) raise(block.template, null);
      else missing.add(soname);
    }
    for (const s of symbols) {
      const candidates = s.from ? [s.from] : needed;
      for (const soname of candidates) {
        const block = index.get(soname);
        if (!block) continue;
        const minver = s.node ? (block.symbols.get(`${s.name}@${s.node}`) ?? block.symbols.get(`*@${s.node}`) ?? block.symbols.get(`${s.node}@${s.node}`)) : block.symbols.get(`${s.name}@Base`);
        if (minver) {
          raise(block.template, minver);
          break;
        }
      }
    }
  }
  // ld-linux is the loader named by the package's architecture, never a dependency of its own.
  for (const m of [...missing]) if (/^ld-linux/.test(m)) missing.delete(m);
  if (missing.size) throw new Error(`no installed package describes ${[...missing].join(', ')} (needed by the native modules): install it on the build machine`);
  return [...floors].map(([pkg, v]) => (v ? `${pkg} (>= ${v})` : pkg)).sort();
}
