import { ed25519 } from '@noble/curves/ed25519.js';
import { v7 as uuidv7 } from 'uuid';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { commandSigningString, FleetReportSchema, HeartbeatResponseSchema, KioskCommandSchema, PlatformErrorSchema, type Heartbeat } from '../../../contract/platform';
import { startSimWithKiosk, type SimUnderTest } from './sim-client';

function heartbeat(overrides: Partial<Heartbeat> = {}): Heartbeat {
  return {
    heartbeatId: uuidv7(),
    sentAt: new Date().toISOString(),
    version: '0.1.0',
    mode: 'demo',
    uptimeSeconds: 3600,
    devices: [
      { id: 'printer-1', kind: 'printer', state: 'idle', power: 'online', errorCode: null, conditions: { paper: 'ok' } },
      { id: 'idcard-1', kind: 'idcard', state: 'idle', power: 'online', errorCode: null, conditions: {} },
    ],
    outbox: { queued: 0, quarantined: 0, oldestPendingSeconds: null },
    disk: { freeBytes: 50 * 1024 ** 3, totalBytes: 100 * 1024 ** 3 },
    catalogVersion: '2024-8.1',
    auditHead: { seq: 12, hash: 'c'.repeat(64) },
    acks: [],
    ...overrides,
  };
}

