/**
 * fleet-scale: N simulated kiosks (default 10,000; FLEET_SCALE_KIOSKS) against one local Mosquitto and the real
 * fleet console, each in its own process(es):
 *  - the kiosks are split over FLEET_SCALE_WORKERS forked processes (default: one per core). Each kiosk is the
 *    real FleetLink (MQTT.js) with the product's reconnect policy (test/bench/fleet-scale-kiosks.ts). MQTT.js
 *    clients are I/O bound: a process per core, not a thread per client;
 *  - the console is `fleet-console/main.ts` as an operator runs it (broker session, SQLite, its HTTP server);
 *  - this process starts the broker, reads the broker's $SYS counters and the console's SQLite file (read-only),
 *    drives the console over HTTP and Chromium, and runs the bare MQTT.js loops the figures are compared with.
 * Figures, each against a bare MQTT.js loop or page in the same run:
 *  - status-to-console p99 (a kiosk publishes a paper-out → the console process has it) vs bare publish→receive
 *  - command round-trip p99 (POST to the console → signed → kiosk verifies → ack → visible through the console's
 *    API) vs bare request/echo p99
 *  - reconnect peak: the broker's busiest second of PUBLISH traffic (in + out, from its $SYS counters) while the
 *    kiosks come back after a broker restart, vs its mean second in steady state; the same for what the kiosks
 *    send and what the console stores; kiosk connects per second; broker CPU in its busiest second vs steady
 *  - console page with N kiosks: time to interactive in Chromium vs a static page of the same size
 */
import { fork, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import mqtt from 'mqtt';
import { chromium } from '@playwright/test';
import { reconnectPolicy } from '../../host/operations/fleet-link/fleet-link';
import { platformKey, telemetry } from '../integration/fleet/fleet-harness';
import { startMosquitto } from '../support/mosquitto';
import { spawnTs, tempDir } from '../support/processes';
import { figure, percentile, type Emit } from './format';
import { kioskId, type StartMessage, type StatsMessage } from './fleet-scale-kiosks';

const N = Number(process.env['FLEET_SCALE_KIOSKS'] ?? 10_000);
const WORKERS = Math.max(1, Number(process.env['FLEET_SCALE_WORKERS'] ?? availableParallelism()));
const SAMPLE = 300;
const COMMANDS = 100;
const REGIONS = ['太原市', '大同市', '朔州市', '忻州市', '阳泉市', '吕梁市', '晋中市', '长治市', '晋城市', '临汾市', '运城市'];
/**
 * Telemetry every 20 s instead of the product's 5 min, so a run takes minutes; the kiosks' reconnect windows are
 * the product's defaults derived from it (reconnectPolicy: first window 2T = 40 s, cap 80 s).
 */
const TELEMETRY_MS = 20_000;
const PAGE_RUNS = 5;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const median = (xs: number[]) => percentile([...xs].sort((a, b) => a - b), 50);

function cpuSeconds(pid: number): number {
  const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(f[11]) + Number(f[12])) / 100; // utime + stime, clock ticks (100 Hz)
}

