/**
 * fleet-scale: N simulated kiosks (default 10,000; FLEET_SCALE_KIOSKS) — each
 * the real FleetLink (MQTT.js, persistent session, jittered reconnect) with a
 * cheap telemetry source and the real command check — in this one process,
 * against one local Mosquitto, and the real console (ConsoleBroker with its
 * persistent session + FleetStore, SQLite).
 * Figures, each against a bare MQTT.js loop or page in the same run:
 *  - status-to-console p99 (publish → stored by the console) vs bare publish→receive p99
 *  - command round-trip p99 (sign → kiosk verifies → ack stored) vs bare request/echo p99
 *  - reconnect peak: the broker's busiest second of PUBLISH traffic (in + out, from its $SYS counters, one a
 *    second) while the kiosks come back after a broker restart, vs its mean second in steady state; the same at
 *    the console; kiosk connects per second; broker CPU in its busiest second vs steady
 *  - console page with N kiosks in the store: time to interactive in Chromium vs a static page of the same size
 */
import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import mqtt from 'mqtt';
import pino from 'pino';
import { chromium } from '@playwright/test';
import { ok } from '../../contract';
import type { FleetTelemetry } from '../../contract/fleet';
import { ConsoleBroker } from '../../fleet-console/broker-link';
import { startConsoleServer } from '../../fleet-console/server';
import { FleetStore } from '../../fleet-console/store';
import { FleetLink } from '../../host/operations/fleet-link/fleet-link';
import { checkCommand } from '../../host/operations/remote-commands';
import { platformKey, telemetry } from '../integration/fleet/fleet-harness';
import { startMosquitto } from '../support/mosquitto';
import { tempDir } from '../support/processes';
import { figure, percentile, type Emit } from './format';

const N = Number(process.env['FLEET_SCALE_KIOSKS'] ?? 10_000);
const SAMPLE = 300;
const COMMANDS = 100;
const REGIONS = ['太原市', '大同市', '朔州市', '忻州市', '阳泉市', '吕梁市', '晋中市', '长治市', '晋城市', '临汾市', '运城市'];
const TELEMETRY_MS = 20_000;
/**
 * The first retry after a drop is uniform in [0, RECONNECT_MIN_MS] (full jitter). Each returning kiosk sends one
 * retained status; to stay under 2× the steady load the window must be longer than the telemetry interval
 * (docs/fleet.md, "Reconnects"): here twice the interval, as a province sets `fleet.reconnectMinMs`.
 */
const RECONNECT_MIN_MS = 2 * TELEMETRY_MS;
const PAGE_RUNS = 5;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function cpuSeconds(pid: number): number {
  const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(f[11]) + Number(f[12])) / 100; // utime + stime, clock ticks (100 Hz)
}

class TimedStore extends FleetStore {
  latencies: number[] = [];
  received = 0;
  perSecond = new Map<number, number>();
  override noteTelemetry(t: FleetTelemetry, at: string): void {
    this.received++;
    const s = Math.floor(Date.now() / 1000);
    this.perSecond.set(s, (this.perSecond.get(s) ?? 0) + 1);
    if (t.heartbeatId.startsWith('ffffffff')) this.latencies.push(Date.now() - Date.parse(t.sentAt));
    super.noteTelemetry(t, at);
  }
}

