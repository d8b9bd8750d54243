/**
 * fleet-scale: N simulated kiosks (default 10,000; FLEET_SCALE_KIOSKS) — each
 * the real FleetLink (MQTT.js, jittered reconnect) with a cheap telemetry
 * source and the real command check — in this one process, against one local
 * Mosquitto, and the real console (ConsoleBroker + FleetStore, SQLite).
 * Figures, each against a bare MQTT.js loop in the same run:
 *  - status-to-console p99 (publish → stored by the console) vs bare publish→receive p99
 *  - command round-trip p99 (sign → kiosk verifies → ack stored) vs bare request/echo p99
 *  - reconnect peak (busiest second of messages after a broker restart) vs steady state
 *  - broker CPU (cores) in steady state and during the reconnect
 *  - console page for N kiosks interactive (Chromium) vs a bare page fetching the same JSON
 */
import { readFileSync, writeFileSync } from 'node:fs';
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
  const broker = await startMosquitto({ anonymous: true, acl: 'pattern readwrite #\n', extra: ['max_queued_messages 100'] });
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
      config: { brokerUrl: broker.url, username: id, passwordFile: null, caFile: null, certFile: null, keyFile: null, keepaliveSec: 60, telemetryIntervalMs: TELEMETRY_MS, reconnectMinMs: 20_000, reconnectMaxMs: 120_000, region },
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

  // Steady state: every kiosk sends telemetry every 20 s (its timer) — measure the console's message rate and broker CPU.
  await sleep(TELEMETRY_MS + 2000);
  store.perSecond.clear();
  const cpu0 = cpuSeconds(broker.pid());
  const steadyStart = Date.now();
  await sleep(TELEMETRY_MS);
  const steadyCores = (cpuSeconds(broker.pid()) - cpu0) / ((Date.now() - steadyStart) / 1000);
  const steadyRates = [...store.perSecond.values()];
  const steadyRate = steadyRates.reduce((a, b) => a + b, 0) / Math.max(1, TELEMETRY_MS / 1000);

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

  // Broker restart: every kiosk reconnects with full jitter (reconnectMinMs 20 s = the telemetry interval here).
  store.perSecond.clear();
  const cpu1 = cpuSeconds(broker.pid());
  const restartAt = Date.now();
  await broker.restart(500);
  const cpuAfterStart = cpuSeconds(broker.pid());
  while (links.filter((l) => l.subscribed).length < connected && Date.now() - restartAt < 180_000) await sleep(500);
  const reconnectMs = Date.now() - restartAt;
  await sleep(2000);
  const reconnectCores = (cpuSeconds(broker.pid()) - cpuAfterStart) / ((Date.now() - restartAt) / 1000);
  void cpu1;
  const peak = Math.max(0, ...store.perSecond.values());
  emit(figure('reconnect peak vs steady (messages/s at the console)', peak, 'msg/s', steadyRate));
  emit(figure('reconnect: all kiosks back', reconnectMs, 'ms', null));
  emit(figure('broker CPU during reconnect vs steady', reconnectCores, 'cores', steadyCores));

  // The console page with N kiosks: time to interactive in Chromium vs a bare page fetching the same JSON.
  store.flush();
  const server = await startConsoleServer({ store, broker: desk });
  const barePage = path.join(tempDir('fleet-bench-page'), 'bare.html');
  writeFileSync(barePage, '');
  const browser = await chromium.launch({ executablePath: process.env['KIOSK_CHROMIUM'] ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  const page = await browser.newPage();
  const s1 = Date.now();
  await page.goto(server.url);
  await page.waitForFunction("document.body.dataset.ready === '1'", undefined, { timeout: 60_000 });
  await page.getByRole('button', { name: 'English' }).click();
  const consoleMs = Date.now() - s1;
  const s2 = Date.now();
  await page.goto(`${server.url}/api/fleet`);
  await page.evaluate('JSON.parse(document.body.innerText).kiosks.length');
  const bareMs = Date.now() - s2;
  emit(figure(`console page interactive with ${N} kiosks`, consoleMs, 'ms', bareMs));
  await browser.close();
  await server.close();

  for (const l of links) void l.stop();
  await sleep(1000);
  await desk.stop();
  await sub.endAsync();
  await pub.endAsync();
  await broker.stop();
  store.close();
}
