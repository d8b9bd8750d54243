import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { initRepo, packBundle, type RepoPaths } from '../../scripts/release-repo';

/**
 * A small kiosk bundle for update tests: the production bundle's layout
 * (package.json, app/start.mjs, app/doctor.mjs) with a host that writes the
 * run file and answers HTTP like the real one, and a doctor that asks it.
 * `broken` makes start.mjs exit before it is ready (a missing native module).
 */
export function testBundle(dir: string, version: string, kind: 'good' | 'broken' = 'good'): string {
  const root = path.join(dir, `bundle-${version}`);
  mkdirSync(path.join(root, 'app'), { recursive: true });
  writeFileSync(path.join(root, 'package.json'), JSON.stringify({ name: 'onething-kiosk', version, type: 'module' }));
  writeFileSync(
    path.join(root, 'app', 'start.mjs'),
    kind === 'broken'
      ? "console.error('Error: Cannot find module better-sqlite3'); process.exit(1);\n"
      : `import http from 'node:http';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
const dir = process.env.KIOSK_DATA_DIR;
const server = http.createServer((req, res) => { res.writeHead(200, { 'content-type': 'application/json' }); res.end(JSON.stringify({ ok: true, version: ${JSON.stringify(version)} })); });
server.listen(0, '127.0.0.1', () => {
  mkdirSync(path.join(dir, 'run'), { recursive: true });
  writeFileSync(path.join(dir, 'run', 'webshell.json'), JSON.stringify({ url: 'http://127.0.0.1:' + server.address().port, token: 't', maintenanceToken: 'm', pid: process.pid, kioskId: 'SX-TEST-0001', startedAt: new Date().toISOString() }));
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
`,
  );
  writeFileSync(
    path.join(root, 'app', 'doctor.mjs'),
    `import { readFileSync } from 'node:fs';
import path from 'node:path';
const run = JSON.parse(readFileSync(path.join(process.env.KIOSK_DATA_DIR, 'run', 'webshell.json'), 'utf8'));
try { const r = await fetch(run.url); const j = await r.json(); console.log('kiosk answers', j.version); process.exit(j.ok ? 0 : 1); }
catch (e) { console.error('kiosk does not answer', e.message); process.exit(2); }
`,
  );
  return packBundle(root, path.join(dir, `onething-kiosk-${version}.tar.gz`));
}

export interface ServedRepo extends RepoPaths {
  readonly url: string;
  readonly trustedRoot: string;
  /** Serve another folder from now on (an older copy, a tampered one). */
  serve(dir: string): void;
  /** A snapshot of the repository as it is now. */
  copy(): string;
  close(): Promise<void>;
}

/** A release repository made by the release tool, served over real HTTP on loopback. */
export async function servedRepo(work = mkdtempSync(path.join(os.tmpdir(), 'release-repo-'))): Promise<ServedRepo> {
  const p = { repo: path.join(work, 'repo'), keys: path.join(work, 'keys') };
  const trustedRoot = initRepo(p);
  let served = p.repo;
  let copies = 0;
  const server = http.createServer((req, res) => {
    const rel = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const file = path.join(served, path.normalize(rel));
    if (!file.startsWith(served)) return void res.writeHead(403).end();
    try {
      const body = readFileSync(file);
      res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': body.length });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    ...p,
    trustedRoot,
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    serve: (dir) => {
      served = dir;
    },
    copy: () => {
      const to = path.join(work, `copy-${++copies}`);
      cpSync(p.repo, to, { recursive: true });
      return to;
    },
    close: () =>
      new Promise((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
