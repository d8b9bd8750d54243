/**
 * One process of fleet-scale's simulated kiosks (forked by fleet-scale.bench.ts): each kiosk is the real FleetLink
 * (MQTT.js, persistent session, the product's own reconnect policy — reconnectMinMs/MaxMs left to their defaults,
 * derived from the telemetry interval) with a cheap telemetry source and the real command check.
 *
 * Parent → child (IPC): {type:'start', …}, {type:'paper-out', ids}, {type:'stop'}.
 * Child → parent: {type:'stats', …} once a second; {type:'paper-out-sent', at: {id: ms}}; {type:'stopped'}.
 */
import pino from 'pino';
import { ok } from '../../contract';
import type { FleetTelemetry } from '../../contract/fleet';
import { FleetLink } from '../../host/operations/fleet-link/fleet-link';
import { checkCommand } from '../../host/operations/remote-commands';
import { telemetry } from '../integration/fleet/fleet-harness';

export interface StartMessage {
  readonly type: 'start';
  readonly brokerUrl: string;
  /** Kiosk numbers [from, to). */
  readonly from: number;
  readonly to: number;
  readonly telemetryIntervalMs: number;
  readonly platformKeyBase64: string;
  readonly regions: readonly string[];
}

export interface StatsMessage {
  readonly type: 'stats';
  readonly subscribed: number;
  readonly connects: number;
  readonly sessionResumes: number;
  readonly refused: number;
  /** Messages these kiosks sent (status on each connect + telemetry), by epoch second, since the last stats. */
  readonly sentPerSecond: Record<string, number>;
  readonly connectsPerSecond: Record<string, number>;
}

export const kioskId = (i: number) => `SX-B${String(i).padStart(6, '0')}`;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
// The link logs each connect as it happens (FleetLink.onConnect, just before its retained status goes out): counted
// there, in its second, rather than by polling the links' counters, which a busy process would bunch.
const logger = pino(
  { level: 'info' },
  {
    write(line: string) {
      if (line.includes('"msg":"fleet broker connected"')) {
        bump(connectsAt);
        bump(sent); // its retained online status
      }
    },
  },
);
const links = new Map<string, FleetLink>();
const paper = new Map<string, 'ok' | 'end'>();
const paperSent = new Map<string, number>();
let sent: Record<string, number> = {};
let connectsAt: Record<string, number> = {};
let refused = 0;
const bump = (m: Record<string, number>) => {
  const s = String(Math.floor(Date.now() / 1000));
  m[s] = (m[s] ?? 0) + 1;
};
const send = (m: unknown) => process.send?.(m);

async function start(m: StartMessage): Promise<void> {
  for (let i = m.from; i < m.to; i++) {
    const id = kioskId(i);
    const region = m.regions[i % m.regions.length]!;
    const servicePoint = `${region}第${(i % 40) + 1}便民服务中心`;
    const base = { ...telemetry(id), region, servicePoint };
    const broken = { ...telemetry(id, 'end'), region, servicePoint };
    paper.set(id, 'ok');
    const link = new FleetLink({
      config: { brokerUrl: m.brokerUrl, username: id, passwordFile: null, caFile: null, certFile: null, keyFile: null, keepaliveSec: 60, telemetryIntervalMs: m.telemetryIntervalMs, reconnectMinMs: null, reconnectMaxMs: null, region },
      kioskId: id,
      servicePoint,
      version: '0.1.0',
      telemetry: (reason) => {
        bump(sent); // called once per report, just before it is published
        const out: FleetTelemetry = { ...(paper.get(id) === 'end' ? broken : base), sentAt: new Date().toISOString(), reason };
        if (paper.get(id) === 'end' && !paperSent.has(id)) paperSent.set(id, Date.parse(out.sentAt));
        return Promise.resolve(out);
      },
      commands: {
        runOne: (raw) => {
          const c = checkCommand(raw, id, m.platformKeyBase64, new Date());
          const commandId = String((raw as { commandId?: unknown }).commandId ?? '');
          if (!c.ok) refused++;
          return Promise.resolve(c.ok ? { commandId, outcome: 'done' as const, detail: ok('restarted').value } : { commandId, outcome: 'refused' as const, detail: c.reason });
        },
      },
      logger,
      debounceMs: 0,
    });
    links.set(id, link);
    link.start();
    if (i % 200 === 199) await sleep(100); // a fleet powering up over a minute, not in one instant
  }
}

const stats = setInterval(() => {
  let subscribed = 0;
  let connects = 0;
  let sessionResumes = 0;
  for (const l of links.values()) {
    if (l.subscribed) subscribed++;
    connects += l.connects;
    sessionResumes += l.sessionResumes;
  }
  const s: StatsMessage = { type: 'stats', subscribed, connects, sessionResumes, refused, sentPerSecond: sent, connectsPerSecond: connectsAt };
  sent = {};
  connectsAt = {};
  send(s);
}, 1000);

process.on('message', (raw: unknown) => {
  const m = raw as { type: string } & Partial<StartMessage> & { ids?: string[] };
  if (m.type === 'start') void start(m as StartMessage);
  else if (m.type === 'paper-out') {
    for (const id of m.ids ?? []) {
      paper.set(id, 'end');
      links.get(id)?.noteChange();
    }
    void sleep(2000).then(() => send({ type: 'paper-out-sent', at: Object.fromEntries([...paperSent].filter(([id]) => m.ids?.includes(id))) }));
  } else if (m.type === 'stop') {
    clearInterval(stats);
    void Promise.all([...links.values()].map((l) => l.stop())).then(() => {
      send({ type: 'stopped' });
      setTimeout(() => process.exit(0), 100);
    });
  }
});
