/**
 * The production build of the web-shell kiosk: the host, drivers and
 * offline-cache bundled to plain JavaScript (ESM, esbuild), the built
 * renderer, and only the native modules (with their run-time dependency
 * closure) beside it. No tsx, no TypeScript, no dev dependency at run time.
 *
 *   <out>/package.json          name, version, "type": "module" — nothing to install
 *   <out>/app/start.mjs          the kiosk (scripts/start.ts)
 *   <out>/app/doctor.mjs         the health check (scripts/doctor.ts)
 *   <out>/app/provision.mjs      provisioning (scripts/provision.ts)
 *   <out>/app/ui-session.mjs     Debian Chromium in kiosk mode (scripts/ui-session.ts)
 *   <out>/app/chunk-<hash>.mjs   code shared by the entries, or imported lazily (loaded on first use)
 *   <out>/dist/renderer/         the UI, without source maps
 *   <out>/node_modules/          better-sqlite3, serialport, node-hid, sharp (+ what they require)
 *
 * `npm run build:production [-- --out DIR] [--arch x64|arm64]`: another
 * architecture than this machine's cross-compiles better-sqlite3 (scripts/native-cross.ts).
 */
import { build, type BuildOptions, type Plugin } from 'esbuild';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArch, stageForeignNatives } from './native-cross';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Loaded with require() at run time: compiled code that esbuild cannot bundle. */
export const PRODUCTION_NATIVES = ['better-sqlite3', 'serialport', 'node-hid'] as const;
/**
 * Left out of the production package: sharp draws the simulated printer's
 * paper only (loaded on first use), and a production kiosk refuses simulated
 * devices. Its prebuilt libvips embeds libjpeg, freetype, lcms2 and expat.
 */
export const DEMO_ONLY_NATIVES = ['sharp'] as const;
/**
 * Plain JavaScript kept as a package beside the bundle rather than bundled:
 * iconv-lite's code-page tables (GB18030/GBK, Big5, Shift_JIS…, 0.5 MB) are
 * then read from disk only when that encoding is first used, not parsed at
 * every start.
 */
export const PRODUCTION_PACKAGES = ['iconv-lite'] as const;
/** Needed only to compile a native module, never at run time. */
const BUILD_ONLY = new Set(['prebuild-install', 'node-gyp', 'node-addon-api']);

export const PRODUCTION_ENTRIES = {
  start: 'scripts/start.ts',
  doctor: 'scripts/doctor.ts',
  provision: 'scripts/provision.ts',
  'ui-session': 'scripts/ui-session.ts',
} as const;

/** Node's `process.arch` → the folder names prebuilt binaries use (prebuilds/linux-x64, @img/sharp-linux-x64). */
export type NodeArch = 'x64' | 'arm64';

export interface ProductionBuild {
  readonly dir: string;
  readonly version: string;
  readonly arch: NodeArch;
  /** Package folders copied into node_modules, relative to it. */
  readonly modules: readonly string[];
}

interface PackageJson {
  name: string;
  version: string;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
}

function readPackage(dir: string): PackageJson {
  return JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as PackageJson;
}

/** Node's resolution from `fromDir` upwards: the folder of package `name`, or null when absent (an optional dependency for another platform). */
function resolvePackageDir(name: string, fromDir: string, nodeModules: string): string | null {
  let dir = fromDir;
  for (;;) {
    const candidate = path.join(dir, 'node_modules', name);
    if (existsSync(path.join(candidate, 'package.json'))) return candidate;
    if (path.resolve(dir) === path.dirname(nodeModules) || dir === path.dirname(dir)) return null;
    dir = path.dirname(dir);
  }
}

/** The run-time dependency closure of the natives: package folders relative to node_modules. */
export function nativeClosure(nodeModules: string, roots: readonly string[] = PRODUCTION_NATIVES): string[] {
  const seen = new Set<string>();
  const visit = (name: string, fromDir: string) => {
    const dir = resolvePackageDir(name, fromDir, nodeModules);
    if (!dir) return;
    const rel = path.relative(nodeModules, dir);
    if (seen.has(rel)) return;
    seen.add(rel);
    const pkg = readPackage(dir);
    // prebuild-install and node-gyp fetch or compile at install time; never needed once the binary is there.
    for (const dep of Object.keys({ ...pkg.dependencies, ...pkg.optionalDependencies })) {
      if (BUILD_ONLY.has(dep)) continue;
      visit(dep, dir);
    }
  };
  for (const r of roots) visit(r, path.dirname(nodeModules));
  return [...seen].sort();
}

/** Build inputs and compiled intermediates of a native package (one with a binding.gyp) that a run never reads. */
const NATIVE_BUILD_INPUTS = new Set(['src', 'deps', 'obj', 'obj.target', 'hidapi', 'binding.gyp', 'Makefile', 'test_extension.node']);

function pruneTree(dir: string, arch: NodeArch, native = existsSync(path.join(dir, 'binding.gyp'))): void {
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    const st = statSync(p);
    if ((native && NATIVE_BUILD_INPUTS.has(name)) || /\.(a|o|d|mk|map|md|ts|gyp|gypi)$/.test(name) || name === '.github' || name.startsWith('.npm') || name === '.eslintrc' || /musl/.test(name)) {
      rmSync(p, { recursive: true, force: true });
      continue;
    }
    if (st.isDirectory()) {
      // prebuilds/<platform>-<arch>[...]: only this Linux architecture (glibc, not musl).
      if (path.basename(dir) === 'prebuilds' && !new RegExp(`(^|-)linux-${arch}$`).test(name)) {
        rmSync(p, { recursive: true, force: true });
        continue;
      }
      pruneTree(p, arch, native);
    }
  }
}

