import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { CATALOG } from '../../contract/catalog';
import { demoCard } from '../../drivers/idcard';
import { StaffCardRoster } from '../../host/operations/maintenance/staff-cards';
import { plainFileSealer } from '../../offline-cache/crypto/key-vault';
import { openOfflineCache } from '../../offline-cache/offline-cache';
import { startKioskProcess, tempDir } from '../support/processes';
import { axeViolations, expect, keepScreenshot, test } from './fixtures';
import { DEMO_PIN, enterMaintenance, holdCorner, typePin } from './maintenance-driver';

test.describe('maintenance mode', () => {
  test('a short tap on the corner does nothing; five wrong PINs lock the entry even for the right PIN', async ({ page, kiosk }) => {
    await page.goto(kiosk.uiUrl);
    await expect(page.getByRole('heading', { name: '一件事，一次办' })).toBeVisible();
    await page.mouse.click(20, 20);
    await expect(page.getByRole('heading', { name: '一件事，一次办' })).toBeVisible();

    await holdCorner(page);
    expect(await axeViolations(page)).toEqual([]);
    for (let i = 1; i <= 4; i++) {
      await typePin(page, '1111');
      await expect(page.getByTestId('pin-message')).toContainText(`还可以再试 ${5 - i} 次`);
    }
    await typePin(page, '1111');
    await expect(page.getByTestId('pin-locked')).toContainText('维护入口已锁定');
    await expect(page.getByTestId('pin-submit')).toBeDisabled();
    // The right PIN through the API is refused as well while locked.
    const r = await kiosk.call<{ ok: boolean; code?: string }>('maintenance.login', { pin: DEMO_PIN, via: 'gesture' });
    expect(r.body).toMatchObject({ ok: false, code: 'locked' });
    expect(await axeViolations(page)).toEqual([]);
    await keepScreenshot(page, 'maintenance-locked');
    // Every attempt went to the kiosk's audit chain, in order, and the chain verifies.
    await kiosk.stop();
    const cache = openOfflineCache({ dataDir: kiosk.dataDir, kioskId: 'SX-DEV-0001', platformUrl: 'http://127.0.0.1:9', requestTimeoutMs: 1000, sealer: plainFileSealer, builtInCatalog: CATALOG, bootJitterMs: 0 });
    try {
      const details = cache.store.read((db) => db.prepare(`SELECT detail FROM audit WHERE kind = 'maintenance-login' ORDER BY seq`).pluck().all() as string[]);
      const logins = details.map((d) => JSON.parse(d) as { action?: string; outcome?: string }).filter((d) => d.action === 'maintenance.login');
      expect(logins.map((d) => d.outcome)).toEqual(['wrong-pin', 'wrong-pin', 'wrong-pin', 'wrong-pin', 'wrong-pin', 'locked']);
      expect(cache.audit.verify().ok).toBe(true);
    } finally {
      await cache.close();
    }
  });

  test('the dashboard: verdict in words, a config change applied live, audit verified, a diagnostics bundle written; leaving returns to attract', async ({ page, kiosk }) => {
    // One wrong PIN first: it must show in the live log, without the PIN.
    await kiosk.call('maintenance.login', { pin: '97531', via: 'gesture' });
    await page.goto(kiosk.uiUrl);
    await enterMaintenance(page);
    await expect(page.getByTestId('overall-level')).toHaveText(/正常|注意|故障/);
    await expect(page.getByTestId('log-tail')).toContainText('maintenance PIN rejected');
    await expect(page.getByTestId('log-tail')).not.toContainText('97531');
    await page.getByRole('group', { name: '级别' }).getByRole('button', { name: 'error' }).click();
    await expect(page.getByTestId('log-tail')).not.toContainText('maintenance PIN rejected');
    await expect(page.getByTestId('versions')).toContainText('SQLite 3.');
    // Provisioning check: the kiosk id and the key fingerprints, as `onething-kiosk-provision show` prints them.
    await expect(page.getByTestId('keys-kiosk-id')).toHaveText('SX-DEV-0001');
    await expect(page.getByTestId('keys-device')).toHaveText(/^SHA256:[A-Za-z0-9+/]{43}$/);
    await expect(page.getByTestId('keys-platform')).toContainText(/SHA256:[A-Za-z0-9+/]{43} （演示注册）/);
    // A demo kiosk without systemd-creds or a KEK keeps plain key files, and the dashboard says so.
    await expect(page.getByTestId('keys-sealing')).toHaveText('file-0600 （未加封：拷走数据目录即可读出办事记录）');
    expect(await axeViolations(page)).toEqual([]);
    await keepScreenshot(page, 'maintenance-dashboard');

    // Bad value: refused next to the field, nothing saved.
    await page.locator('#cfg-ui-idleSeconds').fill('3');
    await page.getByTestId('cfg-ui-idleSeconds').getByRole('button', { name: '保存' }).click();
    await expect(page.getByTestId('cfg-ui-idleSeconds').getByRole('alert')).toContainText('设置无效');
    // Good value: saved and applied without a restart.
    await page.locator('#cfg-servicePoint').fill('阳曲县黄寨镇便民服务中心');
    await page.getByTestId('cfg-servicePoint').getByRole('button', { name: '保存' }).click();
    await expect(page.getByTestId('cfg-servicePoint').getByRole('status')).toContainText('已生效');
    const info = await kiosk.call<{ ok: boolean; value: { servicePoint: string } }>('system.info');
    expect(info.body.value.servicePoint).toBe('阳曲县黄寨镇便民服务中心');
    expect(JSON.parse(readFileSync(path.join(kiosk.dataDir, 'kiosk.config.json'), 'utf8'))).toMatchObject({ servicePoint: '阳曲县黄寨镇便民服务中心' });

    await page.getByTestId('audit-verify').click();
    await expect(page.getByTestId('audit-result')).toContainText('审计链完整');

    const usb = tempDir('usb');
    await page.getByTestId('bundle-path').fill(usb);
    await page.getByTestId('bundle-write').click();
    await expect(page.getByTestId('bundle-result')).toContainText('已写入');
    expect(readdirSync(usb).filter((f) => f.endsWith('.zip'))).toHaveLength(1);
    expect(await axeViolations(page)).toEqual([]);

    // Elderly-size text still passes (technicians use the same screen).
    await page.getByTestId('elderly-toggle').click();
    expect(await axeViolations(page)).toEqual([]);

    await page.getByTestId('maintenance-leave').click();
    await expect(page.getByRole('heading', { name: '一件事，一次办' })).toBeVisible();
    // The token died with the session.
    const after = await kiosk.call<{ ok: boolean }>('maintenance.diagnostics', { token: 'x'.repeat(43) });
    expect(after.body.ok).toBe(false);
  });
});

