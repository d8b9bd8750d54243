import { v7 as uuidv7 } from 'uuid';
import { applicationItem, applicationPayload, TestKiosk } from '../support/platform-kiosk';
import { axeViolations, expect, keepScreenshot, test } from './fixtures';

/** The simulator's admin and fleet pages are read by technicians: accessible, Chinese labels. */
test('platform-sim admin and fleet pages pass axe and show received items and kiosk problems', async ({ platform, page }) => {
  const kiosk = new TestKiosk(platform.url, 'SX-TY-XD-0001');
  expect((await kiosk.provision()).status).toBe(201);
  const item = applicationItem();
  await kiosk.request('POST', '/v1/applications/batch', { items: [item] });
  await kiosk.request('POST', '/v1/applications/batch', { items: [item] });
  const hb = {
    heartbeatId: uuidv7(),
    sentAt: new Date().toISOString(),
    version: '0.1.0',
    mode: 'demo',
    uptimeSeconds: 60,
    devices: [{ id: 'printer-1', kind: 'printer', state: 'idle', power: 'online', errorCode: 'PAPER-END', conditions: { paper: 'end' } }],
    outbox: { queued: 0, quarantined: 0, oldestPendingSeconds: null },
    disk: { freeBytes: 50e9, totalBytes: 100e9 },
    catalogVersion: '2024-8.1',
    auditHead: null,
    acks: [],
  };
  expect((await kiosk.request('POST', '/v1/heartbeats', hb)).status).toBe(200);
  const second = new TestKiosk(platform.url, 'SX-TY-XD-0002');
  expect((await second.provision()).status).toBe(201);

  await page.goto(`${platform.url}/admin`);
  await expect(page.getByRole('heading', { level: 1, name: '接收情况' })).toBeVisible();
  await expect(page.getByRole('table', { name: '各终端接收汇总' })).toContainText('SX-TY-XD-0001');
  await expect(page.getByText('重复提交 1 次', { exact: false })).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
  await keepScreenshot(page, 'platform-admin-received');

  await page.getByRole('link', { name: '终端运行状态' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '终端运行状态' })).toBeVisible();
  const table = page.getByRole('table', { name: '终端列表' });
  await expect(table.getByRole('row', { name: /SX-TY-XD-0001/ })).toContainText('凭条打印机缺纸');
  await expect(table.getByRole('row', { name: /SX-TY-XD-0002/ })).toContainText('从未收到心跳');
  expect(await axeViolations(page)).toEqual([]);
  await keepScreenshot(page, 'platform-admin-fleet');
});

/** The page a receipt QR opens on a resident's phone: status for the number, details only with the receipt's code. */
test('platform-sim public progress page passes axe in each of its views and shows details only with the code', async ({ platform, page }) => {
  const kiosk = new TestKiosk(platform.url, 'SX-TY-XD-0003');
  expect((await kiosk.provision()).status).toBe(201);
  const localNumber = 'SX-TY-XD-0003-000042';
  const payload = applicationPayload({ localNumber, receiptCode: 'K7M2Q9TX4B' });
  expect((await kiosk.request('POST', '/v1/applications/batch', { items: [applicationItem(payload, 1)] })).status).toBe(200);

  await page.goto(`${platform.url}/progress?n=${localNumber}&c=K7M2Q9TX4B`);
  await expect(page.getByRole('heading', { level: 1, name: /办件进度查询/ })).toBeVisible();
  await expect(page.getByText('张*三')).toBeVisible();
  await expect(page.getByRole('table', { name: /办理事项/ })).toBeVisible();
  await expect(page.locator('body')).not.toContainText('张小三');
  expect(await axeViolations(page)).toEqual([]);
  await keepScreenshot(page, 'platform-progress-with-code');

  await page.goto(`${platform.url}/progress?n=${localNumber}`);
  await expect(page.getByText('受理编号')).toBeVisible();
  await expect(page.locator('body')).not.toContainText('张*三');
  await expect(page.getByRole('table')).toHaveCount(0);
  expect(await axeViolations(page)).toEqual([]);

  await page.goto(`${platform.url}/progress?n=SX-TY-XD-0003-000099`);
  await expect(page.getByRole('status')).toContainText('没有查到');
  expect(await axeViolations(page)).toEqual([]);
});