/**
 * zod's \`z.locales\` namespace (every language's error messages, 0.26 MB) is
 * re-exported in a way esbuild cannot tree-shake; the kiosk never uses it (its
 * errors are its own, in Chinese). English, zod's default, stays.
 */
const withoutZodLocales: Plugin = {
  name: 'kiosk-without-zod-locales',
  setup(b) {
    b.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) => (/[\\/]zod[\\/]v4[\\/]classic[\\/]/.test(args.importer) ? { path: 'zod-locales', namespace: 'kiosk-empty' } : undefined));
    b.onLoad({ filter: /.*/, namespace: 'kiosk-empty' }, () => ({ contents: 'export {};', loader: 'js' }));
  },
};

const NODE_BANNER = [
  // CommonJS dependencies bundled into ESM still call require() for Node built-ins.
  "import { createRequire as __kioskCreateRequire } from 'node:module';",
  'const require = __kioskCreateRequire(import.meta.url);',
].join('\n');

/**
 * esbuild's options for the kiosk's Node entries (the production build's, and the test runs' bundles of
 * the kiosk and the platform simulator, test/support/entry-bundles.ts). The output folder must be one level
 * below the package root: import.meta.url → REPO_ROOT (host/main.ts) and ../package.json (host/version.ts).
 */
export function kioskBundleOptions(entries: Readonly<Record<string, string>>, outdir: string, options: { readable: boolean; sourcemap?: boolean }): BuildOptions {
  return {
    entryPoints: Object.fromEntries(Object.entries(entries).map(([k, v]) => [k, path.join(root, v)])),
    outdir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    // Code splitting: what a start does not need (fleet link, updater, doctor, A4 printing…) is imported
    // lazily and lands in chunks of its own, which Node compiles only when first used (docs/packaging.md
    // "Start-up"). Chunks sit beside the entries in app/, so import.meta.url (REPO_ROOT, host/main.ts)
    // resolves the same from either.
    splitting: true,
    chunkNames: 'chunk-[hash]',
    platform: 'node',
    target: 'node20',
    format: 'esm',
    // Less to read and parse at every start; names kept for errors and logs (class names, `e.name`).
    minify: !options.readable,
    keepNames: true,
    legalComments: 'none',
    // KIOSK_BUILD_PROFILE=1: a build to profile (`node --cpu-prof`), readable and with source maps; never packaged.
    sourcemap: options.readable && options.sourcemap !== false,
    external: [...PRODUCTION_NATIVES, ...PRODUCTION_PACKAGES, ...DEMO_ONLY_NATIVES, '@serialport/*', 'electron'],
    plugins: [withoutZodLocales],
    banner: { js: NODE_BANNER },
    logLevel: 'warning',
  };
}

export async function buildProduction(options: { out?: string; arch?: NodeArch; rendererDir?: string } = {}): Promise<ProductionBuild> {
  const out = path.resolve(options.out ?? path.join(root, 'dist-production'));
  const arch = options.arch ?? (process.arch as NodeArch);
  rmSync(out, { recursive: true, force: true });
  mkdirSync(path.join(out, 'app'), { recursive: true });
  await build(kioskBundleOptions(PRODUCTION_ENTRIES, path.join(out, 'app'), { readable: process.env['KIOSK_BUILD_PROFILE'] === '1' }));
  const renderer = options.rendererDir ?? process.env['KIOSK_RENDERER_DIR'] ?? path.join(root, 'dist', 'renderer');
  if (!existsSync(path.join(renderer, 'index.html'))) throw new Error(`no built renderer in ${renderer}: run npm run build:renderer first`);
  // No source maps in production: they would hand the full source to anyone who reaches the port.
  cpSync(renderer, path.join(out, 'dist', 'renderer'), { recursive: true, filter: (src) => !src.endsWith('.map') });

  const nodeModules = path.join(root, 'node_modules');
  const modules = nativeClosure(nodeModules, [...PRODUCTION_NATIVES, ...PRODUCTION_PACKAGES]);
  for (const rel of modules) {
    const dest = path.join(out, 'node_modules', rel);
    // Nested node_modules are copied as packages of their own by the closure.
    cpSync(path.join(nodeModules, rel), dest, { recursive: true, filter: (src) => !src.slice(path.join(nodeModules, rel).length).includes(`${path.sep}node_modules${path.sep}`) });
    pruneTree(dest, arch);
  }
  // Another architecture: better-sqlite3's addon cross-compiled (scripts/native-cross.ts) instead of this machine's.
  if (arch !== process.arch) stageForeignNatives(path.join(out, 'node_modules'), nodeModules, arch, (line) => console.log(line));
  const pkg = readPackage(root);
  writeFileSync(path.join(out, 'package.json'), `${JSON.stringify({ name: pkg.name, version: pkg.version, private: true, type: 'module' }, null, 2)}\n`);
  return { dir: out, version: pkg.version, arch, modules };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const arg = (name: string) => {
    const i = process.argv.indexOf(name);
    return i > 0 ? process.argv[i + 1] : undefined;
  };
  const built = await buildProduction({ ...(arg('--out') ? { out: arg('--out')! } : {}), ...(arg('--arch') ? { arch: parseArch(arg('--arch')!) } : {}) });
  console.log(`built ${built.dir} (${built.modules.length} packages beside the bundle)`);
}