test.describe('maintenance idle timeout', () => {
  test('two minutes without a touch end maintenance and return to the attract screen', async ({ page, kiosk }) => {
    await page.clock.install();
    await page.goto(kiosk.uiUrl);
    await enterMaintenance(page);
    await page.clock.fastForward('01:50');
    await expect(page.getByRole('heading', { name: '终端维护' })).toBeVisible();
    await page.clock.fastForward('00:15');
    await expect(page.getByRole('heading', { name: '一件事，一次办' })).toBeVisible();
    // No resident countdown interfered on the maintenance screens.
    await expect(page.getByTestId('idle-warning')).toHaveCount(0);
  });
});

test.describe('UI watchdog', () => {
  test('a UI that stops answering is reloaded by the host and beats again', async ({ page, platform }) => {
    const kiosk = await startKioskProcess({ KIOSK_PLATFORM_URL: platform.url, KIOSK_WATCHDOG_MS: '1500' });
    try {
      const run = JSON.parse(readFileSync(path.join(kiosk.dataDir, 'run', 'webshell.json'), 'utf8')) as { maintenanceToken: string };
      const ui = async () => (await kiosk.call<{ value: { ui: { lastHeartbeatAt: string | null; recoveries: number } } }>('maintenance.diagnostics', { token: run.maintenanceToken })).body.value.ui;
      await page.goto(kiosk.uiUrl);
      await expect.poll(async () => (await ui()).lastHeartbeatAt).not.toBeNull();
      await page.evaluate(() => ((window as unknown as { beforeHang: boolean }).beforeHang = true));
      const reloaded = page.waitForEvent('load', { timeout: 8000 });
      const hungAt = Date.now();
      // The page's main thread is stuck for 4 s: no frames, no beats.
      await page.evaluate(() => {
        const until = Date.now() + 4000;
        while (Date.now() < until) {
          /* hung */
        }
      });
      // The host noticed and asked for a reload; the page came back fresh and beats again.
      await reloaded;
      // Recovery is asked for within 5 s of the last beat; the page can act on it once its thread is free (4 s here).
      expect(Date.now() - hungAt).toBeLessThan(8000);
      expect(await page.evaluate(() => (window as unknown as { beforeHang?: boolean }).beforeHang ?? false)).toBe(false);
      await expect(page.getByRole('heading', { name: '一件事，一次办' })).toBeVisible();
      expect((await ui()).recoveries).toBeGreaterThanOrEqual(1);
      const beatAfter = Date.now();
      await expect.poll(async () => Date.parse((await ui()).lastHeartbeatAt ?? '0')).toBeGreaterThan(beatAfter - 100);
      expect(existsSync(path.join(kiosk.dataDir, 'run', 'webshell.json'))).toBe(true);
    } finally {
      await kiosk.stop();
    }
  });
});

test.describe('staff card + PIN', () => {
  test("a registered technician's card opens the PIN pad; a resident's card does not", async ({ page, platform }) => {
    const dataDir = tempDir('staffcard');
    const technician = demoCard('resident-zhang');
    await StaffCardRoster.in(dataDir).register(technician.number, 'T-0042');
    const kiosk = await startKioskProcess({ KIOSK_PLATFORM_URL: platform.url, KIOSK_DATA_DIR: dataDir });
    try {
      await page.goto(kiosk.uiUrl);
      await expect(page.getByRole('heading', { name: '一件事，一次办' })).toBeVisible();
      // A resident's card: the resident's home screen, no maintenance.
      await kiosk.call('devdock.idcard.insert', { cardId: 'resident-longterm' });
      await expect(page.getByRole('heading', { name: '欧**英，您好' })).toBeVisible();
      await expect(page.getByRole('heading', { name: '维护登录' })).toHaveCount(0);
      await kiosk.call('devdock.idcard.remove');
      await kiosk.call('session.end', { reason: 'home' });
      await page.goto(kiosk.uiUrl);
      // The technician's card: the PIN pad, and the PIN completes staff-card entry.
      await kiosk.call('devdock.idcard.insert', { cardId: 'resident-zhang' });
      await expect(page.getByTestId('pin-staff-card')).toContainText('T-0042');
      expect(await axeViolations(page)).toEqual([]);
      await typePin(page, DEMO_PIN);
      await expect(page.getByRole('heading', { name: '终端维护' })).toBeVisible();
      // Entering maintenance ended the session the card had started.
      expect((await kiosk.call<{ value: unknown }>('session.current')).body.value).toBeNull();
    } finally {
      await kiosk.stop();
    }
  });
});
