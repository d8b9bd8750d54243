import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FleetReportSchema, KioskCommandSchema, ReceivedReportSchema } from '../../../contract/platform';
import { startKioskProcess, startPlatformProcess, type KioskProcess, type PlatformProcess } from '../../support/processes';

/**
 * The whole contract across two real processes: `npm start`'s kiosk against
 * `npm run platform`. The kiosk registers its key, fetches and verifies the
 * catalog, reports health, and runs a signed command it acknowledges.
 */
describe('a real kiosk process against the platform simulator', () => {
  let platform: PlatformProcess;
  let kiosk: KioskProcess;
  beforeAll(async () => {
    platform = await startPlatformProcess();
    kiosk = await startKioskProcess({ KIOSK_PLATFORM_URL: platform.url, KIOSK_HEARTBEAT_MS: '1000', KIOSK_BOOT_JITTER_MS: '0' });
  });
  afterAll(async () => {
    await kiosk?.stop();
    await platform?.stop();
  });

  const fleet = async () => FleetReportSchema.parse(await (await fetch(`${platform.url}/admin/fleet.json`)).json()).kiosks;

  it('registers, heartbeats, and shows up healthy on the fleet page', async () => {
    await expect.poll(async () => (await fleet())[0]?.lastHeartbeatAt ?? null, { timeout: 30_000 }).not.toBeNull();
    const k = (await fleet())[0]!;
    expect(k.online).toBe(true);
    expect(k.problems.filter((p) => p.code !== 'queue-stuck')).toEqual([]);
    const received = ReceivedReportSchema.parse(await (await fetch(`${platform.url}/admin/received.json`)).json());
    expect(received.kiosks[0]!.heartbeats).toBeGreaterThan(0);
  });

  it('executes a signed set-config command from a heartbeat reply and acknowledges it', async () => {
    const kioskId = (await fleet())[0]!.kioskId;
    const queued = await fetch(`${platform.url}/admin/commands`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ kioskId, command: { kind: 'set-config', key: 'ui.idleSeconds', value: 90 } }),
    });
    expect(queued.status).toBe(201);
    KioskCommandSchema.parse(await queued.json());
    await expect.poll(async () => (await fleet())[0]!.pendingCommands, { timeout: 30_000 }).toBe(0);
    expect((await fleet())[0]!.problems.map((p) => p.code)).not.toContain('command-failed');
  });
});
