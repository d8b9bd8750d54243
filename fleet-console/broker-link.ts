import { createPrivateKey, sign, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import mqtt, { type MqttClient } from 'mqtt';
import { v7 as uuidv7 } from 'uuid';
import { CommandResponseSchema, FLEET_TOPIC_ROOT, FleetStatusSchema, FleetTelemetrySchema, fleetTopics, parseFleetTopic } from '../contract/fleet';
import { commandSigningString, type KioskCommand, type KioskCommandBody } from '../contract/platform';
import type { FleetStore } from './store';

export interface ConsoleBrokerOptions {
  readonly brokerUrl: string;
  readonly username: string;
  readonly password?: string;
  readonly caFile?: string;
  /** The platform's Ed25519 command key as a JWK file (the platform simulator's `platform-key.json`). */
  readonly signingKeyFile: string;
  readonly store: FleetStore;
  readonly flushMs?: number;
  /**
   * The console's MQTT client id: fixed, so the broker keeps its session (subscriptions and the status changes it
   * missed) across a broker restart or a network cut. Default `fleet-console-{username}`; two consoles on one
   * broker need two ids.
   */
  readonly clientId?: string;
  /** How long the broker keeps the console's session while it is away (s). Default one day. */
  readonly sessionExpirySec?: number;
  /**
   * After an outage longer than this (ms) the console asks again for every retained status: the broker queues only
   * so many messages per session (`max_queued_messages`), so a long absence may have lost some. Default 60 s.
   */
  readonly resyncAfterMs?: number;
  readonly now?: () => Date;
  readonly log?: (line: string) => void;
}

/** Loads the platform's command-signing key; kiosks pin its public half. */
export function loadSigningKey(file: string): KeyObject {
  return createPrivateKey({ key: JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>, format: 'jwk' });
}

/** A signed command, exactly as the platform signs heartbeat-reply commands (`commandSigningString`). */
export function signCommand(key: KeyObject, kioskId: string, command: KioskCommandBody, now: Date, ttlSeconds: number): KioskCommand {
  const unsigned = {
    commandId: uuidv7({ msecs: now.getTime() }),
    kioskId,
    issuedAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + ttlSeconds * 1000).toISOString(),
    command,
  };
  return { ...unsigned, signature: sign(null, Buffer.from(commandSigningString(unsigned), 'utf8'), key).toString('base64') };
}

/**
 * The console's session with the broker: every kiosk's retained status,
 * telemetry and acks go to the store; commands go out signed, QoS 1, with
 * response topic, correlation data and message expiry.
 */
export class ConsoleBroker {
  private client: MqttClient | null = null;
  private flushTimer: NodeJS.Timeout | null = null;
  private readonly key: KeyObject;
  private readonly now: () => Date;
  /** Messages dropped as malformed (wrong shape, or a kiosk id that does not match its topic). */
  rejected = 0;
  received = 0;
  private readonly ackWaiters = new Map<string, (outcome: string) => void>();

  constructor(private readonly o: ConsoleBrokerOptions) {
    this.key = loadSigningKey(o.signingKeyFile);
    this.now = o.now ?? (() => new Date());
  }

  get connected(): boolean {
    return this.client?.connected ?? false;
  }

  /** Subscriptions made on a new session, and full resyncs after long outages: each replays every retained status. */
  statusReplays = 0;
  /** Connections that found their session kept by the broker (no resubscribe, no replay). */
  sessionResumes = 0;
  private disconnectedAt: number | null = null;

  async start(): Promise<void> {
    const client = mqtt.connect(this.o.brokerUrl, {
      protocolVersion: 5,
      clientId: this.o.clientId ?? `fleet-console-${this.o.username}`,
      username: this.o.username,
      ...(this.o.password ? { password: this.o.password } : {}),
      ...(this.o.caFile ? { ca: readFileSync(this.o.caFile) } : {}),
      // Always resume: Mosquitto does not keep a session begun with clean start across its own restart. A new
      // process still takes every retained status once (onSession), its snapshot on top of its SQLite history.
      clean: false,
      properties: { sessionExpiryInterval: this.o.sessionExpirySec ?? 86_400 },
      resubscribe: false, // subscriptions are ours to manage (below), never replayed behind our back
      reconnectPeriod: 1000,
      keepalive: 30,
    });
    this.client = client;
    client.on('message', (topic, payload) => this.onMessage(topic, payload));
    client.on('error', (e) => this.o.log?.(`broker: ${e.message}`));
    client.on('close', () => {
      this.disconnectedAt ??= Date.now();
    });
    const first = new Promise<void>((resolve, reject) => {
      client.once('connect', () => resolve());
      client.once('error', reject);
    });
    let ready: Promise<void> = Promise.resolve();
    let firstConnect = true;
    client.on('connect', (connack) => {
      const away = firstConnect ? Infinity : this.disconnectedAt === null ? 0 : Date.now() - this.disconnectedAt;
      firstConnect = false;
      this.disconnectedAt = null;
      ready = this.onSession(client, connack.sessionPresent, away);
    });
    await first;
    await ready;
    this.flushTimer = setInterval(() => this.o.store.flush(), this.o.flushMs ?? 200);
  }

