import { CATALOG } from '../../contract/catalog';
import { loadConfig } from '../../host/config';
import { plainFileSealer } from '../../offline-cache/crypto/key-vault';
import path from 'node:path';
import { openOfflineCache } from '../../offline-cache/offline-cache';
import { flipBytes, leavesOf } from '../support/damaged-store';
import { submitApplication } from '../support/offline-kiosk';
import { startKioskProcess, tempDir } from '../support/processes';
import { axeViolations, expect, keepScreenshot, test } from './fixtures';
import { enterMaintenance } from './maintenance-driver';

test.describe('a technician fixes things from the maintenance screen', () => {
  test('paper-out is reported with its fix, disappears once paper is back, and the print self-test prints a slip', async ({ page, kiosk }) => {
    await page.goto(kiosk.uiUrl);
    await enterMaintenance(page);
    // The simulated printer runs out of paper (dev dock lever on the virtual printer).
    expect((await kiosk.call<{ ok: boolean }>('receipts.simSet', { paper: 'end' })).body.ok).toBe(true);
    const finding = page.getByTestId('findings').locator('[data-code="PRINTER-PAPER-END"]');
    await expect(finding).toContainText('打印机缺纸');
    await expect(finding).toContainText('请更换热敏纸卷');
    await expect(finding).toContainText('故障');
    await expect(page.getByTestId('overall-level')).toHaveAttribute('data-level', 'fault');
    expect(await axeViolations(page)).toEqual([]);
    await keepScreenshot(page, 'maintenance-paper-out');

    // The self-test says what is wrong while the paper is out…
    await page.getByTestId('selftest-printer').click();
    await expect(page.getByTestId('selftest-printer-result')).toHaveAttribute('data-passed', 'false');
    await expect(page.getByTestId('selftest-printer-result')).not.toContainText('没有配置');
    // …and passes with a printed slip once a roll is loaded.
    await kiosk.call('receipts.simSet', { paper: 'ok' });
    await expect(finding).toHaveCount(0);
    await page.getByTestId('selftest-printer').click();
    await expect(page.getByTestId('selftest-printer-result')).toHaveAttribute('data-passed', 'true');
    await expect(page.getByTestId('selftest-printer-result')).toContainText('测试页已打印');
    await expect(page.getByTestId('selftest-printer-result').getByRole('img', { name: '虚拟打印机最近一张回执' })).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);
    await keepScreenshot(page, 'maintenance-print-test');
  });

  test('a quarantined item is shown with its reason and re-queued to delivery', async ({ page, platform }) => {
    const dataDir = tempDir('requeue');
    const env = { KIOSK_PLATFORM_URL: platform.url, KIOSK_DATA_DIR: dataDir };
    // First boot: keys, store and provisioning exist.
    const first = await startKioskProcess(env);
    await first.stop();
    // While the kiosk is off, an item the platform once refused sits in quarantine.
    const config = loadConfig({ env: { KIOSK_DATA_DIR: dataDir } });
    const cache = openOfflineCache({ dataDir, kioskId: config.kioskId, platformUrl: platform.url, requestTimeoutMs: 5000, sealer: plainFileSealer, builtInCatalog: CATALOG, bootJitterMs: 0 });
    const { clientId } = cache.outbox.enqueue('feedback', { category: 'device-problem', description: '打印机没有出纸' });
    expect(cache.outbox.claimBatch('feedback', { maxBytes: 1 << 20, maxItems: 10 }).map((i) => i.clientId)).toEqual([clientId]);
    cache.outbox.settle([{ clientId, outcome: 'rejected', reason: '400 invalid-item: description' }]);
    await cache.close();

    const kiosk = await startKioskProcess(env);
    try {
      await page.goto(kiosk.uiUrl);
      await enterMaintenance(page);
      const item = page.getByTestId('quarantined-item');
      await expect(item).toHaveCount(1);
      await expect(item).toContainText('400 invalid-item: description');
      await expect(page.getByTestId('findings').locator('[data-code="OUTBOX-QUARANTINED"]')).toContainText('重新排队');
      expect(await axeViolations(page)).toEqual([]);
      await keepScreenshot(page, 'maintenance-quarantined');
      await item.getByRole('button', { name: '重新排队' }).click();
      await expect(page.getByTestId('outbox-note')).toContainText('已重新排队');
      // Delivered this time: the platform has it and the quarantine is empty.
      await expect(item).toHaveCount(0);
      await expect
        .poll(async () => {
          const r = (await (await fetch(`${platform.url}/admin/received.json`)).json()) as { kiosks: { kioskId: string; streams?: Record<string, { accepted: number }> }[] };
          return JSON.stringify(r.kiosks.find((k) => k.kioskId === config.kioskId) ?? {});
        })
        .toContain('"feedback":{"accepted":1');
    } finally {
      await kiosk.stop();
    }
    // The re-queue is in the kiosk's audit chain, and the chain still verifies.
    const after = openOfflineCache({ dataDir, kioskId: config.kioskId, platformUrl: platform.url, requestTimeoutMs: 5000, sealer: plainFileSealer, builtInCatalog: CATALOG, bootJitterMs: 0 });
    try {
      const details = after.store.read((db) => db.prepare('SELECT detail FROM audit ORDER BY seq').pluck().all() as string[]);
      expect(details.filter((d) => d.includes('outbox.requeue') && d.includes(clientId))).toHaveLength(1);
      expect(after.audit.verify().ok).toBe(true);
    } finally {
      await after.close();
    }
  });

  test('a database damaged while the kiosk was off: DB-SALVAGED names the lost applications, and the technician acknowledges it', async ({ page, platform }) => {
    // Two kiosk boots (the second one salvages) and a maintenance session: CI's two busy cores need the room.
    test.setTimeout(240_000);
    const dataDir = tempDir('salvaged');
    const env = { KIOSK_PLATFORM_URL: platform.url, KIOSK_DATA_DIR: dataDir };
    const first = await startKioskProcess(env);
    await first.stop();
    // Applications queued while the platform was out of reach, then a damaged page in the file.
    const config = loadConfig({ env: { KIOSK_DATA_DIR: dataDir } });
    const cache = openOfflineCache({ dataDir, kioskId: config.kioskId, platformUrl: platform.url, requestTimeoutMs: 5000, sealer: plainFileSealer, builtInCatalog: CATALOG, bootJitterMs: 0 });
    for (let i = 0; i < 40; i++) submitApplication(cache);
    await cache.close();
    const file = path.join(dataDir, 'kiosk.db');
    const leaves = leavesOf(file, 'outbox');
    flipBytes(file, leaves[1]!, 0, 4096);

    const kiosk = await startKioskProcess(env);
    try {
      await page.goto(kiosk.uiUrl);
      await enterMaintenance(page);
      const finding = page.getByTestId('findings').locator('[data-code="DB-SALVAGED"]');
      await expect(finding).toContainText('本机数据库损坏', { timeout: 15_000 });
      const lost = Number(/丢失 (\d+) 件申请/.exec((await finding.textContent()) ?? '')?.[1] ?? NaN);
      expect(lost).toBeGreaterThan(0);
      expect(lost).toBeLessThan(40);
      const report = page.getByTestId('salvage-report');
      await expect(report).toHaveCount(1);
      await expect(report.getByTestId('salvage-lost')).toContainText(`${lost} 件申请`);
      await expect(report.getByTestId('salvage-gone')).not.toHaveText('无');
      expect(await axeViolations(page)).toEqual([]);
      await keepScreenshot(page, 'maintenance-salvaged');

      await page.getByTestId('salvage-acknowledge').click();
      await expect(page.getByTestId('salvage-note')).toContainText('审计记录和平台的缺失编号清单保留');
      await expect(finding).toHaveCount(0);
      await expect(report).toHaveCount(0);
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      await kiosk.stop();
    }
    // The salvage and its acknowledgement stay in the audit chain, which still verifies.
    const after = openOfflineCache({ dataDir, kioskId: config.kioskId, platformUrl: platform.url, requestTimeoutMs: 5000, sealer: plainFileSealer, builtInCatalog: CATALOG, bootJitterMs: 0 });
    try {
      const kinds = after.store.read((d) => d.prepare(`SELECT kind FROM audit WHERE kind LIKE 'salvage%' ORDER BY seq`).pluck().all() as string[]);
      expect(kinds).toEqual(['salvage', 'salvage-acknowledged']);
      expect(after.store.salvageReports()).toEqual([]);
      expect(after.audit.verify().ok).toBe(true);
    } finally {
      await after.close();
    }
  });
});
