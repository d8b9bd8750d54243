/**
 * `npm run doctor [-- --json] [-- --data-dir DIR]`: the maintenance dashboard
 * in a terminal, for SSH maintenance and the systemd health check. Talks to
 * the running kiosk through `<dataDir>/run/webshell.json`.
 * Exit: 0 healthy (warnings allowed) · 1 something is broken (named; also a salvage of a damaged
 * database in progress, which a restart would only start over) · 2 the kiosk cannot be reached.
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DiagnosticsSchema, type Diagnostics } from '../contract';
import { ConfigError, loadConfig } from '../host/config';
import { readRunFile, runFilePath } from '../host/run-file';
import { formatDiagnostics } from '../host/operations/diagnostics/format-text';

const { values } = parseArgs({
  options: {
    json: { type: 'boolean', default: false },
    'data-dir': { type: 'string' },
    timeout: { type: 'string', default: '10000' },
  },
});

function fail(code: number, message: string): never {
  if (values.json) console.log(JSON.stringify({ ok: false, error: message }));
  console.error(`doctor: ${message}`);
  process.exit(code);
}

let dataDir: string;
try {
  dataDir = values['data-dir'] ?? loadConfig().dataDir;
} catch (e) {
  fail(2, e instanceof ConfigError ? e.message : String(e));
}

/** A salvage of a damaged store in progress (the fresh file grows as rows are copied): a restart would only start it over. */
function salvaging(): string | null {
  const tmp = path.join(dataDir, 'kiosk.db.salvage');
  try {
    const age = Date.now() - statSync(tmp).mtimeMs;
    return age < 10 * 60_000 ? `DB-SALVAGING: the kiosk is salvaging a damaged database (${tmp}, written ${Math.round(age / 1000)} s ago); do not restart it` : null;
  } catch {
    return null;
  }
}

function unreachable(message: string): never {
  const busy = salvaging();
  fail(busy ? 1 : 2, busy ?? message);
}

let run;
try {
  run = readRunFile(dataDir);
} catch {
  unreachable(`KIOSK-NOT-RUNNING: no kiosk is running with data dir ${dataDir} (${runFilePath(dataDir)} missing or unreadable)`);
}

let diagnostics: Diagnostics;
try {
  const res = await fetch(`${run.url}/api/maintenance.diagnostics`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${run.token}` },
    body: JSON.stringify({ token: run.maintenanceToken }),
    signal: AbortSignal.timeout(Number(values.timeout)),
  });
  const body = (await res.json()) as { ok: boolean; value?: unknown; code?: string; message?: string };
  if (!body.ok) fail(2, `KIOSK-REFUSED: the kiosk at ${run.url} answered ${body.code}: ${body.message}`);
  diagnostics = DiagnosticsSchema.parse(body.value);
} catch (e) {
  unreachable(`KIOSK-NOT-ANSWERING: the kiosk at ${run.url} (pid ${run.pid}) did not answer: ${(e as Error).message}`);
}

const broken = diagnostics.findings.filter((f) => f.level === 'fault');
if (values.json) {
  console.log(JSON.stringify(diagnostics, null, 2));
} else {
  console.log(formatDiagnostics(diagnostics));
}
if (broken.length) {
  console.error(`doctor: BROKEN: ${broken.map((f) => `${f.code} (${f.problem['zh-CN']})`).join('; ')}`);
  process.exit(1);
}