export default async function run(emit: Emit): Promise<void> {
  const broker = await startMosquitto({ anonymous: true, acl: 'topic read $SYS/#\npattern readwrite #\n', extra: ['max_queued_messages 100', 'sys_interval 1'] });
  const sys = await watchBroker(broker.url, broker.pid);
  const key = platformKey();
  const store = new TimedStore(path.join(tempDir('fleet-bench'), 'fleet.sqlite'));
  const desk = new ConsoleBroker({ brokerUrl: broker.url, username: 'fleet-console', signingKeyFile: key.file, store, flushMs: 200 });
  await desk.start();
  const logger = pino({ level: 'silent' });

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

  // N kiosks, connected in waves (a fleet powering up over a minute, not in one instant).
  const links: FleetLink[] = [];
  const ids: string[] = [];
  for (let i = 0; i < N; i++) {
    const id = `SX-B${String(i).padStart(6, '0')}`;
    ids.push(id);
    const region = REGIONS[i % REGIONS.length]!;
    const base = { ...telemetry(id), region, servicePoint: `${region}第${(i % 40) + 1}便民服务中心` };
    const link = new FleetLink({
      config: { brokerUrl: broker.url, username: id, passwordFile: null, caFile: null, certFile: null, keyFile: null, keepaliveSec: 60, telemetryIntervalMs: TELEMETRY_MS, reconnectMinMs: RECONNECT_MIN_MS, reconnectMaxMs: 4 * RECONNECT_MIN_MS, region },
      kioskId: id,
      servicePoint: base.servicePoint,
      version: '0.1.0',
      telemetry: (reason) => Promise.resolve({ ...base, sentAt: new Date().toISOString(), reason }),
      commands: {
        runOne: (raw) => {
          const c = checkCommand(raw, id, key.publicBase64, new Date());
          const commandId = String((raw as { commandId?: unknown }).commandId ?? '');
          if (!c.ok) console.error(`bench kiosk ${id} refused ${commandId}: ${c.reason}`);
          return Promise.resolve(c.ok ? { commandId, outcome: 'done' as const, detail: ok('restarted').value } : { commandId, outcome: 'refused' as const, detail: c.reason });
        },
      },
      logger,
      debounceMs: 0,
    });
    links.push(link);
    link.start();
    if (i % 200 === 199) await sleep(100);
  }
  const t0 = Date.now();
  while (links.filter((l) => l.subscribed).length < N && Date.now() - t0 < 300_000) await sleep(500);
  const connected = links.filter((l) => l.subscribed).length;
  emit(figure('kiosks connected', connected, 'kiosks', N));

  // Steady state: every kiosk sends telemetry every 20 s (its timer, started at a random phase).
  await sleep(TELEMETRY_MS + 2000);
  store.perSecond.clear();
  const steadyStart = Date.now();
  await sleep(TELEMETRY_MS);
  const steady = sys.window(steadyStart, Date.now());
  const steadyConsole = perSecondIn(store.perSecond, steadyStart, Date.now());

  // Status to console: SAMPLE kiosks report a paper-out now.
  for (let i = 0; i < SAMPLE; i++) {
    const l = links[(i * 31) % N]!;
    const o = (l as unknown as { o: { telemetry: (r: string) => Promise<FleetTelemetry> } }).o;
    const orig = o.telemetry;
    o.telemetry = async (r) => ({ ...(await orig(r)), heartbeatId: `ffffffff-0000-7000-8000-${String(i).padStart(12, '0')}` });
    l.noteChange();
    await sleep(10);
  }
  await sleep(1500);
  store.flush();
  const lat = [...store.latencies].sort((a, b) => a - b);
  emit(figure('status-to-console p99', percentile(lat, 99), 'ms', percentile([...bare].sort((a, b) => a - b), 99)));

  // Command round-trip: signed by the console, verified by the kiosk, ack stored.
  const rtt: number[] = [];
  await Promise.all(
    Array.from({ length: COMMANDS }, async (_, i) => {
      await sleep(i * 20);
      const s = Date.now();
      const c = await desk.send(ids[(i * 17) % N]!, { kind: 'restart-ui' }, 600);
      const outcome = await desk.waitForAck(c.commandId, 20_000).catch(() => 'lost');
      if (outcome === 'done') rtt.push(Date.now() - s);
    }),
  );
  emit(figure('command round-trip p99', percentile(rtt.sort((a, b) => a - b), 99), 'ms', percentile(echo.sort((a, b) => a - b), 99)));
  emit(figure('commands acknowledged within 20 s', rtt.length, 'commands', COMMANDS));

  // Broker restart: every kiosk reconnects with full jitter; the console resumes its session (no retained replay).
  await sleep(3000); // the commands' acks have settled
  store.perSecond.clear();
  const replaysBefore = desk.statusReplays;
  const connectsBefore = links.reduce((a, l) => a + l.connects, 0);
  const resumesBefore = links.reduce((a, l) => a + l.sessionResumes, 0);
  const restartAt = Date.now();
  await broker.restart(500);
  sys.restarted();
  const connectsPerSecond: number[] = [];
  let lastConnects = { n: connectsBefore, at: Date.now() };
  while (links.filter((l) => l.subscribed).length < connected && Date.now() - restartAt < 300_000) {
    await sleep(1000);
    const c = { n: links.reduce((a, l) => a + l.connects, 0), at: Date.now() };
    connectsPerSecond.push((c.n - lastConnects.n) / ((c.at - lastConnects.at) / 1000));
    lastConnects = c;
  }
  const reconnectMs = Date.now() - restartAt;
  await sleep(2000);
  const back = sys.window(restartAt, Date.now());
  const backConsole = perSecondIn(store.perSecond, restartAt, Date.now());
  emit(figure('reconnect peak: broker PUBLISH in+out, busiest second vs steady mean', back.peakMessages, 'msg/s', steady.meanMessages));
  emit(figure('steady: broker PUBLISH in+out, busiest second vs mean', steady.peakMessages, 'msg/s', steady.meanMessages));
  emit(figure('reconnect peak at the console, busiest second vs steady mean', backConsole.peak, 'msg/s', steadyConsole.mean));
  emit(figure('reconnect: kiosk connects, busiest second', Math.max(0, ...connectsPerSecond), 'connects/s', null));
  emit(figure('reconnect: all kiosks back', reconnectMs, 'ms', null));
  emit(figure('reconnect: kiosks that found their session kept', links.reduce((a, l) => a + l.sessionResumes, 0) - resumesBefore, 'kiosks', connected));
  emit(figure('reconnect: retained-status replays to the console', desk.statusReplays - replaysBefore, 'replays', null));
  emit(figure('broker CPU, busiest second of the reconnect vs steady mean', back.peakCores, 'cores', steady.meanCores));
  emit(figure('broker CPU, mean over the reconnect vs steady mean', back.meanCores, 'cores', steady.meanCores));

  // The console page with N kiosks in its store: time to interactive in Chromium vs a static page of the same size.
  store.flush();
  const server = await startConsoleServer({ store, broker: desk });
  const bytes = await pageBytes(server.url);
  const staticPage = await serveStatic(staticHtml(bytes));
  const browser = await chromium.launch({ executablePath: process.env['KIOSK_CHROMIUM'] ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  const consoleRuns: number[] = [];
  const staticRuns: number[] = [];
  for (let i = 0; i <= PAGE_RUNS; i++) {
    const c = await timeToInteractive(browser, server.url, "document.body.dataset.ready === '1'", 'English', 'Province kiosk fleet console');
    const b = await timeToInteractive(browser, staticPage.url, "document.body.dataset.ready === '1'", 'English', 'Province kiosk fleet console');
    if (i > 0) {
      consoleRuns.push(c); // the first of each is a warm-up (Chromium's own start-up)
      staticRuns.push(b);
    }
  }
  const median = (xs: number[]) => percentile([...xs].sort((a, b) => a - b), 50);
  emit(figure(`console page interactive with ${N} kiosks (median of ${PAGE_RUNS})`, median(consoleRuns), 'ms', median(staticRuns)));
  emit(figure('console page: bytes until interactive (static page the same size)', bytes, 'bytes', null));
  await browser.close();
  await staticPage.close();
  await server.close();

  for (const l of links) void l.stop();
  await sleep(1000);
  await desk.stop();
  await sys.stop();
  await sub.endAsync();
  await pub.endAsync();
  await broker.stop();
  store.close();
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
  const client = await mqtt.connectAsync(url, { protocolVersion: 5, clientId: 'bench-sys', reconnectPeriod: 200 });
  client.on('message', (topic, payload) => {
    const v = parseInt(payload.toString(), 10);
    if (topic.endsWith('/uptime')) {
      if (current.received >= 0 && current.sent >= 0) samples.push({ at: Date.now(), brokerS: v, epoch, total: current.received + current.sent });
    } else if (topic.endsWith('/received')) current = { ...current, received: v };
    else current = { ...current, sent: v };
  });
  const subscribe = () => client.subscribeAsync(['$SYS/broker/uptime', '$SYS/broker/publish/messages/received', '$SYS/broker/publish/messages/sent'], { qos: 0 });
  client.on('connect', () => void subscribe().catch(() => undefined));
  await subscribe();
  let last = { at: Date.now(), cpu: cpuSeconds(pid()), epoch };
  const timer = setInterval(() => {
    const now = Date.now();
    try {
      const c = cpuSeconds(pid());
      if (last.epoch === epoch) cpu.push({ at: now, rate: (c - last.cpu) / ((now - last.at) / 1000) });
      last = { at: now, cpu: c, epoch };
    } catch {
      // the broker is restarting
    }
  }, 1000);
  return {
    restarted() {
      epoch++; // counters start again at 0: never take a difference across the restart
      current = { received: -1, sent: -1 };
    },
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

/** What the console page fetches before it is interactive: the page, its script and style, the summary and two lists. */
async function pageBytes(base: string): Promise<number> {
  let n = 0;
  for (const p of ['/', '/console.js', '/console.css', '/api/summary?after=0', '/api/kiosks?offset=0&limit=50&problems=1', '/api/kiosks?offset=0&limit=50', '/api/rollouts']) {
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

/** Navigation start → the page says it is ready → a click on its language button has retitled it. */
async function timeToInteractive(browser: import('@playwright/test').Browser, url: string, ready: string, button: string, title: string): Promise<number> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const s = Date.now();
  await page.goto(url);
  await page.waitForFunction(ready, undefined, { timeout: 60_000, polling: 'raf' });
  await page.getByRole('button', { name: button, exact: true }).click();
  await page.waitForFunction(`document.querySelector('h1')?.textContent === ${JSON.stringify(title)}`, undefined, { timeout: 60_000, polling: 'raf' });
  const ms = Date.now() - s;
  await context.close();
  return ms;
}