  /**
   * A kept session needs nothing: its subscriptions are on the broker and the messages it missed follow.
   * A new session (first start, or a broker that lost it) subscribes, and the broker sends every retained status
   * once (retain handling 1: only for a subscription that did not exist). On a process's first connect, and after
   * a long outage, the status topic is subscribed again with retain handling 0, which replays the retained
   * statuses though the session was kept (what the broker queued for us may have been cut at its limit).
   */
  private async onSession(client: MqttClient, sessionPresent: boolean, awayMs: number): Promise<void> {
    const topics = [`${FLEET_TOPIC_ROOT}/+/status`, `${FLEET_TOPIC_ROOT}/+/telemetry`, `${FLEET_TOPIC_ROOT}/+/ack`];
    try {
      if (!sessionPresent) {
        this.statusReplays++;
        await client.subscribeAsync(topics, { qos: 1, rh: 1 });
      } else if (awayMs > (this.o.resyncAfterMs ?? 60_000)) {
        this.statusReplays++;
        this.sessionResumes++;
        await client.subscribeAsync(topics[0]!, { qos: 1, rh: 0 });
      } else {
        this.sessionResumes++;
      }
    } catch (e) {
      this.o.log?.(`subscribe failed: ${(e as Error).message}`);
    }
  }

  async stop(): Promise<void> {
    if (this.flushTimer) clearInterval(this.flushTimer);
    this.o.store.flush();
    await this.client?.endAsync();
    this.client = null;
  }

  /** Signs, records and publishes one command; the ack arrives on `kiosk/v1/{id}/ack`. */
  async send(kioskId: string, command: KioskCommandBody, ttlSeconds = 3600): Promise<KioskCommand> {
    if (!this.client) throw new Error('console broker not started');
    const signed = signCommand(this.key, kioskId, command, this.now(), ttlSeconds);
    this.o.store.recordCommand(signed);
    const topics = fleetTopics(kioskId);
    await this.client.publishAsync(topics.command(signed.commandId), JSON.stringify(signed), {
      qos: 1,
      properties: { responseTopic: topics.ack, correlationData: Buffer.from(signed.commandId), messageExpiryInterval: ttlSeconds, contentType: 'application/json' },
    });
    return signed;
  }

  /** Resolves with the outcome when the kiosk answers (for the benchmark and scripts). */
  waitForAck(commandId: string, timeoutMs = 30_000): Promise<string> {
    // The ack may have arrived before the publish was acknowledged to us.
    const known = this.o.store.command(commandId)?.outcome;
    if (known) return Promise.resolve(known);
    return new Promise((resolve, reject) => {
      const t = setTimeout(() => {
        this.ackWaiters.delete(commandId);
        reject(new Error(`no ack for ${commandId} in ${timeoutMs} ms`));
      }, timeoutMs);
      this.ackWaiters.set(commandId, (outcome) => {
        clearTimeout(t);
        resolve(outcome);
      });
    });
  }

  private onMessage(topic: string, payload: Buffer): void {
    const where = parseFleetTopic(topic);
    if (!where || payload.length === 0) return;
    this.received++;
    let json: unknown;
    try {
      json = JSON.parse(payload.toString('utf8'));
    } catch {
      this.rejected++;
      return;
    }
    const at = this.now().toISOString();
    // A kiosk id inside the message must match the topic the broker's ACL tied to the sender.
    if (where.leaf === 'status') {
      const s = FleetStatusSchema.safeParse(json);
      if (!s.success || s.data.kioskId !== where.kioskId) return void this.rejected++;
      this.o.store.noteStatus(s.data, at);
    } else if (where.leaf === 'telemetry') {
      const t = FleetTelemetrySchema.safeParse(json);
      if (!t.success || t.data.kioskId !== where.kioskId) return void this.rejected++;
      this.o.store.noteTelemetry(t.data, at);
    } else if (where.leaf === 'ack') {
      const r = CommandResponseSchema.safeParse(json);
      if (!r.success || r.data.kioskId !== where.kioskId) return void this.rejected++;
      this.o.store.recordAck(r.data, at);
      this.ackWaiters.get(r.data.commandId)?.(r.data.outcome);
      this.ackWaiters.delete(r.data.commandId);
    }
  }
}
