import { CATALOG } from '../../contract/catalog';
import type { FleetReport } from '../../contract/platform';
import { plainFileSealer } from '../../offline-cache/crypto/key-vault';
import { openOfflineCache } from '../../offline-cache/offline-cache';
import { startKioskProcess } from '../support/processes';
import { axeViolations, expect, keepScreenshot, test } from './fixtures';

async function fleet(platformUrl: string): Promise<FleetReport> {
  return (await (await fetch(`${platformUrl}/admin/fleet.json`)).json()) as FleetReport;
}

test.describe('fleet heartbeat and remote commands', () => {
  test('the fleet page shows the kiosk and its paper-out; a signed set-config command is executed, audited and acknowledged', async ({ page, platform }) => {
    const kiosk = await startKioskProcess({ KIOSK_PLATFORM_URL: platform.url, KIOSK_HEARTBEAT_MS: '2000' });
    try {
      const info = (await kiosk.call<{ value: { kioskId: string } }>('system.info')).body.value;
      await expect.poll(async () => (await fleet(platform.url)).kiosks.find((k) => k.kioskId === info.kioskId)?.lastHeartbeatAt ?? null, { timeout: 20_000 }).not.toBeNull();

      // Paper runs out: the status change sends a heartbeat at once, and the fleet page says what is wrong.
      await kiosk.call('receipts.simSet', { paper: 'end' });
      await expect
        .poll(async () => (await fleet(platform.url)).kiosks.find((k) => k.kioskId === info.kioskId)?.problems.map((p) => p.code) ?? [], { timeout: 15_000 })
        .toContain('paper-end');
      const row = (await fleet(platform.url)).kiosks.find((k) => k.kioskId === info.kioskId)!;
      expect(row.devices.find((d) => d.kind === 'printer')?.errorCode).toBe('PRINTER-PAPER-END');
      // The reader's cable comes out as well: the fleet page names it too.
      await kiosk.call('devdock.idcard.fault', { fault: 'unplug', seconds: 30 });
      await expect
        .poll(async () => (await fleet(platform.url)).kiosks.find((k) => k.kioskId === info.kioskId)?.devices.find((d) => d.kind === 'idcard')?.errorCode ?? null, { timeout: 15_000 })
        .toBe('IDCARD-UNPLUGGED');
      await page.goto(`${platform.url}/admin/fleet`);
      await expect(page.getByRole('row', { name: new RegExp(info.kioskId) })).toContainText('IDCARD-UNPLUGGED');
      const line = page.getByRole('row', { name: new RegExp(info.kioskId) });
      await expect(line).toContainText('缺纸');
      // …and what to bring.
      await expect(line).toContainText('带一卷热敏纸到场更换');
      expect(await axeViolations(page)).toEqual([]);
      await keepScreenshot(page, 'fleet-paper-out');

      // The platform queues a command; the kiosk verifies its signature, runs it, and acks it in the next heartbeat.
      const queued = await fetch(`${platform.url}/admin/commands`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ kioskId: info.kioskId, command: { kind: 'set-config', key: 'servicePoint', value: '清徐县徐沟镇便民服务中心' } }),
      });
      expect(queued.status).toBe(201);
      await expect.poll(async () => (await kiosk.call<{ value: { servicePoint: string } }>('system.info')).body.value.servicePoint, { timeout: 15_000 }).toBe('清徐县徐沟镇便民服务中心');
      await expect.poll(async () => (await fleet(platform.url)).kiosks.find((k) => k.kioskId === info.kioskId)?.pendingCommands, { timeout: 15_000 }).toBe(0);
      const after = (await fleet(platform.url)).kiosks.find((k) => k.kioskId === info.kioskId)!;
      expect(after.problems.map((p) => p.code)).not.toContain('command-failed');

      // upload-diagnostics: the bundle goes up through the signed attachment channel.
      await fetch(`${platform.url}/admin/commands`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ kioskId: info.kioskId, command: { kind: 'upload-diagnostics' } }),
      });
      await expect.poll(async () => (await fleet(platform.url)).kiosks.find((k) => k.kioskId === info.kioskId)?.pendingCommands, { timeout: 15_000 }).toBe(0);
      expect((await fleet(platform.url)).kiosks.find((k) => k.kioskId === info.kioskId)!.problems.map((p) => p.code)).not.toContain('command-failed');

      // A command the kiosk cannot honour is acknowledged as failed, and the fleet page says so.
      await fetch(`${platform.url}/admin/commands`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ kioskId: info.kioskId, command: { kind: 'set-config', key: 'ui.idleSeconds', value: 1 } }),
      });
      await expect
        .poll(async () => (await fleet(platform.url)).kiosks.find((k) => k.kioskId === info.kioskId)?.problems.map((p) => p.code) ?? [], { timeout: 15_000 })
        .toContain('command-failed');
      expect((await kiosk.call<{ value: { idleSeconds: number } }>('system.info')).body.value.idleSeconds).not.toBe(1);

      // restart-ui: the open UI reloads itself.
      await page.goto(kiosk.uiUrl);
      await expect(page.getByRole('heading', { name: '一件事，一次办' })).toBeVisible();
      await page.evaluate(() => ((window as unknown as { beforeRestart: boolean }).beforeRestart = true));
      const reloaded = page.waitForEvent('load', { timeout: 15_000 });
      await fetch(`${platform.url}/admin/commands`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ kioskId: info.kioskId, command: { kind: 'restart-ui' } }),
      });
      await reloaded;
      expect(await page.evaluate(() => (window as unknown as { beforeRestart?: boolean }).beforeRestart ?? false)).toBe(false);
    } finally {
      await kiosk.stop();
    }
    // Every command is in the kiosk's audit chain, with its outcome.
    const cache = openOfflineCache({ dataDir: kiosk.dataDir, kioskId: 'SX-DEV-0001', platformUrl: platform.url, requestTimeoutMs: 5000, sealer: plainFileSealer, builtInCatalog: CATALOG, bootJitterMs: 0 });
    try {
      const rows = cache.store.read((db) => db.prepare(`SELECT detail FROM audit WHERE kind = 'remote-command' ORDER BY seq`).pluck().all() as string[]);
      const outcomes = rows.map((r) => JSON.parse(r) as { kind: string; outcome: string; detail?: string });
      expect(outcomes.map((o) => `${o.kind}:${o.outcome}`)).toEqual(['set-config:done', 'upload-diagnostics:done', 'set-config:failed', 'restart-ui:done']);
      expect(outcomes[1]!.detail).toMatch(/sha256 [0-9a-f]{64}/);
    } finally {
      await cache.close();
    }
  });
});
