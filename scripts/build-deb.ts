/**
 * The Debian package of the web-shell kiosk (bundled Node host + Debian
 * Chromium in kiosk mode), built with Debian's own tools: the production
 * bundle (scripts/build-production.ts) staged into the Debian layout,
 * `dpkg-shlibdeps` for the native modules' libraries, `fakeroot dpkg-deb
 * --build`. Checked with lintian in test/e2e/production-deb.spec.ts (amd64,
 * installed) and test/integration/packaging/deb-arm64.test.ts (arm64).
 *
 *   /usr/lib/onething-kiosk/            the bundle, the renderer, the native modules; bin/onething-kiosk-start (slot launcher)
 *   /usr/bin/onething-kiosk-{provision,doctor}
 *   /lib/systemd/system/onething-kiosk{,-ui,-health,-restart}.service, -health.timer, -nightly.timer
 *   /etc/onething-kiosk/kiosk.config.json, kiosk.env   (conffiles)
 *   /var/lib/onething-kiosk/            data (created by postinst; kept on remove, deleted on purge)
 *
 * `npm run dist:deb [-- --out DIR] [--version V] [--arch amd64|arm64]`. This
 * machine's architecture is built from its node_modules; another one (arm64
 * on amd64) takes the prebuilt binaries its npm packages ship and a
 * cross-compiled better-sqlite3, with Depends from the ELF imports
 * (scripts/native-cross.ts, docs/packaging.md).
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, copyFileSync, cpSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { buildProduction, type NodeArch } from './build-production';
import { assertObjectsArch, crossTool, elfDepends, ensureCrossToolchain, parseArch } from './native-cross';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const TEMPLATES = path.join(root, 'packaging', 'deb');
export const DEB_PACKAGE = 'onething-kiosk';

export const DEB_UNITS = [
  'onething-kiosk.service',
  'onething-kiosk-ui.service',
  'onething-kiosk-health.service',
  'onething-kiosk-health.timer',
  'onething-kiosk-restart.service',
  'onething-kiosk-nightly.timer',
] as const;

export const DEB_ARCH: Record<NodeArch, string> = { x64: 'amd64', arm64: 'arm64' };

/**
 * Run-time packages. Node: the kiosk's engines want >= 20.19; Debian 12
 * (bookworm) ships 18.19, so the package requires `nodejs (>= 20.19)` — on
 * bookworm from NodeSource's `nodejs` package or Debian 13 (trixie).
 */
export const DEB_DEPENDS = ['nodejs (>= 20.19)', 'chromium', 'adduser', 'udev', 'init-system-helpers (>= 1.54)', 'systemd (>= 250)', 'fonts-noto-cjk'];
/**
 * Installed with the kiosk unless the integrator says no (apt installs Recommends by default): CUPS and its
 * client for the A4 printer (`devices.a4Printer`, a local queue over IPP), Noto CJK's extra weights and
 * HanaMin for the CJK Ext B and later characters of some names (screen, A4 PDF).
 */
export const DEB_RECOMMENDS = ['cups', 'cups-client', 'fonts-noto-cjk-extra', 'fonts-hanazono'];

export interface DebBuild {
  readonly file: string;
  readonly version: string;
  readonly arch: string;
  readonly stagingDir: string;
}

function sh(cmd: string, args: string[], cwd?: string): string {
  return execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

function walk(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    const st = statSync(p);
    if (st.isDirectory()) walk(p, out);
    else out.push(p);
  }
  return out;
}

function install(from: string, to: string, mode: number): void {
  mkdirSync(path.dirname(to), { recursive: true });
  copyFileSync(from, to);
  chmodSync(to, mode);
}

/** Every directory 0755, every file 0644 (executables 0755): lintian and dpkg expect no other modes. */
function normaliseModes(dir: string): void {
  chmodSync(dir, 0o755);
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    const st = statSync(p);
    if (st.isDirectory()) normaliseModes(p);
    // Native modules are shared objects loaded by node, not programs (lintian shared-library-is-executable).
    else chmodSync(p, st.mode & 0o111 && !/\.(node|so(\.\d+)*)$/.test(name) ? 0o755 : 0o644);
  }
}

/** Native objects: stripped (lintian unstripped-binary-or-object), and handed to dpkg-shlibdeps. */
function nativeObjects(dir: string): string[] {
  return walk(dir).filter((f) => f.endsWith('.node') || /\.so(\.\d+)*$/.test(f));
}

