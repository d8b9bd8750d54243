import { readFileSync } from 'node:fs';
import type { IClientOptions, IPublishPacket, MqttClient } from 'mqtt';
import { CommandResponseSchema, fleetTopics, type CommandResponse, type FleetStatus, type FleetTelemetry } from '../../../contract/fleet';
import { lazyPackage } from '../../lazy-package';
import type { Logger } from '../../log';

let mqttModule: typeof import('mqtt') | null = null;
async function loadMqtt(): Promise<void> {
  mqttModule ??= lazyPackage(await import('mqtt'), 'connect');
}

/** The `fleet` config section (host/config.ts). */
export interface FleetLinkConfig {
  readonly brokerUrl: string | null;
  readonly username: string | null;
  readonly passwordFile: string | null;
  readonly caFile: string | null;
  readonly certFile: string | null;
  readonly keyFile: string | null;
  readonly keepaliveSec: number;
  readonly telemetryIntervalMs: number;
  /** Window of the first retry after a drop; null = derived from the telemetry interval (reconnectPolicy). */
  readonly reconnectMinMs: number | null;
  /** Cap of the doubling windows; null = twice the first window. */
  readonly reconnectMaxMs: number | null;
  readonly region: string;
}

/** Runs one signed command (RemoteCommandRunner.runOne): verified, at most once, audited. */
export interface FleetCommandPort {
  runOne(raw: unknown): Promise<{ commandId: string; outcome: CommandResponse['outcome']; detail: string }>;
}

export interface FleetLinkOptions {
  readonly config: FleetLinkConfig & { readonly brokerUrl: string };
  readonly kioskId: string;
  readonly servicePoint: string;
  readonly version: string;
  /** The health report, built from the same diagnostics snapshot as the heartbeat. */
  readonly telemetry: (reason: FleetTelemetry['reason']) => Promise<FleetTelemetry>;
  readonly commands: FleetCommandPort;
  readonly logger: Logger;
  /** Injectable for tests: jitter source in [0, 1). */
  readonly random?: () => number;
  readonly now?: () => Date;
  /** Changes arriving together make one telemetry message. */
  readonly debounceMs?: number;
}

/**
 * How much wider than the telemetry interval the first retry window is by default. After a broker restart every
 * kiosk sends one retained status when it is back: spread uniformly over a window W, N kiosks add N/W messages a
 * second to the steady N/T (T = telemetry interval; the periodic reports go on at their usual times, and one that
 * fell while a kiosk was away is not made up on connect). The broker's load is then (1 + T/W) times its steady load: W = T gives 2×, W = 2T gives
 * 1.5×, leaving room for the second-to-second noise of N random draws under the 2× bound (docs/fleet.md, "Sizing
 * the jitter").
 */
export const RECONNECT_WINDOW_PER_TELEMETRY_INTERVAL = 2;

/** How long stop() waits for the broker to acknowledge the `stopped` status before it closes anyway (ms). */
const STOP_PUBLISH_TIMEOUT_MS = 2000;

/** The first retry window and the cap of the doubling windows, from the config (null = derived). Pure. */
export function reconnectPolicy(c: Pick<FleetLinkConfig, 'telemetryIntervalMs' | 'reconnectMinMs' | 'reconnectMaxMs'>): { readonly minMs: number; readonly maxMs: number } {
  const minMs = c.reconnectMinMs ?? RECONNECT_WINDOW_PER_TELEMETRY_INTERVAL * c.telemetryIntervalMs;
  // A cap under the first window would shrink the spread after a long outage below the one of a short drop.
  return { minMs, maxMs: Math.max(minMs, c.reconnectMaxMs ?? 2 * minMs) };
}

/**
 * Expected broker load while N kiosks come back after a broker restart, as a multiple of the steady load:
 * 1 + T/W (see RECONNECT_WINDOW_PER_TELEMETRY_INTERVAL). Independent of N: a bigger fleet has a proportionally bigger
 * steady load. Pure.
 */
export function expectedReconnectLoad(telemetryIntervalMs: number, firstWindowMs: number): number {
  return 1 + telemetryIntervalMs / firstWindowMs;
}

