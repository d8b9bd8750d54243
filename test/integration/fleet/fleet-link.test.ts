import { randomUUID } from 'node:crypto';
import mqtt from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CommandResponseSchema, fleetTopics, FleetStatusSchema, type CommandResponse } from '../../../contract/fleet';
import { loadSigningKey, signCommand } from '../../../fleet-console/broker-link';
import { reconnectDelay } from '../../../host/operations/fleet-link/fleet-link';
import { startMosquitto, type Mosquitto } from '../../support/mosquitto';
import { CONSOLE_USER, kioskUser, platformKey, startConsoleBroker, testKiosk, until, type TestKiosk } from './fleet-harness';

const IDS = ['SX-TY-0001', 'SX-TY-0002', 'SX-TY-0003', 'SX-TY-0004', 'SX-TY-0005', 'SX-TY-0006', 'SX-TY-0007', 'SX-TY-0008', 'SX-TY-0009'];

/** Real Mosquitto on a loopback port (own config, password file, ACL); kiosks' real fleet links and command runner. */
describe('the live fleet link over MQTT 5', () => {
  let broker: Mosquitto;
  const key = platformKey();
  const signing = loadSigningKey(key.file);
  let desk: Awaited<ReturnType<typeof startConsoleBroker>>;
  const kiosks: TestKiosk[] = [];

  /** A raw MQTT 5 client as the console (to publish exactly what a test needs) that collects acks. */
  async function rawConsole() {
    const c = await mqtt.connectAsync(broker.url, { protocolVersion: 5, username: CONSOLE_USER.name, password: CONSOLE_USER.password, clientId: `raw-${randomUUID().slice(0, 6)}` });
    const acks: { r: CommandResponse; correlation: string | null }[] = [];
    c.on('message', (_t, p, packet) => acks.push({ r: CommandResponseSchema.parse(JSON.parse(p.toString())), correlation: packet.properties?.correlationData?.toString() ?? null }));
    await c.subscribeAsync('kiosk/v1/+/ack', { qos: 1 });
    return { c, acks };
  }
  const publishCommand = (c: mqtt.MqttClient, kioskId: string, body: unknown, commandId: string, expirySec = 3600) =>
    c.publishAsync(fleetTopics(kioskId).command(commandId), typeof body === 'string' ? body : JSON.stringify(body), {
      qos: 1,
      properties: { responseTopic: fleetTopics(kioskId).ack, correlationData: Buffer.from(commandId), messageExpiryInterval: expirySec },
    });

  beforeAll(async () => {
    broker = await startMosquitto({ users: [CONSOLE_USER, ...IDS.map(kioskUser)] });
    desk = await startConsoleBroker(broker, key.file);
    for (const id of IDS.slice(0, 3)) kiosks.push(testKiosk(broker, id, key));
    for (const k of kiosks) k.link.start();
    await until('three kiosks online', () => desk.store.kiosks().filter((k) => k.state === 'online').length === 3);
  });
  afterAll(async () => {
    for (const k of kiosks) await k.link.stop();
    await desk?.consoleBroker.stop();
    await broker?.stop();
  });

  it('jitter spreads reconnects: full jitter, doubling, capped, never below 100 ms', () => {
    expect(reconnectDelay(0, 5000, 300_000, 0.5)).toBe(2500);
    expect(reconnectDelay(3, 5000, 300_000, 0.5)).toBe(20_000);
    expect(reconnectDelay(30, 5000, 300_000, 0.999)).toBeLessThanOrEqual(300_000);
    expect(reconnectDelay(0, 5000, 300_000, 0)).toBe(100);
  });

  it('a kiosk that dies shows offline through its Last Will, and online again when it comes back', async () => {
    const k = kiosks[0]!;
    const before = k.link.connects;
    k.link.simulatePowerLoss(); // gone for longer than the console's confirm time (a kiosk back sooner is not shown lost)
    await until('last will seen', () => desk.store.kiosks().find((r) => r.kioskId === k.id && r.state === 'offline' && r.reason === 'lost'));
    k.link.start();
    await until('reconnected', () => k.link.connects > before && desk.store.kiosks().find((r) => r.kioskId === k.id)?.state === 'online');
  });

  it('after a broker restart every kiosk reconnects with jittered delays and the retained status is right', async () => {
    const before = kiosks.map((k) => k.link.connects);
    const jitterBefore = kiosks.map((k) => k.delays.length);
    await broker.restart(300);
    await until('all reconnected', () => kiosks.every((k, i) => k.link.connects > before[i]!), 20_000);
    const draws = kiosks.map((k, i) => k.delays.slice(jitterBefore[i]!)[0]!);
    expect(new Set(draws).size).toBe(kiosks.length); // each kiosk drew its own delay
    // A fresh subscriber (a console started after the restart) gets the retained status: all online.
    const fresh = await mqtt.connectAsync(broker.url, { protocolVersion: 5, username: CONSOLE_USER.name, password: CONSOLE_USER.password });
    const seen = new Map<string, string>();
    fresh.on('message', (_t, p) => {
      const s = FleetStatusSchema.parse(JSON.parse(p.toString()));
      seen.set(s.kioskId, s.state);
    });
    await fresh.subscribeAsync('kiosk/v1/+/status', { qos: 1 });
    await until('retained status of all three', () => kiosks.every((k) => seen.get(k.id) === 'online'));
    await fresh.endAsync();
  });

  it('a broker restart shows no kiosk that stayed alive as lost and sends no will twice; one that died while it was down, and one silent without a will, show lost after the grace; one killed later within 1.5 × keep-alive + the confirm time', async () => {
    // Mosquitto, stopping, publishes the Last Will of every kiosk still connected (a Will Delay Interval does not hold
    // it back) and the console gets them just before its connection closes. At QoS 1 the broker kept each in the
    // console's session too and sent them all again after the restart; the kiosks' wills are QoS 0.
    const graceMs = 6000;
    const watcher = await startConsoleBroker(broker, key.file, { restartGraceMs: graceMs, backlogWindowMs: 3000, lostConfirmMs: 1000, clientId: 'fleet-console-watcher' });
    const dying = testKiosk(broker, IDS[6]!, key);
    const killed = testKiosk(broker, IDS[7]!, key);
    const alive = [...kiosks, killed];
    // A kiosk whose will the console never gets (here: it set none), online before the restart and never back.
    const silentId = IDS[8]!;
    const silent = await mqtt.connectAsync(broker.url, { protocolVersion: 5, username: silentId, password: kioskUser(silentId).password, clientId: `kiosk-${silentId}`, reconnectPeriod: 0 });
    silent.on('error', () => {});
    try {
      dying.link.start();
      killed.link.start();
      await silent.publishAsync(fleetTopics(silentId).status, JSON.stringify({ state: 'online', reason: 'connected', at: new Date().toISOString(), kioskId: silentId, region: '太原市', servicePoint: '小店区', version: '1.0.0' }), { qos: 1, retain: true });
      const online = (s: typeof watcher.store, id: string) => s.kiosks().find((r) => r.kioskId === id)?.state === 'online';
      await until('every kiosk online', () => [...alive, dying].every((k) => online(watcher.store, k.id) && k.link.subscribed) && online(watcher.store, silentId));
      const before = alive.map((k) => k.link.connects);
      const seqBefore = alive.map((k) => watcher.store.kiosk(k.id)!.seq);
      const willsBefore = watcher.consoleBroker.willsReceived;
      const restartAt = new Date().toISOString();
      await broker.stop();
      await dying.link.stop(); // dies while the broker is down: never back, no status of its own
      await broker.restart(300);
      await until('the alive kiosks back and heard by the console', () => alive.every((k, i) => k.link.connects > before[i]! && k.link.subscribed && watcher.store.kiosk(k.id)!.seq > seqBefore[i]!), 20_000);
      for (const k of alive) expect(online(watcher.store, k.id)).toBe(true);
      // At most one will per kiosk connected at the stop (the four alive and the dying one): none sent again after.
      expect(watcher.consoleBroker.willsReceived - willsBefore).toBeLessThanOrEqual(alive.length + 1);
      expect(watcher.consoleBroker.awaitingReturn).toBeLessThanOrEqual(1); // the others' restart wills were cancelled by their return
      const lost = (id: string) => watcher.store.kiosks().find((r) => r.kioskId === id && r.state === 'offline' && r.reason === 'lost');
      await until('the dead kiosk and the silent one shown lost after the grace', () => lost(dying.id) && lost(silentId), graceMs + 5000);
      await new Promise((r) => setTimeout(r, 500));
      // None of the kiosks that stayed alive was shown lost at any moment since the restart.
      for (const k of alive) expect(watcher.store.stateChanges(k.id).filter((c) => c.at >= restartAt && c.state === 'offline')).toEqual([]);
      expect(watcher.consoleBroker.silentLost).toBeGreaterThanOrEqual(1); // the silent kiosk: no will came for it
      expect(watcher.consoleBroker.restartWills.applied + watcher.consoleBroker.silentLost).toBe(2);
      // Out of the restart's backlog window: a kiosk killed without DISCONNECT shows lost within the bound.
      await new Promise((r) => setTimeout(r, 3000));
      const killedAt = Date.now();
      killed.link.simulatePowerLoss();
      await until('the killed kiosk shown lost', () => watcher.store.kiosks().find((r) => r.kioskId === killed.id && r.state === 'offline' && r.reason === 'lost'), 15_000);
      const shownAfterMs = Date.now() - killedAt;
      expect(shownAfterMs).toBeGreaterThanOrEqual(1000); // held for the confirm time first
      expect(shownAfterMs).toBeLessThanOrEqual(1.5 * 5000 + 1000 + 1000); // keep-alive 5 s, confirm 1 s, a second for the flush
    } finally {
      silent.end(true);
      await dying.link.stop();
      await killed.link.stop();
      await watcher.consoleBroker.stop();
    }
  }, 60_000);

  it('back after a broker restart a kiosk sends telemetry for what changed while away, not for the periodic reports it missed', async () => {
    const k = testKiosk(broker, IDS[5]!, key, { telemetryIntervalMs: 1000, reconnectMinMs: 1000 });
    k.link.start();
    try {
      await until('first connect report', () => k.reports.includes('connect'));
      await until('a periodic report', () => k.reports.includes('interval'));
      // Away longer than an interval: a periodic report falls in the outage and is not made up on connect.
      let connects = k.link.connects;
      let from = k.reports.length;
      await broker.restart(1500);
      await until('back', () => k.link.connects > connects && k.link.subscribed, 20_000);
      await until('the next periodic report', () => k.reports.slice(from).includes('interval'), 5000);
      expect(k.reports.slice(from)).not.toContain('connect');
      // A change while away is sent as soon as it is back.
      connects = k.link.connects;
      k.link.simulateNetworkLoss();
      await until('dropped', () => !k.link.connected);
      from = k.reports.length;
      k.link.noteChange();
      await until('back with the change', () => k.link.connects > connects && k.reports.slice(from).includes('connect'), 20_000);
    } finally {
      await k.link.stop();
    }
  });

  it('a command runs once even when delivered twice, answered on the response topic with its correlation data', async () => {
    const k = kiosks[1]!;
    const { c, acks } = await rawConsole();
    const cmd = signCommand(signing, k.id, { kind: 'restart-ui' }, new Date(), 3600);
    const restarts = k.restarts();
    await publishCommand(c, k.id, cmd, cmd.commandId);
    await publishCommand(c, k.id, cmd, cmd.commandId); // the same command again (QoS 1 redelivery, a retrying console)
    await until('two answers', () => acks.filter((a) => a.r.commandId === cmd.commandId).length === 2);
    expect(acks.filter((a) => a.r.commandId === cmd.commandId).map((a) => [a.r.outcome, a.correlation])).toEqual([
      ['done', cmd.commandId],
      ['duplicate', cmd.commandId],
    ]);
    expect(k.restarts()).toBe(restarts + 1);
    expect(k.audit().filter((l) => l.type === 'remote-command' && l.detail['commandId'] === cmd.commandId)).toEqual([
      expect.objectContaining({ detail: expect.objectContaining({ kind: 'restart-ui', outcome: 'done' }) }),
    ]);
    await c.endAsync();
  });

  it('forged, misaddressed, expired and malformed commands are refused, audited, and run nothing', async () => {
    const k = kiosks[2]!;
    const { c, acks } = await rawConsole();
    const other = loadSigningKey(platformKey().file);
    const forged = signCommand(other, k.id, { kind: 'restart-ui' }, new Date(), 3600);
    const misaddressed = signCommand(signing, IDS[0]!, { kind: 'restart-ui' }, new Date(), 3600);
    const expired = signCommand(signing, k.id, { kind: 'restart-ui' }, new Date(Date.now() - 7200_000), 3600);
    const tampered = { ...signCommand(signing, k.id, { kind: 'set-config', key: 'ui.idleSeconds', value: 90 }, new Date(), 3600) };
    tampered.command = { kind: 'set-config', key: 'ui.idleSeconds', value: 5 };
    const restarts = k.restarts();
    for (const cmd of [forged, misaddressed, expired, tampered]) await publishCommand(c, k.id, cmd, cmd.commandId);
    const junkId = randomUUID();
    await publishCommand(c, k.id, 'not json', junkId);
    await until('five refusals', () => acks.filter((a) => a.r.kioskId === k.id && a.r.outcome === 'refused').length === 5);
    const reason = (id: string) => acks.find((a) => a.r.commandId === id)?.r.detail;
    expect(reason(forged.commandId)).toMatch(/signature does not verify/);
    expect(reason(misaddressed.commandId)).toMatch(/signature|for kiosk/);
    expect(reason(expired.commandId)).toBe('command expired');
    expect(reason(tampered.commandId)).toMatch(/signature does not verify/);
    expect(reason(junkId)).toBe('malformed command');
    expect(k.restarts()).toBe(restarts);
    expect(k.audit().filter((l) => l.type === 'remote-command' && l.detail['outcome'] === 'refused').length).toBeGreaterThanOrEqual(5);
    await c.endAsync();
  });

  it('a kiosk offline for a day: commands the broker expired never arrive, signed-expired ones are refused, a fresh one runs once', async () => {
    const k = testKiosk(broker, IDS[3]!, key);
    k.link.start();
    await until('kiosk 4 subscribed', () => k.link.subscribed);
    await k.link.stop(); // the session (and its command subscription) stays on the broker
    const { c, acks } = await rawConsole();
    const shortLived = signCommand(signing, k.id, { kind: 'restart-ui' }, new Date(), 86_400);
    await publishCommand(c, k.id, shortLived, shortLived.commandId, 1); // the broker drops it after 1 s
    const lastWeek = signCommand(signing, k.id, { kind: 'restart-ui' }, new Date(), 3600); // signed for an hour
    await publishCommand(c, k.id, lastWeek, lastWeek.commandId, 7 * 86_400);
    // Mosquitto keeps message expiry in whole seconds and drops a message only once its clock is past the expiry
    // second: a 1 s expiry holds for 1–2 s. Waiting 1.5 s delivered the "expired" command about half the time.
    await new Promise((r) => setTimeout(r, 2500));
    k.clock = new Date(Date.now() + 86_400_000); // a day later, by the kiosk's clock
    const fresh = signCommand(signing, k.id, { kind: 'restart-ui' }, k.clock, 3600);
    await publishCommand(c, k.id, fresh, fresh.commandId);
    k.link.start();
    await until('two answers', () => acks.filter((a) => a.r.kioskId === k.id).length >= 2);
    await new Promise((r) => setTimeout(r, 300));
    const answers = acks.filter((a) => a.r.kioskId === k.id).map((a) => [a.r.commandId, a.r.outcome]);
    expect(answers).toEqual([
      [lastWeek.commandId, 'refused'],
      [fresh.commandId, 'done'],
    ]);
    expect(k.restarts()).toBe(1);
    // Restarted with the same data dir (a new runner), the executed id is still remembered.
    await k.link.stop();
    const again = testKiosk(broker, k.id, key, { dataDir: k.dataDir });
    again.clock = k.clock;
    again.link.start();
    await publishCommand(c, k.id, fresh, fresh.commandId);
    await until('duplicate answer', () => acks.some((a) => a.r.commandId === fresh.commandId && a.r.outcome === 'duplicate'));
    expect(again.restarts()).toBe(0);
    await again.link.stop();
    await c.endAsync();
  });

  it('the ACL keeps a kiosk to its own topics: it cannot publish as another kiosk nor read its commands', async () => {
    const [a, b] = [kiosks[0]!, kiosks[1]!];
    const rogue = await mqtt.connectAsync(broker.url, { protocolVersion: 5, username: a.id, password: kioskUser(a.id).password, clientId: 'rogue' });
    const stolen: string[] = [];
    rogue.on('message', (t) => stolen.push(t));
    await rogue.subscribeAsync(`kiosk/v1/${b.id}/cmd/#`, { qos: 1 }).catch(() => undefined);
    const fake = { state: 'offline', reason: 'stopped', at: new Date().toISOString(), kioskId: b.id, region: '太原市', servicePoint: 'x', version: '6.6.6' };
    const denied = await rogue.publishAsync(fleetTopics(b.id).status, JSON.stringify(fake), { qos: 1, retain: true }).then(
      (p) => (p as { reasonCode?: number } | undefined)?.reasonCode ?? 0,
      (e: Error & { code?: number }) => e.code ?? 135,
    );
    expect(denied).toBe(135); // MQTT 5 "not authorized"
    await rogue.publishAsync(fleetTopics(a.id).telemetry, 'fence', { qos: 1 }); // its own topic is fine
    await until('fence seen', () => desk.consoleBroker.rejected > 0);
    const { c } = await rawConsole();
    const cmd = signCommand(signing, b.id, { kind: 'refresh-catalog' }, new Date(), 3600);
    await publishCommand(c, b.id, cmd, cmd.commandId);
    await until('b answered', () => desk.store.kiosks().length > 0 && b.audit().some((l) => l.detail['commandId'] === cmd.commandId));
    expect(stolen).toEqual([]);
    const bRow = desk.store.kiosks().find((r) => r.kioskId === b.id)!;
    expect(bRow).toMatchObject({ state: 'online', version: '0.1.0' });
    await rogue.endAsync();
    await c.endAsync();
  });

  it('a kiosk stops in bounded time when the broker holds its connection open and answers nothing', async () => {
    const k = testKiosk(broker, IDS[4]!, key);
    k.link.start();
    await until('connected', () => k.link.connected && k.link.subscribed);
    process.kill(broker.pid(), 'SIGSTOP'); // hung: the socket stays open, no PUBACK for the 'stopped' status comes
    try {
      const t0 = Date.now();
      await k.link.stop();
      expect(Date.now() - t0).toBeLessThan(5000);
    } finally {
      process.kill(broker.pid(), 'SIGCONT');
    }
  });

  it('a wrong password is refused by the broker', async () => {
    const r = await mqtt.connectAsync(broker.url, { protocolVersion: 5, username: IDS[4]!, password: 'wrong', reconnectPeriod: 0 }).then(
      () => 'connected',
      (e: Error) => e.message,
    );
    expect(r).toMatch(/Bad User Name or Password|Not authorized/i);
  });

  it('paper-out on a kiosk reaches the console store within 10 s, with the fix in Chinese', async () => {
    const k = kiosks[2]!;
    const t0 = Date.now();
    k.paper = 'end';
    k.link.noteChange();
    const row = await until('paper-out on the console', () => desk.store.kiosks().find((r) => r.kioskId === k.id && r.findings.some((f) => f.code === 'PRINTER-PAPER-END')));
    expect(Date.now() - t0).toBeLessThan(10_000);
    expect(row.overall).toBe('fault');
    expect(row.findings[0]!.problem['zh-CN']).toBe('打印机缺纸');
    expect(desk.store.samples(k.id).some((s) => s.paper === 'end')).toBe(true);
  });
});