function shlibsDepends(stage: string, objects: string[], debArch: string): string[] {
  if (objects.length === 0) return [];
  // dpkg-shlibdeps wants a source tree: a minimal debian/control beside the staging dir.
  const work = path.join(path.dirname(stage), 'shlibdeps');
  rmSync(work, { recursive: true, force: true });
  mkdirSync(path.join(work, 'debian'), { recursive: true });
  writeFileSync(path.join(work, 'debian', 'control'), `Source: ${DEB_PACKAGE}\n\nPackage: ${DEB_PACKAGE}\nArchitecture: ${debArch}\n`);
  // sharp's bundled libvips is found beside the objects that need it.
  const libDirs = [...new Set(objects.filter((f) => /\.so/.test(f)).map((f) => path.dirname(f)))];
  const out = sh('dpkg-shlibdeps', ['-O', '--ignore-missing-info', ...libDirs.map((d) => `-l${d}`), '-e', ...objects], work);
  const m = /shlibs:Depends=(.*)/.exec(out);
  return m ? m[1]!.split(',').map((s) => s.trim()).filter(Boolean) : [];
}

export async function buildDeb(options: { out?: string; version?: string; arch?: NodeArch; bundleDir?: string; compression?: 'xz' | 'gzip' } = {}): Promise<DebBuild> {
  const arch = options.arch ?? (process.arch as NodeArch);
  if (!(arch in DEB_ARCH)) throw new Error(`unknown architecture ${String(arch)}: one of ${Object.keys(DEB_ARCH).join(', ')}`);
  const foreign = arch !== process.arch;
  // Another architecture: its strip (and, when better-sqlite3 is not cached yet, its compiler) from Debian's cross toolchain.
  ensureCrossToolchain(arch);
  const debArch = DEB_ARCH[arch];
  const out = path.resolve(options.out ?? path.join(root, 'release'));
  const work = path.join(out, `deb-${debArch}`);
  const stage = path.join(work, 'root');
  rmSync(work, { recursive: true, force: true });
  mkdirSync(stage, { recursive: true });

  const lib = path.join(stage, 'usr', 'lib', DEB_PACKAGE);
  const built = options.bundleDir
    ? { dir: options.bundleDir, version: (JSON.parse(readFileSync(path.join(options.bundleDir, 'package.json'), 'utf8')) as { version: string }).version }
    : await buildProduction({ out: path.join(work, 'bundle'), arch });
  cpSync(built.dir, lib, { recursive: true });
  const version = options.version ?? built.version;
  const objects = nativeObjects(lib);
  assertObjectsArch(objects, arch, lib);
  for (const o of objects) sh(crossTool(arch, 'strip'), ['--strip-unneeded', '--remove-section=.comment', '--remove-section=.note', o]);

  for (const unit of DEB_UNITS) install(path.join(TEMPLATES, unit), path.join(stage, 'lib', 'systemd', 'system', unit), 0o644);
  install(path.join(TEMPLATES, '99-onething-kiosk.rules'), path.join(stage, 'lib', 'udev', 'rules.d', '99-onething-kiosk.rules'), 0o644);
  // Logs go to journald: cap and rotate the journal so logs never eat the space queued applications need.
  install(path.join(TEMPLATES, 'journald-onething-kiosk.conf'), path.join(stage, 'usr', 'lib', 'systemd', 'journald.conf.d', 'onething-kiosk.conf'), 0o644);
  for (const f of ['kiosk.config.json', 'kiosk.env']) install(path.join(TEMPLATES, f), path.join(stage, 'etc', DEB_PACKAGE, f), 0o644);
  // The host's launcher: the update slot `current` when there is one, else this package's app (docs/packaging.md).
  install(path.join(TEMPLATES, 'onething-kiosk-start'), path.join(lib, 'bin', 'onething-kiosk-start'), 0o755);
  for (const bin of ['onething-kiosk-provision', 'onething-kiosk-doctor']) {
    install(path.join(TEMPLATES, bin), path.join(stage, 'usr', 'bin', bin), 0o755);
    const man = path.join(stage, 'usr', 'share', 'man', 'man8', `${bin}.8.gz`);
    mkdirSync(path.dirname(man), { recursive: true });
    writeFileSync(man, gzipSync(readFileSync(path.join(TEMPLATES, `${bin}.8`)), { level: 9 }));
  }
  const doc = path.join(stage, 'usr', 'share', 'doc', DEB_PACKAGE);
  mkdirSync(doc, { recursive: true });
  writeFileSync(path.join(doc, 'copyright'), copyrightFile(built.dir));
  const date = new Date(Number(process.env['SOURCE_DATE_EPOCH'] ?? Math.floor(Date.now() / 1000)) * 1000).toUTCString().replace('GMT', '+0000');
  writeFileSync(
    path.join(doc, 'changelog.gz'),
    gzipSync(Buffer.from(`${DEB_PACKAGE} (${version}) unstable; urgency=medium\n\n  * Release ${version} of the web-shell kiosk (see the project's git history).\n\n -- onething-kiosk contributors <kiosk@example.invalid>  ${date}\n`), { level: 9 }),
  );
  const overrides = path.join(stage, 'usr', 'share', 'lintian', 'overrides', DEB_PACKAGE);
  install(path.join(TEMPLATES, 'lintian-overrides'), overrides, 0o644);
  normaliseModes(stage);

  const control = path.join(stage, 'DEBIAN');
  mkdirSync(control, { recursive: true });
  for (const s of ['postinst', 'prerm', 'postrm']) install(path.join(TEMPLATES, s), path.join(control, s), 0o755);
  writeFileSync(path.join(control, 'conffiles'), `/etc/${DEB_PACKAGE}/kiosk.config.json\n/etc/${DEB_PACKAGE}/kiosk.env\n`);
  // Native: dpkg-shlibdeps. Foreign: the same from the objects' ELF imports (it would need the arm64 libraries installed).
  const depends = [...new Set([...(foreign ? elfDepends(objects) : shlibsDepends(stage, objects, debArch)), ...DEB_DEPENDS])];
  const installedKb = Math.ceil(walk(stage).filter((f) => !f.includes(`${path.sep}DEBIAN${path.sep}`)).reduce((n, f) => n + statSync(f).size, 0) / 1024);
  writeFileSync(
    path.join(control, 'control'),
    [
      `Package: ${DEB_PACKAGE}`,
      `Version: ${version}`,
      `Architecture: ${debArch}`,
      'Maintainer: onething-kiosk contributors <kiosk@example.invalid>',
      `Installed-Size: ${installedKb}`,
      `Depends: ${depends.join(', ')}`,
      `Recommends: ${DEB_RECOMMENDS.join(', ')}`,
      'Section: misc',
      'Priority: optional',
      'Description: self-service kiosk for Shanxi government services',
      ' onething-kiosk runs a 7x24 self-service terminal for the province of',
      ' Shanxi\'s "get one thing done" government services: a Node host drives',
      ' the ID-card reader, receipt printer and barcode scanner, queues',
      ' applications offline and delivers them to the provincial platform; Debian',
      ' Chromium shows the touch UI in kiosk mode.',
      '',
    ].join('\n'),
  );
  const md5 = walk(stage)
    .filter((f) => !f.includes(`${path.sep}DEBIAN${path.sep}`))
    .map((f) => `${createHash('md5').update(readFileSync(f)).digest('hex')}  ${path.relative(stage, f)}`)
    .join('\n');
  writeFileSync(path.join(control, 'md5sums'), `${md5}\n`);
  chmodSync(path.join(control, 'md5sums'), 0o644);

  const file = path.join(out, `${DEB_PACKAGE}_${version}_${debArch}.deb`);
  sh('fakeroot', ['dpkg-deb', '--build', `-Z${options.compression ?? 'xz'}`, '-z6', stage, file]);
  return { file, version, arch: debArch, stagingDir: stage };
}