/** Full-jitter exponential backoff: uniform in [0, min(max, min·2^attempt)], at least 100 ms. Pure. */
export function reconnectDelay(attempt: number, minMs: number, maxMs: number, random: number): number {
  const cap = Math.min(maxMs, minMs * 2 ** Math.min(attempt, 20));
  return Math.max(100, Math.round(random * cap));
}

/**
 * The kiosk's live session with the province's broker (MQTT 5). Never in a
 * resident's way: nothing here is awaited by a journey, telemetry is dropped
 * (not queued) while the broker is away, and reconnects are spread with
 * jitter so a town's kiosks do not return all at once after a broker restart.
 * Applications, evaluations and feedback stay on the durable outbox.
 */
export class FleetLink {
  private client: MqttClient | null = null;
  private stopping = false;
  private attempt = 0;
  private reconnectTimer: NodeJS.Timeout | null = null;
  private telemetryTimer: NodeJS.Timeout | null = null;
  private debounce: NodeJS.Timeout | null = null;
  private readonly topics: ReturnType<typeof fleetTopics>;
  private readonly random: () => number;
  private readonly now: () => Date;
  private readonly backoff: { readonly minMs: number; readonly maxMs: number };
  /** Connections made (first and every reconnect): for the dashboard and the tests. */
  connects = 0;
  /** True once the command subscription of the current connection is acknowledged (or kept by the broker). */
  subscribed = false;
  /** Connections on which the broker had kept our session, so no SUBSCRIBE was sent. */
  sessionResumes = 0;
  /** The command subscription was acknowledged at least once since start(): a kept session has it. */
  private subscriptionConfirmed = false;
  private lastTelemetryAt: number | null = null;
  private inbox: Promise<void> = Promise.resolve();
  private changedWhileAway = false;
  lastError: string | null = null;

  constructor(private readonly o: FleetLinkOptions) {
    this.topics = fleetTopics(o.kioskId);
    this.random = o.random ?? Math.random;
    this.now = o.now ?? (() => new Date());
    this.backoff = reconnectPolicy(o.config);
  }

  get connected(): boolean {
    return this.client?.connected ?? false;
  }

  start(): void {
    // mqtt is loaded on the first start, not when the host starts (docs/packaging.md "Start-up").
    if (!mqttModule) {
      this.stopping = false;
      void loadMqtt().then(
        () => {
          if (!this.stopping) this.start();
        },
        (e: unknown) => {
          this.lastError = (e as Error).message;
          this.o.logger.error({ err: this.lastError }, 'fleet link: the MQTT client could not be loaded');
        },
      );
      return;
    }
    const c = this.o.config;
    const password = c.passwordFile ? readFileSync(c.passwordFile, 'utf8').trim() : undefined;
    const will: FleetStatus = this.status('offline', 'lost');
    const options: IClientOptions = {
      protocolVersion: 5,
      clientId: `kiosk-${this.o.kioskId}`,
      username: c.username ?? this.o.kioskId,
      ...(password !== undefined ? { password } : {}),
      keepalive: c.keepaliveSec,
      clean: false,
      // The broker keeps our command subscription and queued commands for a week offline; message expiry drops the stale ones.
      properties: { sessionExpiryInterval: 7 * 86_400 },
      reconnectPeriod: 0, // we reconnect ourselves, with jitter
      resubscribe: false, // we subscribe ourselves, only when the broker did not keep the session
      connectTimeout: 10_000,
      queueQoSZero: false,
      // The will is retained (a console that starts later reads it) at QoS 0: Mosquitto, stopping, publishes every
      // connected kiosk's will, and at QoS 1 it also kept each one, unacknowledged, in the console's session and sent
      // the whole fleet's again in the first second after the restart (docs/fleet.md, "Last Wills at a broker restart").
      will: { topic: this.topics.status, payload: Buffer.from(JSON.stringify(will)), qos: 0, retain: true },
      ...(c.caFile ? { ca: readFileSync(c.caFile) } : {}),
      ...(c.certFile ? { cert: readFileSync(c.certFile) } : {}),
      ...(c.keyFile ? { key: readFileSync(c.keyFile) } : {}),
    };
    this.stopping = false;
    const client = mqttModule.connect(c.brokerUrl, options);
    this.client = client;
    client.on('connect', (connack) => void this.onConnect(connack.sessionPresent === true));
    // Commands run one after another, in the order the broker delivered them, each answered before the next starts.
    client.on('message', (topic, payload, packet) => {
      this.inbox = this.inbox.then(() => this.onMessage(topic, payload, packet)).catch((e: unknown) => this.o.logger.error({ err: e }, 'fleet command failed'));
    });
    client.on('error', (e) => {
      this.lastError = e.message;
      this.o.logger.warn({ err: e.message }, 'fleet broker error');
    });
    client.on('close', () => {
      this.subscribed = false;
      this.scheduleReconnect();
    });
    this.lastTelemetryAt = null;
    this.changedWhileAway = false;
    this.subscriptionConfirmed = false;
    // The periodic report starts at a random point of its interval: kiosks powered on together (a hall's power
    // restored) would otherwise report in the same second for ever after.
    this.schedulePeriodic(Math.round(this.random() * c.telemetryIntervalMs));
  }