describe('platform-sim heartbeats, commands and the fleet view', () => {
  let t: SimUnderTest;
  beforeEach(async () => {
    t = await startSimWithKiosk();
  });
  afterEach(async () => {
    await t.sim.close();
  });

  const beat = async (hb: Heartbeat) => {
    const res = await t.kiosk.request('POST', '/v1/heartbeats', hb);
    expect(res.status).toBe(200);
    return HeartbeatResponseSchema.parse(await res.json());
  };
  const fleet = async () => FleetReportSchema.parse(await (await t.admin('GET', '/admin/fleet.json')).json()).kiosks;

  it('repeats a queued, signed command in every reply until the kiosk acknowledges it', async () => {
    const queued = await t.admin('POST', '/admin/commands', { kioskId: t.kiosk.kioskId, command: { kind: 'set-config', key: 'idleSeconds', value: 90 } });
    expect(queued.status).toBe(201);
    const command = KioskCommandSchema.parse(await queued.json());

    const r1 = await beat(heartbeat());
    expect(r1.commands.map((c) => c.commandId)).toEqual([command.commandId]);
    const { signature, ...unsigned } = r1.commands[0]!;
    // The kiosk checks it with the pinned platform key, in pure JS as under Electron.
    expect(ed25519.verify(Buffer.from(signature, 'base64'), new TextEncoder().encode(commandSigningString(unsigned)), Buffer.from(t.sim.platformPublicKey, 'base64'))).toBe(true);
    const forged = commandSigningString({ ...unsigned, command: { kind: 'set-config', key: 'idleSeconds', value: 5 } });
    expect(ed25519.verify(Buffer.from(signature, 'base64'), new TextEncoder().encode(forged), Buffer.from(t.sim.platformPublicKey, 'base64'))).toBe(false);

    const repeated = heartbeat();
    expect((await beat(repeated)).commands).toHaveLength(1);
    await beat(repeated); // the same heartbeat delivered twice counts once
    const received = (await (await t.admin('GET', '/admin/received.json')).json()) as { kiosks: { heartbeats: number }[] };
    expect(received.kiosks[0]!.heartbeats).toBe(2);
    expect((await fleet())[0]!.pendingCommands).toBe(1);
    const r3 = await beat(heartbeat({ acks: [{ commandId: command.commandId, ok: true, detail: '已设置', at: new Date().toISOString() }] }));
    expect(r3.commands).toEqual([]);
    expect((await fleet())[0]!.pendingCommands).toBe(0);
  });

  it('shows a failed command on the fleet page', async () => {
    const command = KioskCommandSchema.parse(await (await t.admin('POST', '/admin/commands', { kioskId: t.kiosk.kioskId, command: { kind: 'refresh-catalog' } })).json());
    await beat(heartbeat({ acks: [{ commandId: command.commandId, ok: false, detail: '签名无效', at: new Date().toISOString() }] }));
    expect((await fleet())[0]!.problems).toContainEqual(expect.objectContaining({ code: 'command-failed', message: expect.stringContaining('签名无效') }));
  });

  it('lists every kiosk with its last heartbeat and what is wrong, in plain Chinese', async () => {
    expect((await fleet())[0]).toMatchObject({ online: false, lastHeartbeatAt: null, problems: [expect.objectContaining({ code: 'no-heartbeat', severity: 'critical' })] });
    await beat(
      heartbeat({
        devices: [
          { id: 'printer-1', kind: 'printer', state: 'idle', power: 'online', errorCode: 'PAPER-END', conditions: { paper: 'end' } },
          { id: 'idcard-1', kind: 'idcard', state: 'error', power: 'offline', errorCode: 'IDCARD-UNPLUGGED', conditions: {} },
        ],
        outbox: { queued: 40, quarantined: 2, oldestPendingSeconds: 3 * 3600 },
        disk: { freeBytes: 5 * 1024 ** 3, totalBytes: 100 * 1024 ** 3 },
      }),
    );
    const k = (await fleet())[0]!;
    expect(k.online).toBe(true);
    expect(k.lastHeartbeatAt).not.toBeNull();
    expect(k.problems.map((p) => p.code).sort()).toEqual(['device-error', 'disk-low', 'paper-end', 'quarantined', 'queue-stuck']);
    expect(k.problems.find((p) => p.code === 'device-error')!.message).toBe('身份证阅读器故障或离线（IDCARD-UNPLUGGED）');
    expect(k.problems.find((p) => p.code === 'paper-end')!.message).toBe('凭条打印机缺纸，请更换纸卷');
  });

  it('says why a kiosk is refused (wrong clock) instead of only showing it offline', async () => {
    const stale = String(Date.now() - 20 * 60_000);
    expect((await t.kiosk.request('POST', '/v1/heartbeats', heartbeat(), { sign: { timestamp: stale } })).status).toBe(401);
    const k = (await fleet())[0]!;
    expect(k.problems[0]).toMatchObject({ code: 'auth-failing', severity: 'critical', message: expect.stringContaining('终端时钟') });
    // A later good heartbeat clears it.
    await beat(heartbeat());
    expect((await fleet())[0]!.problems.map((p) => p.code)).not.toContain('auth-failing');
  });

  it('flags an audit chain head that went backwards or changed, and a stale catalog', async () => {
    await beat(heartbeat({ auditHead: { seq: 40, hash: 'a'.repeat(64) } }));
    await beat(heartbeat({ auditHead: { seq: 41, hash: 'b'.repeat(64) } }));
    expect((await fleet())[0]!.problems).toEqual([]);
    await beat(heartbeat({ auditHead: { seq: 41, hash: 'c'.repeat(64) }, catalogVersion: '2024-8.0' }));
    const codes = (await fleet())[0]!.problems.map((p) => p.code);
    expect(codes).toContain('audit-rewritten');
    expect(codes).toContain('catalog-stale');
  });

  it('refuses a malformed heartbeat with a 400 naming the field, and a command for an unknown kiosk with 404', async () => {
    const res = await t.kiosk.request('POST', '/v1/heartbeats', { ...heartbeat(), disk: { freeBytes: -1, totalBytes: 10 } });
    expect(res.status).toBe(400);
    expect(PlatformErrorSchema.parse(await res.json()).issues?.[0]?.path).toBe('disk.freeBytes');
    const unknown = await t.admin('POST', '/admin/commands', { kioskId: 'SX-NO-NE-0000', command: { kind: 'restart-ui' } });
    expect(unknown.status).toBe(404);
  });
});