/** debian/copyright (machine-readable), with the licences of the bundled native modules. */
function copyrightFile(bundleDir: string): string {
  const nm = path.join(bundleDir, 'node_modules');
  const pkgs = walk(nm)
    .filter((f) => f.endsWith(`${path.sep}package.json`) && path.basename(path.dirname(path.dirname(f))).match(/^(node_modules|@[^/]+)$/))
    .map((f) => JSON.parse(readFileSync(f, 'utf8')) as { name?: string; license?: string })
    .filter((p) => p.name && p.license);
  const byLicense = new Map<string, string[]>();
  for (const p of pkgs) byLicense.set(p.license!, [...(byLicense.get(p.license!) ?? []), p.name!]);
  return [
    'Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/',
    `Upstream-Name: ${DEB_PACKAGE}`,
    '',
    'Files: *',
    'Copyright: 2024-2026 onething-kiosk contributors',
    'License: Apache-2.0',
    '',
    ...[...byLicense].flatMap(([license, names]) => [
      `Files: ${names.map((n) => `usr/lib/${DEB_PACKAGE}/node_modules/${n}/*`).join(' ')}`,
      'Copyright: 2012-2026 the authors named in each package\'s package.json and LICENSE',
      `License: ${license}`,
      '',
    ]),
    'License: Apache-2.0',
    ' On Debian systems the full text is in /usr/share/common-licenses/Apache-2.0.',
    '',
    ...[...byLicense.keys()]
      .filter((l) => l !== 'Apache-2.0')
      .flatMap((l) => [`License: ${l}`, ` The text of the ${l} licence is in the LICENSE file of each package listed above.`, '']),
  ].join('\n');
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const arg = (name: string) => {
    const i = process.argv.indexOf(name);
    return i > 0 ? process.argv[i + 1] : undefined;
  };
  const deb = await buildDeb({ ...(arg('--out') ? { out: arg('--out')! } : {}), ...(arg('--version') ? { version: arg('--version')! } : {}), ...(arg('--arch') ? { arch: parseArch(arg('--arch')!) } : {}) });
  console.log(`built ${deb.file}`);
}