  /** The next periodic report in `firstMs`, then one every telemetry interval. */
  private schedulePeriodic(firstMs: number): void {
    if (this.telemetryTimer) clearInterval(this.telemetryTimer); // clears a pending first tick too
    const firstTick = setTimeout(() => {
      if (this.stopping) return;
      void this.publishTelemetry('interval');
      this.telemetryTimer = setInterval(() => void this.publishTelemetry('interval'), this.o.config.telemetryIntervalMs);
      this.telemetryTimer.unref();
    }, firstMs);
    firstTick.unref();
    this.telemetryTimer = firstTick;
  }

  /** Publishes `offline` (retained) and closes the session cleanly. */
  async stop(): Promise<void> {
    this.stopping = true;
    for (const t of [this.reconnectTimer, this.debounce]) if (t) clearTimeout(t);
    if (this.telemetryTimer) clearInterval(this.telemetryTimer); // clears the first-tick timeout too
    this.reconnectTimer = this.debounce = this.telemetryTimer = null;
    const client = this.client;
    this.client = null;
    if (!client) return;
    let acked = false;
    if (client.connected) {
      // Bounded: a broker that went away in the same moment (its close not seen yet) never answers the PUBACK, and a
      // kiosk's shutdown must not wait on it. Unanswered, the broker's copy of the Last Will says `lost` instead.
      let timer: NodeJS.Timeout | undefined;
      const published = client.publishAsync(this.topics.status, JSON.stringify(this.status('offline', 'stopped')), { qos: 1, retain: true }).then(() => (acked = true));
      await Promise.race([published, new Promise<void>((r) => (timer = setTimeout(r, STOP_PUBLISH_TIMEOUT_MS)))]).catch(() => undefined);
      clearTimeout(timer);
    }
    await client.endAsync(!acked || !client.connected).catch(() => undefined);
  }

  /** A device or sync status changed: send telemetry soon (debounced). */
  noteChange(): void {
    if (this.stopping) return;
    if (!this.connected) {
      this.changedWhileAway = true; // sent on the next connect
      return;
    }
    if (this.debounce) return;
    this.debounce = setTimeout(() => {
      this.debounce = null;
      void this.publishTelemetry('change');
    }, this.o.debounceMs ?? 300);
    this.debounce.unref();
  }

  /** Test hook: drop the connection as a failing network would (no DISCONNECT, so the Last Will fires). */
  simulateNetworkLoss(): void {
    this.client?.stream.destroy();
  }

  /** Test hook: the kiosk dies (power cut, process killed): the connection ends without DISCONNECT and nothing reconnects. */
  simulatePowerLoss(): void {
    this.stopping = true;
    for (const t of [this.reconnectTimer, this.debounce]) if (t) clearTimeout(t);
    if (this.telemetryTimer) clearInterval(this.telemetryTimer);
    this.reconnectTimer = this.debounce = this.telemetryTimer = null;
    const client = this.client;
    this.client = null;
    client?.stream.destroy();
    client?.end(true);
  }

