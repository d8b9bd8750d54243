import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { startFleetConsoleProcess } from '../support/fleet-console';
import { FLEET_ACL, startMosquitto } from '../support/mosquitto';
import { startKioskProcess, tempDir } from '../support/processes';
import { axeViolations, expect, keepScreenshot, test } from './fixtures';

const KIOSK_ID = 'SX-TY-XD-0007';
const CONSOLE = { name: 'fleet-console', password: 'console-secret' };
const KIOSK = { name: KIOSK_ID, password: 'kiosk-secret' };

/** Printer simulator → kiosk host → Mosquitto → fleet console service → Chromium; and a restart command back. */
test('the fleet console shows a kiosk’s paper-out within 10 s and a restart command round-trips', async ({ page, platform }) => {
  test.setTimeout(180_000); // three real processes and a broker start on a shared 2-core machine
  const broker = await startMosquitto({ users: [CONSOLE, KIOSK], acl: FLEET_ACL });
  const dir = tempDir('kiosk-fleet');
  writeFileSync(path.join(dir, 'broker-password'), KIOSK.password, { mode: 0o600 });
  const kiosk = await startKioskProcess({
    KIOSK_PLATFORM_URL: platform.url,
    KIOSK_ID,
    KIOSK_FLEET_BROKER_URL: broker.url,
    KIOSK_FLEET_PASSWORD_FILE: path.join(dir, 'broker-password'),
    KIOSK_FLEET_REGION: '太原市小店区',
  });
  const fleetConsole = await startFleetConsoleProcess(broker, CONSOLE, path.join(platform.dataDir, 'platform-key.json'));
  try {
    await page.goto(fleetConsole.url);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('全省自助终端运行监控');
    await expect(page.locator('#regions summary')).toContainText('太原市小店区：1 台，在线 1 台');

    const t0 = Date.now();
    await kiosk.call('receipts.simSet', { paper: 'end' });
    const card = page.locator(`#problems li[data-kiosk="${KIOSK_ID}"]`);
    await expect(card).toContainText('打印机缺纸', { timeout: 10_000 });
    expect(Date.now() - t0).toBeLessThan(10_000);
    await expect(card).toContainText('带一卷热敏纸到场更换');
    await expect(page.locator('#summary')).toContainText('需要处理1');
    await keepScreenshot(page, 'fleet-console-paper-out');

    // The region opens to its service points with counts; one service point lists its kiosks (a page, not the fleet).
    await page.locator('#regions summary').first().click();
    const spRow = page.locator('#regions tbody tr').first();
    await expect(spRow).toContainText('小店区');
    await spRow.getByRole('button', { name: /^列出 .* 的终端$/ }).click();
    await expect(page.locator('#list-scope')).toContainText('太原市小店区');
    await expect(page.locator('#kiosks li')).toHaveCount(1);
    await expect(page.locator('#kiosks li').first()).toContainText(`${KIOSK_ID} 在线`);
    // The search filters on the server: nothing matches, then the kiosk again.
    await page.getByLabel('搜索终端编号、地区或服务点').fill('SX-NOPE');
    await expect(page.locator('#problems')).toContainText('没有符合条件的终端');
    await page.getByLabel('搜索终端编号、地区或服务点').fill('xd-0007');
    await expect(card).toContainText('打印机缺纸');

    await card.getByRole('button', { name: `查看终端 ${KIOSK_ID}` }).click();
    await expect(page.getByRole('heading', { name: `终端 ${KIOSK_ID}` })).toBeFocused();
    await page.getByRole('button', { name: '重启界面' }).click();
    await expect(page.locator('#command-note')).toContainText('已发送“重启界面”');
    const row = page.locator('#detail tbody tr').first();
    await expect(row).toContainText('已完成：已要求界面重新加载');
    expect(await axeViolations(page)).toEqual([]);
    await keepScreenshot(page, 'fleet-console-restart-acked');

    // English is complete too, and the kiosk's problem reads in English.
    await page.getByRole('button', { name: 'English' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Province kiosk fleet console');
    await expect(card).toContainText('Printer is out of paper');
    await expect(row).toContainText('Done');
    expect(await axeViolations(page)).toEqual([]);

    // The kiosk stops: the console shows it offline.
    await kiosk.stop();
    await expect(card).toContainText('offline', { timeout: 15_000 });
  } finally {
    await kiosk.stop();
    await fleetConsole.stop();
    await broker.stop();
  }
});