/** The kiosk processes: started, summed up once a second, told to report a paper-out or stop. */
function startKioskProcesses(brokerUrl: string, platformKeyBase64: string) {
  const entry = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fleet-scale-kiosks.ts');
  const latest = new Map<ChildProcess, StatsMessage>();
  const sent = new Map<number, number>();
  const connects = new Map<number, number>();
  const paperSent = new Map<string, number>();
  const children: ChildProcess[] = [];
  const per = Math.ceil(N / WORKERS);
  for (let w = 0; w < WORKERS; w++) {
    const child = fork(entry, [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    child.on('message', (raw) => {
      const m = raw as { type: string };
      if (m.type === 'stats') {
        const s = m as StatsMessage;
        latest.set(child, s);
        for (const [k, v] of Object.entries(s.sentPerSecond)) sent.set(Number(k), (sent.get(Number(k)) ?? 0) + v);
        for (const [k, v] of Object.entries(s.connectsPerSecond)) connects.set(Number(k), (connects.get(Number(k)) ?? 0) + v);
      } else if (m.type === 'paper-out-sent') {
        for (const [id, at] of Object.entries((m as unknown as { at: Record<string, number> }).at)) paperSent.set(id, at);
      }
    });
    const start: StartMessage = { type: 'start', brokerUrl, from: w * per, to: Math.min(N, (w + 1) * per), telemetryIntervalMs: TELEMETRY_MS, platformKeyBase64, regions: REGIONS };
    child.send(start);
    children.push(child);
  }
  const sum = (k: 'subscribed' | 'connects' | 'sessionResumes' | 'refused') => [...latest.values()].reduce((a, s) => a + s[k], 0);
  return {
    subscribed: () => sum('subscribed'),
    connects: () => sum('connects'),
    sessionResumes: () => sum('sessionResumes'),
    refused: () => sum('refused'),
    sent,
    connectsPerSecond: connects,
    paperSent,
    paperOut(ids: readonly string[]) {
      const byWorker = new Map<number, string[]>();
      for (const id of ids) {
        const w = Math.floor(Number(id.slice(4)) / per);
        byWorker.set(w, [...(byWorker.get(w) ?? []), id]);
      }
      for (const [w, list] of byWorker) children[w]!.send({ type: 'paper-out', ids: list });
    },
    async stop() {
      await Promise.all(
        children.map(
          (c) =>
            new Promise<void>((resolve) => {
              const t = setTimeout(() => {
                c.kill('SIGKILL');
                resolve();
              }, 30_000);
              c.once('exit', () => {
                clearTimeout(t);
                resolve();
              });
              c.send({ type: 'stop' });
            }),
        ),
      );
    },
  };
}

/** What the console has stored, from its SQLite file (read-only): every status and telemetry message raises seq. */
function watchConsoleStore(file: string) {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  const maxSeq = db.prepare('SELECT COALESCE(MAX(seq), 0) AS s FROM kiosks');
  const samples: { at: number; seq: number }[] = [];
  const timer = setInterval(() => samples.push({ at: Date.now(), seq: (maxSeq.get() as { s: number }).s }), 1000);
  return {
    db,
    /** Messages stored per second between consecutive samples in [from, to]. */
    window(from: number, to: number): { mean: number; peak: number } {
      const s = samples.filter((x) => x.at >= from && x.at <= to);
      const rates: number[] = [];
      for (let i = 1; i < s.length; i++) rates.push((s[i]!.seq - s[i - 1]!.seq) / ((s[i]!.at - s[i - 1]!.at) / 1000));
      return { mean: rates.reduce((a, b) => a + b, 0) / Math.max(1, rates.length), peak: Math.max(0, ...rates) };
    },
    /** The stored sequence at time t, interpolated between the samples around it. */
    seqAt(t: number): number {
      const i = samples.findIndex((x) => x.at >= t);
      if (i <= 0) return i === 0 ? samples[0]!.seq : samples[samples.length - 1]!.seq;
      const a = samples[i - 1]!;
      const b = samples[i]!;
      return a.seq + ((b.seq - a.seq) * (t - a.at)) / (b.at - a.at);
    },
    close() {
      clearInterval(timer);
      db.close();
    },
  };
}

async function api<T>(base: string, p: string, init?: RequestInit): Promise<{ status: number; body: T }> {
  const res = await fetch(base + p, init);
  return { status: res.status, body: (await res.json()) as T };
}

export default async function run(emit: Emit): Promise<void> {
  const broker = await startMosquitto({ anonymous: true, acl: 'topic read $SYS/#\npattern readwrite #\n', extra: ['sys_interval 1'] }); // the production queue (FLEET_BROKER_QUEUE)
  const sys = await watchBroker(broker.url, broker.pid);
  const key = platformKey();
  const dbFile = path.join(tempDir('fleet-bench'), 'fleet.sqlite');
  const consoleProcess = await spawnTs('fleet-console/main.ts', [], {
    // The restart grace: the kiosks' reconnect cap here (4T = 80 s) and 20 s more, as the production default is 4T + 5 min.
    env: { FLEET_BROKER_URL: broker.url, FLEET_USERNAME: 'fleet-console', FLEET_SIGNING_KEY: key.file, FLEET_DB: dbFile, FLEET_PORT: '0', FLEET_RESTART_GRACE_MS: String(4 * TELEMETRY_MS + 20_000) },
    readyLine: /^fleet console: (http\S+)/,
  });
  const consoleUrl = consoleProcess.match[1]!;
  const store = watchConsoleStore(dbFile);

  // Bare MQTT.js loop: one publisher, one subscriber, same payload size.
  const payload = JSON.stringify(telemetry('SX-BARE-0001'));
  const sub = await mqtt.connectAsync(broker.url, { protocolVersion: 5 });
  const pub = await mqtt.connectAsync(broker.url, { protocolVersion: 5 });
  const bare: number[] = [];
  sub.on('message', (t, p) => {
    if (t === 'bench/bare') bare.push(Date.now() - Number(p.subarray(0, 13).toString()));
    else if (t === 'bench/echo-req') void sub.publishAsync('bench/echo-res', p, { qos: 1 });
  });
  await sub.subscribeAsync(['bench/bare', 'bench/echo-req'], { qos: 1 });
  for (let i = 0; i < SAMPLE; i++) {
    pub.publish('bench/bare', `${Date.now()}${payload}`, { qos: 0 });
    await sleep(5);
  }
  await sleep(500);
  const echo: number[] = [];
  const pending = new Map<string, number>();
  pub.on('message', (_t, p) => {
    const s = pending.get(p.toString());
    if (s !== undefined) echo.push(Date.now() - s);
  });
  await pub.subscribeAsync('bench/echo-res', { qos: 1 });
  for (let i = 0; i < SAMPLE; i++) {
    pending.set(String(i), Date.now());
    await pub.publishAsync('bench/echo-req', String(i), { qos: 1 });
    await sleep(5);
  }
  await sleep(500);

  // N kiosks in WORKERS processes, each connecting in waves (a fleet powering up over a minute).
  const kiosks = startKioskProcesses(broker.url, key.publicBase64);
  const t0 = Date.now();
  while (kiosks.subscribed() < N && Date.now() - t0 < 300_000) await sleep(500);
  const connected = kiosks.subscribed();
  emit(figure(`kiosks connected (in ${WORKERS} processes)`, connected, 'kiosks', N));
  const droppedAt: Record<string, number> = { connect: sys.dropped() };

  // Steady state: every kiosk sends telemetry every 20 s (its timer, started at a random phase).
  await sleep(TELEMETRY_MS + 2000);
  const steadyStart = Date.now();
  await sleep(TELEMETRY_MS);
  const steady = sys.window(steadyStart, Date.now());
  const steadyConsole = store.window(steadyStart, Date.now());
  await sleep(1500); // the kiosks' last stats of the window
  const steadySent = perSecondIn(kiosks.sent, steadyStart, steadyStart + TELEMETRY_MS);
  droppedAt['steady'] = sys.dropped();

  // Status to console: SAMPLE kiosks report a paper-out, 10 ms apart; the console process's arrival time is in its samples.
  const paperIds = Array.from({ length: SAMPLE }, (_, i) => kioskId((i * 31) % N));
  const paperStart = Date.now();
  for (let i = 0; i < SAMPLE; i += 10) {
    kiosks.paperOut(paperIds.slice(i, i + 10));
    await sleep(100);
  }
  let visibleMs = NaN;
  while (Date.now() - paperStart < 30_000) {
    const s = await api<{ totals: { faults: number } }>(consoleUrl, '/api/summary?after=0');
    if (s.body.totals.faults >= SAMPLE) {
      visibleMs = Date.now() - paperStart;
      break;
    }
    await sleep(100);
  }
  while (kiosks.paperSent.size < SAMPLE && Date.now() - paperStart < 30_000) await sleep(200);
  const arrived = store.db.prepare("SELECT kiosk_id AS id, MIN(at) AS at FROM samples WHERE paper = 'end' GROUP BY kiosk_id").all() as { id: string; at: string }[];
  const lat = arrived.filter((r) => kiosks.paperSent.has(r.id)).map((r) => Date.parse(r.at) - kiosks.paperSent.get(r.id)!);
  emit(figure('status-to-console p99', percentile(lat.sort((a, b) => a - b), 99), 'ms', percentile([...bare].sort((a, b) => a - b), 99)));
  emit(figure(`paper-outs received by the console (of ${SAMPLE})`, lat.length, 'kiosks', SAMPLE));
  emit(figure(`all ${SAMPLE} paper-outs counted in the console's /api/summary, from the first report`, visibleMs, 'ms', null));

  // Command round-trip, as an operator's click: POST to the console → signed → kiosk verifies → ack visible in its API.
  const rtt: number[] = [];
  await Promise.all(
    Array.from({ length: COMMANDS }, async (_, i) => {
      await sleep(i * 20);
      const s = Date.now();
      const r = await api<{ commandId: string }>(consoleUrl, `/api/kiosks/${kioskId((i * 17) % N)}/commands`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ command: { kind: 'restart-ui' }, ttlSeconds: 600 }),
      });
      if (r.status !== 201) throw new Error(`the console refused a command: ${r.status} ${JSON.stringify(r.body)}`);
      while (Date.now() - s < 20_000) {
        const c = await api<{ outcome: string | null }>(consoleUrl, `/api/commands/${r.body.commandId}`);
        if (c.body.outcome === 'done') return void rtt.push(Date.now() - s);
        if (c.body.outcome) return;
        await sleep(20);
      }
    }),
  );
  emit(figure('command round-trip p99', percentile(rtt.sort((a, b) => a - b), 99), 'ms', percentile(echo.sort((a, b) => a - b), 99)));
  emit(figure('commands acknowledged within 20 s', rtt.length, 'commands', COMMANDS));

  // Broker restart: every kiosk reconnects with the product's jitter; the console resumes its session (no replay).
  await sleep(3000); // the commands' acks have settled
  droppedAt['commands'] = sys.dropped();
  const resumesBefore = kiosks.sessionResumes();
  const connectsBefore = kiosks.connects();
  const restartAt = Date.now();
  await broker.restart(500);
  sys.restarted();
  while ((kiosks.subscribed() < connected || kiosks.connects() - connectsBefore < connected) && Date.now() - restartAt < 600_000) await sleep(500);
  const reconnectMs = Date.now() - restartAt;
  await sleep(4000); // the last stats from the kiosks, and the console's last flush
  const back = sys.window(restartAt, Date.now());
  const backConsole = store.window(restartAt, Date.now());
  const backSent = perSecondIn(kiosks.sent, restartAt, restartAt + reconnectMs);
  const backConnects = perSecondIn(kiosks.connectsPerSecond, restartAt, restartAt + reconnectMs);
  const policy = reconnectPolicy({ telemetryIntervalMs: TELEMETRY_MS, reconnectMinMs: null, reconnectMaxMs: null });
  emit(figure('reconnect peak: broker PUBLISH in+out, busiest second vs steady mean', back.peakMessages, 'msg/s', steady.meanMessages));
  emit(figure('steady: broker PUBLISH in+out, busiest second vs mean', steady.peakMessages, 'msg/s', steady.meanMessages));
  emit(figure('reconnect peak: kiosks sending (status + telemetry), busiest second vs steady mean', backSent.peak, 'msg/s', steadySent.mean));
  emit(figure('steady: kiosks sending, busiest second vs mean', steadySent.peak, 'msg/s', steadySent.mean));
  emit(figure('reconnect peak stored by the console, busiest second vs steady mean', backConsole.peak, 'msg/s', steadyConsole.mean));
  emit(figure(`reconnect: kiosk connects, busiest second (uniform over the ${policy.minMs / 1000} s window: ${Math.round(N / (policy.minMs / 1000))}/s)`, backConnects.peak, 'connects/s', N / (policy.minMs / 1000)));
  emit(figure('reconnect: all kiosks back', reconnectMs, 'ms', policy.minMs));
  emit(figure('reconnect: kiosks that found their session kept', kiosks.sessionResumes() - resumesBefore, 'kiosks', connected));
  // A retained replay to the console would store ≈ N statuses more than the kiosks sent (± a second's traffic at the edges).
  const lo = Math.floor(restartAt / 1000);
  const hi = Math.floor((restartAt + reconnectMs) / 1000) + 2;
  let sentInReconnect = 0;
  for (let x = lo; x < hi; x++) sentInReconnect += kiosks.sent.get(x) ?? 0;
  emit(figure('reconnect: messages the console stored beyond what the kiosks sent (a retained replay adds ≈ N)', store.seqAt(hi * 1000) - store.seqAt(lo * 1000) - sentInReconnect, 'messages', N));
  droppedAt['reconnect'] = sys.dropped();
  // Every kiosk stayed alive: any shown offline/lost by the console since the restart was the broker's shutdown will.
  const shownLost = store.db.prepare("SELECT COUNT(DISTINCT kiosk_id) AS n FROM state_changes WHERE state = 'offline' AND at >= ?").get(new Date(restartAt).toISOString()) as { n: number };
  emit(figure('reconnect: kiosks the console showed lost (失联) after the restart, though all stayed alive', shownLost.n, 'kiosks', 0));
  let droppedBefore = 0;
  for (const [phase, n] of Object.entries(droppedAt)) {
    emit(figure(`broker: messages dropped (a client's queue full: max_queued_messages / max_queued_bytes), ${phase}`, n - droppedBefore, 'messages', null));
    droppedBefore = n;
  }
  emit(figure('broker CPU, busiest second of the reconnect vs steady mean', back.peakCores, 'cores', steady.meanCores));
  emit(figure('broker CPU, mean over the reconnect vs steady mean', back.meanCores, 'cores', steady.meanCores));

  // The console page with N kiosks: time to interactive in Chromium vs a static page of the same size, while the
  // kiosks keep reporting.
  const bytes = await pageBytes(consoleUrl);
  const staticPage = await serveStatic(staticHtml(bytes));
  const browser = await chromium.launch({ executablePath: process.env['KIOSK_CHROMIUM'] ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  const consoleRuns: number[] = [];
  const staticRuns: number[] = [];
  for (let i = 0; i <= PAGE_RUNS; i++) {
    const c = await timeToInteractive(browser, consoleUrl + '/', 'Province kiosk fleet console');
    const b = await timeToInteractive(browser, staticPage.url, 'Province kiosk fleet console');
    if (i > 0) {
      consoleRuns.push(c); // the first of each is a warm-up (Chromium's own start-up)
      staticRuns.push(b);
    }
  }
  emit(figure(`console page interactive with ${N} kiosks (median of ${PAGE_RUNS})`, median(consoleRuns), 'ms', median(staticRuns)));
  emit(figure(`console page interactive, slowest of ${PAGE_RUNS}`, Math.max(...consoleRuns), 'ms', Math.max(...staticRuns)));
  emit(figure('console page: bytes until interactive (static page the same size)', bytes, 'bytes', null));
  for (const p of ['/api/summary?after=0', '/api/kiosks?offset=0&limit=50&problems=1', '/api/kiosks?offset=0&limit=50']) {
    const times: number[] = [];
    for (let i = 0; i < 20; i++) {
      const s = performance.now();
      await (await fetch(consoleUrl + p)).arrayBuffer();
      times.push(performance.now() - s);
    }
    emit(figure(`console ${p.split('?')[0]}${p.includes('problems') ? ' (problems)' : ''}: median response`, median(times), 'ms', null));
  }
  await browser.close();
  await staticPage.close();

  await kiosks.stop();
  await consoleProcess.stop();
  store.close();
  await sys.stop();
  await sub.endAsync();
  await pub.endAsync();
  await broker.stop();
}

interface BrokerWindow {
  readonly meanMessages: number;
  readonly peakMessages: number;
  readonly meanCores: number;
  readonly peakCores: number;
}

/**
 * The broker's own counters: `$SYS/broker/publish/messages/{received,sent}` (sys_interval 1), and its CPU from
 * /proc each second. Per-second rates between consecutive samples; the counters restart with the broker.
 */
async function watchBroker(url: string, pid: () => number) {
  // Counters are paired with the broker's own clock ($SYS/broker/uptime, published in the same tick), so a late
  // event loop here cannot fold two of the broker's seconds into one of ours.
  const samples: { at: number; brokerS: number; epoch: number; total: number }[] = [];
  const cpu: { at: number; rate: number }[] = [];
  let current = { received: -1, sent: -1 };
  let epoch = 0;
  // Messages the broker dropped (a client's queue full, max_queued_messages), over the broker's restarts.
  let dropped = 0;
  let droppedBefore = 0;
  const client = await mqtt.connectAsync(url, { protocolVersion: 5, clientId: 'bench-sys', reconnectPeriod: 200 });
  client.on('message', (topic, payload) => {
    const v = parseInt(payload.toString(), 10);
    if (topic.endsWith('/uptime')) {
      if (current.received >= 0 && current.sent >= 0) samples.push({ at: Date.now(), brokerS: v, epoch, total: current.received + current.sent });
    } else if (topic.endsWith('/dropped')) dropped = v + droppedBefore;
    else if (topic.endsWith('/received')) current = { ...current, received: v };
    else current = { ...current, sent: v };
  });
  const subscribe = () => client.subscribeAsync(['$SYS/broker/uptime', '$SYS/broker/publish/messages/received', '$SYS/broker/publish/messages/sent', '$SYS/broker/publish/messages/dropped'], { qos: 0 });
  client.on('connect', () => void subscribe().catch(() => undefined));
  await subscribe();
  // Per process: a restarted broker is a new pid whose counters start at 0.
  let last = { at: Date.now(), cpu: cpuSeconds(pid()), pid: pid() };
  const timer = setInterval(() => {
    const now = Date.now();
    try {
      const p = pid();
      const c = cpuSeconds(p);
      if (last.pid === p) cpu.push({ at: now, rate: (c - last.cpu) / ((now - last.at) / 1000) });
      last = { at: now, cpu: c, pid: p };
    } catch {
      // the broker is restarting
    }
  }, 1000);
  return {
    restarted() {
      epoch++; // counters start again at 0: never take a difference across the restart
      current = { received: -1, sent: -1 };
      droppedBefore = dropped;
    },
    dropped: () => dropped,
    window(from: number, to: number): BrokerWindow {
      const s = samples.filter((x) => x.at >= from && x.at <= to);
      const rates: number[] = [];
      for (let i = 1; i < s.length; i++) {
        const a = s[i - 1]!;
        const b = s[i]!;
        if (a.epoch !== b.epoch || b.brokerS <= a.brokerS || b.total < a.total) continue;
        rates.push((b.total - a.total) / (b.brokerS - a.brokerS));
      }
      const c = cpu.filter((x) => x.at >= from && x.at <= to).map((x) => x.rate);
      const mean = (xs: number[]) => (xs.length ? xs.reduce((x, y) => x + y, 0) / xs.length : NaN);
      return { meanMessages: mean(rates), peakMessages: Math.max(...rates), meanCores: mean(c), peakCores: Math.max(...c) };
    },
    async stop() {
      clearInterval(timer);
      await client.endAsync(true);
    },
  };
}

function perSecondIn(perSecond: Map<number, number>, from: number, to: number): { mean: number; peak: number } {
  const lo = Math.ceil(from / 1000);
  const hi = Math.floor(to / 1000) - 1;
  const xs: number[] = [];
  for (let s = lo; s <= hi; s++) xs.push(perSecond.get(s) ?? 0);
  return { mean: xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length), peak: Math.max(0, ...xs) };
}