  private status(state: FleetStatus['state'], reason: FleetStatus['reason']): FleetStatus {
    return { state, reason, at: this.now().toISOString(), kioskId: this.o.kioskId, region: this.o.config.region, servicePoint: this.o.servicePoint, version: this.o.version };
  }

  /**
   * On every connect: the retained `online` status (the Last Will may have said `lost`). The command subscription
   * once per start and again only when the broker did not keep our session (a kept one still has it, and
   * re-subscribing 10,000 kiosks after a broker restart is load for nothing). Telemetry only when the console may
   * lack something: the first connect since start, or a device or sync change while away; otherwise the periodic
   * timer sends the next one at its usual time (within one interval).
   */
  private async onConnect(sessionPresent: boolean): Promise<void> {
    const client = this.client;
    if (!client) return;
    this.attempt = 0;
    this.connects++;
    this.lastError = null;
    this.o.logger.info({ broker: this.o.config.brokerUrl, connects: this.connects, sessionPresent }, 'fleet broker connected');
    try {
      await client.publishAsync(this.topics.status, JSON.stringify(this.status('online', 'connected')), { qos: 1, retain: true });
      if (sessionPresent && this.subscriptionConfirmed) this.sessionResumes++;
      else {
        await client.subscribeAsync(this.topics.commands, { qos: 1, nl: true });
        this.subscriptionConfirmed = true;
      }
      this.subscribed = client.connected;
    } catch (e) {
      this.o.logger.warn({ err: (e as Error).message }, 'fleet: status/subscribe failed');
    }
    // Not a report for each periodic one missed while away: the kiosks returning late after a broker restart would
    // add it on top of the reports of those already back, and the return would peak at 1 + 2T/W times the steady
    // load instead of 1 + T/W (reconnectPolicy). What changed while away is sent; the rest comes at its usual time.
    if (this.lastTelemetryAt === null || this.changedWhileAway) await this.publishTelemetry('connect');
  }

  private scheduleReconnect(): void {
    if (this.stopping || !this.client || this.reconnectTimer) return;
    const delay = reconnectDelay(this.attempt++, this.backoff.minMs, this.backoff.maxMs, this.random());
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = null;
      if (!this.stopping && this.client && !this.client.connected) this.client.reconnect();
    }, delay);
    this.reconnectTimer.unref();
  }

  /** Telemetry is QoS 0 and skipped while disconnected: the next connect sends a fresh one. */
  private async publishTelemetry(reason: FleetTelemetry['reason']): Promise<void> {
    const client = this.client;
    if (!client?.connected) return;
    try {
      const t = await this.o.telemetry(reason);
      if (!client.connected) return;
      client.publish(this.topics.telemetry, JSON.stringify(t), { qos: 0 });
      this.lastTelemetryAt = Date.now();
      this.changedWhileAway = false;
    } catch (e) {
      this.o.logger.error({ err: e }, 'fleet telemetry could not be built');
    }
  }

  private async onMessage(topic: string, payload: Buffer, packet: IPublishPacket): Promise<void> {
    if (!topic.startsWith(this.topics.command(''))) return;
    let raw: unknown;
    try {
      raw = JSON.parse(payload.toString('utf8'));
    } catch {
      raw = null;
    }
    const topicId = topic.slice(this.topics.command('').length);
    const r = raw !== null && typeof raw === 'object' && String((raw as { commandId?: unknown }).commandId) === topicId
      ? await this.o.commands.runOne(raw)
      : await this.o.commands.runOne({ malformed: true }).then((x) => ({ ...x, commandId: topicId }));
    const response: CommandResponse = CommandResponseSchema.parse({ commandId: r.commandId, kioskId: this.o.kioskId, outcome: r.outcome, detail: r.detail.slice(0, 500), at: this.now().toISOString() });
    // Answer only under our own topics (the ACL would drop anything else); the console listens on `ack`.
    const asked = packet.properties?.responseTopic;
    const responseTopic = asked && asked.startsWith(`${this.topics.ack}`) ? asked : this.topics.ack;
    const correlationData = packet.properties?.correlationData;
    this.client?.publish(responseTopic, JSON.stringify(response), { qos: 1, properties: { ...(correlationData ? { correlationData } : {}), contentType: 'application/json' } });
  }
}
