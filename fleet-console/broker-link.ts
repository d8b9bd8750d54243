import { createPrivateKey, sign, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import mqtt, { type MqttClient } from 'mqtt';
import { v7 as uuidv7 } from 'uuid';
import { CommandResponseSchema, FLEET_TOPIC_ROOT, FleetStatusSchema, FleetTelemetrySchema, fleetTopics, parseFleetTopic, type FleetStatus } from '../contract/fleet';
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
  /**
   * The console's MQTT 5 Receive Maximum: how many QoS 1 messages the broker may have in flight to it, unacknowledged.
   * Without it Mosquitto allows `max_inflight_messages` (20) and queues the rest, dropping what is over
   * `max_queued_messages`: at a fleet's power-up (a status from every kiosk within seconds) that cut statuses whenever
   * the console was 120 behind. Default 1000 (docs/fleet.md, "Sizing the broker's queue").
   */
  readonly receiveMaximum?: number;
  /**
   * A Last Will (`offline`/`lost`) is written this long after it arrived (ms), not at once: Mosquitto, stopping,
   * publishes the will of every kiosk still connected (delayed wills too) and the console reads them just before its
   * own connection closes. A will followed within this time by the loss of the console's connection is taken as one
   * of those (restartGraceMs). Default 5 s: a dead kiosk shows offline within 1.5 × its keep-alive + 5 s.
   */
  readonly lostConfirmMs?: number;
  /**
   * Lost wills that arrive while the console's connection is down, or within backlogWindowMs after it is back, or
   * just before it dropped (lostConfirmMs) are the broker's restart wills: the kiosk keeps the state it had until it
   * reports again, and is shown lost only if it has not within this time (ms) — the kiosks' reconnect window after
   * a broker restart. Default 25 min: the kiosks' default cap of 4 × the 5-min telemetry interval, and 5 min more.
   */
  readonly restartGraceMs?: number;
  /** How long after the console is back its session's backlog and retained replay are taken as from the restart (ms). Default 30 s. */
  readonly backlogWindowMs?: number;
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
  /** When the connection was lost (console clock, ms), while it is down. */
  private disconnectedAt: number | null = null;
  /** The last loss, once the connection is back: a message the broker sends again (DUP) was published before it. */
  private lastLinkLossAt: number | null = null;
  /** Lost wills not written yet: waiting for lostConfirmMs, or (restart) for the kiosk's return within restartGraceMs. */
  private readonly held = new Map<string, { status: FleetStatus; at: string; until: number; restart: boolean }>();
  private linkDown = false;
  private backlogUntil = 0;
  private stopping = false;
  /** Lost wills taken as the broker's restart wills; of those, the kiosks back in time, and those shown lost after the grace. */
  restartWills = { held: 0, cancelled: 0, applied: 0 };
  /** Every `lost` will received, repeats included (a broker that redelivers its shutdown wills shows here). */
  willsReceived = 0;
  /** Kiosks shown lost because they stayed silent through the restart grace after the console's connection was lost. */
  silentLost = 0;
  /**
   * After the console's connection was lost: every kiosk shown online must be heard from (status, telemetry, an ack)
   * after `since` by `due`, or it is shown lost. The kiosks' wills are QoS 0 — the broker neither queues them for a
   * console that is away nor sends the whole fleet's shutdown wills again after its restart — so this, not a will,
   * finds a kiosk that died while the console could not hear.
   */
  private silentCheck: { since: string; due: number } | null = null;

  /** Kiosks whose restart will is held: not shown lost while they may still be coming back. */
  get awaitingReturn(): number {
    let n = 0;
    for (const h of this.held.values()) if (h.restart) n++;
    return n;
  }

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
      properties: { sessionExpiryInterval: this.o.sessionExpirySec ?? 86_400, receiveMaximum: this.o.receiveMaximum ?? 1000 },
      resubscribe: false, // subscriptions are ours to manage (below), never replayed behind our back
      reconnectPeriod: 1000,
      keepalive: 30,
    });
    this.client = client;
    client.on('message', (topic, payload, packet) => this.onMessage(topic, payload, packet.dup === true));
    client.on('error', (e) => this.o.log?.(`broker: ${e.message}`));
    client.on('close', () => {
      this.disconnectedAt ??= this.now().getTime();
      if (this.stopping || this.linkDown) return;
      // The broker stopping (or the network to it cut): the wills it has just sent are its shutdown's, not deaths.
      this.linkDown = true;
      let n = 0;
      for (const h of this.held.values()) {
        if (h.restart) continue;
        Object.assign(h, { restart: true, until: Date.now() + this.restartGraceMs });
        n++;
      }
      this.restartWills.held += n;
      this.o.log?.(`connection to the broker lost${n ? `; ${n} Last Wills just before it held as the broker's shutdown wills` : ''}`);
    });
    const first = new Promise<void>((resolve, reject) => {
      client.once('connect', () => resolve());
      client.once('error', reject);
    });
    let ready: Promise<void> = Promise.resolve();
    let firstConnect = true;
    client.on('connect', (connack) => {
      const away = firstConnect ? Infinity : this.disconnectedAt === null ? 0 : this.now().getTime() - this.disconnectedAt;
      if (!firstConnect) {
        this.backlogUntil = Date.now() + (this.o.backlogWindowMs ?? 30_000);
        const since = new Date(this.disconnectedAt ?? this.now().getTime()).toISOString();
        this.silentCheck = { since: this.silentCheck && this.silentCheck.since < since ? this.silentCheck.since : since, due: Date.now() + this.restartGraceMs };
      }
      firstConnect = false;
      this.lastLinkLossAt = this.disconnectedAt ?? this.lastLinkLossAt;
      this.disconnectedAt = null;
      this.linkDown = false;
      ready = this.onSession(client, connack.sessionPresent, away);
    });
    await first;
    await ready;
    this.flushTimer = setInterval(() => {
      this.releaseWills(Date.now());
      this.o.store.flush();
      this.checkSilent(Date.now());
    }, this.o.flushMs ?? 200);
  }

  private get restartGraceMs(): number {
    return this.o.restartGraceMs ?? 25 * 60_000;
  }

  /** A Last Will: held (lostConfirmMs, or restartGraceMs when it comes with a broker restart) before it is written. */
  private holdWill(status: FleetStatus, at: string): void {
    const restart = this.linkDown || Date.now() < this.backlogUntil;
    if (restart && !this.held.get(status.kioskId)?.restart) this.restartWills.held++;
    this.held.set(status.kioskId, { status, at, restart, until: Date.now() + (restart ? this.restartGraceMs : (this.o.lostConfirmMs ?? 5000)) });
  }

  /** The kiosk reported again: its held will was not a death. */
  private heardFrom(kioskId: string): void {
    const h = this.held.get(kioskId);
    if (!h) return;
    if (h.restart) this.restartWills.cancelled++;
    this.held.delete(kioskId);
  }

  /** Writes the held wills that are due (all that are not restart wills when the console stops). */
  private releaseWills(now: number, stopping = false): void {
    for (const [id, h] of this.held) {
      if (h.until > now && !(stopping && !h.restart)) continue;
      if (h.restart) this.restartWills.applied++;
      this.o.store.noteStatus(h.status, h.at);
      this.held.delete(id);
    }
  }

  /** The restart grace after a lost connection is over: a kiosk still shown online and not heard from since is lost. */
  private checkSilent(now: number): void {
    const check = this.silentCheck;
    if (!check || now < check.due || !this.connected) return;
    this.silentCheck = null;
    const at = this.now().toISOString();
    this.o.store.flush();
    let n = 0;
    for (const k of this.o.store.silentSince(check.since)) {
      if (this.held.has(k.kioskId)) continue; // its will is held, and written when due
      n++;
      this.o.store.noteStatus({ state: 'offline', reason: 'lost', at, kioskId: k.kioskId, region: k.region, servicePoint: k.servicePoint, version: k.version }, at);
    }
    this.o.store.flush();
    this.silentLost += n;
    if (n) this.o.log?.(`${n} kiosks silent since the connection to the broker was lost (${check.since}), shown lost`);
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
    this.stopping = true;
    if (this.flushTimer) clearInterval(this.flushTimer);
    // Restart wills still held stay unwritten: the broker's retained status is what the next start reads.
    this.releaseWills(Date.now(), true);
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

  /**
   * `dup`: the broker sends it again (it had it in flight when the connection was lost, or when it stopped). Such a
   * message was published before the loss: it is stored as heard at the loss, and it is no sign that the kiosk is back.
   */
  private onMessage(topic: string, payload: Buffer, dup = false): void {
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
    const now = this.now().getTime();
    const at = new Date(dup && this.lastLinkLossAt !== null ? Math.min(now, this.lastLinkLossAt - 1) : now).toISOString();
    const heard = (kioskId: string) => {
      if (!dup) this.heardFrom(kioskId);
    };
    // A kiosk id inside the message must match the topic the broker's ACL tied to the sender.
    if (where.leaf === 'status') {
      const s = FleetStatusSchema.safeParse(json);
      if (!s.success || s.data.kioskId !== where.kioskId) return void this.rejected++;
      if (s.data.reason === 'lost') {
        this.willsReceived++;
        return this.holdWill(s.data, at);
      }
      heard(where.kioskId);
      this.o.store.noteStatus(s.data, at);
    } else if (where.leaf === 'telemetry') {
      const t = FleetTelemetrySchema.safeParse(json);
      if (!t.success || t.data.kioskId !== where.kioskId) return void this.rejected++;
      heard(where.kioskId);
      this.o.store.noteTelemetry(t.data, at);
    } else if (where.leaf === 'ack') {
      const r = CommandResponseSchema.safeParse(json);
      if (!r.success || r.data.kioskId !== where.kioskId) return void this.rejected++;
      heard(where.kioskId);
      this.o.store.recordAck(r.data, at);
      this.ackWaiters.get(r.data.commandId)?.(r.data.outcome);
      this.ackWaiters.delete(r.data.commandId);
    }
  }
}