/** What the console page fetches before it is interactive: the page (with its first view: summary, two lists), script, style. */
async function pageBytes(base: string): Promise<number> {
  let n = 0;
  for (const p of ['/', '/console.js', '/console.css']) {
    n += (await (await fetch(base + p)).arrayBuffer()).byteLength;
  }
  return n;
}

/** A static page of `bytes` bytes with the same first interaction (a language button that retitles the page). */
function staticHtml(bytes: number): string {
  const head =
    '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>static</title></head><body><h1>全省自助终端运行监控</h1>' +
    '<button type="button" onclick="document.querySelector(\'h1\').textContent=\'Province kiosk fleet console\'">English</button><pre>';
  const tail = '</pre><script>document.body.dataset.ready = "1"</script></body></html>';
  const line = 'SX-B000000 太原市第1便民服务中心 online\n';
  let filler = '';
  while (Buffer.byteLength(head + filler + tail) + Buffer.byteLength(line) <= bytes) filler += line;
  return head + filler + tail;
}

async function serveStatic(html: string): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-cache' });
    res.end(html);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

/**
 * Navigation start → the page says it is ready (body[data-ready]) → a click on its language button has retitled it.
 * Locators, not evaluated strings: the console's content security policy forbids eval.
 */
async function timeToInteractive(browser: import('@playwright/test').Browser, url: string, title: string): Promise<number> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const s = Date.now();
  await page.goto(url);
  await page.locator('body[data-ready="1"]').waitFor({ state: 'attached', timeout: 60_000 });
  await page.getByRole('button', { name: 'English', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: title, exact: true }).waitFor({ timeout: 60_000 });
  const ms = Date.now() - s;
  await context.close();
  return ms;
}
