/**
 * `npm run doctor [-- --json] [-- --data-dir DIR]`: the maintenance dashboard
 * in a terminal, for SSH maintenance and the systemd health check. Talks to
 * the running kiosk through `<dataDir>/run/webshell.json`.
 * Exit: 0 healthy (warnings allowed) · 1 something is broken (named) · 2 the kiosk cannot be reached.
 */
import { parseArgs } from 'node:util';
import { DiagnosticsSchema, type Diagnostics } from '../contract';
import { ConfigError, loadConfig } from '../host/config';
import { readRunFile, runFilePath } from '../host/run-file';
import { formatDiagnostics } from '../host/services/diagnostics/format-text';

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

let run;
try {
  run = readRunFile(dataDir);
} catch {
  fail(2, `KIOSK-NOT-RUNNING: no kiosk is running with data dir ${dataDir} (${runFilePath(dataDir)} missing or unreadable)`);
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
  fail(2, `KIOSK-NOT-ANSWERING: the kiosk at ${run.url} (pid ${run.pid}) did not answer: ${(e as Error).message}`);
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
