import { axeViolations, expect, keepScreenshot, test } from './fixtures';

interface Condition {
  paper: string;
  coverOpen: boolean;
  heldJobs: number;
}

test.describe('receipt printer in the dev dock: paper out holds the receipt, the virtual paper shows what printed', () => {
  test('paper out → test receipt held; paper back → printed, and the dock shows the paper', async ({ page, kiosk }) => {
    await page.goto(kiosk.uiUrl);
    await expect(page.getByRole('heading', { name: '一件事，一次办' })).toBeVisible();
    await page.getByTestId('devdock-toggle').tap();
    const section = page.getByTestId('devdock-section-printer');
    await expect(section).toBeVisible();
    await expect(page.getByTestId('dock-printer-condition')).toHaveAttribute('data-paper', 'ok');

    await page.getByTestId('dock-paper-end').tap();
    await expect(page.getByTestId('dock-printer-condition')).toHaveAttribute('data-paper', 'end');
    await page.getByTestId('dock-print-test').tap();
    await expect(section.getByRole('status')).toContainText('未打印');
    const held = await kiosk.call<{ ok: boolean; value: Condition }>('receipts.condition');
    expect(held.body.value).toMatchObject({ paper: 'end', heldJobs: 1 });
    expect(await axeViolations(page)).toEqual([]);

    // Paper refilled while the session lasts: the held receipt prints by itself.
    await page.getByTestId('dock-paper-ok').tap();
    await expect.poll(async () => (await kiosk.call<{ ok: boolean; value: Condition }>('receipts.condition')).body.value.heldJobs).toBe(0);
    await expect(page.getByTestId('dock-last-paper')).toHaveAttribute('data-complete', 'true');
    const last = await kiosk.call<{ ok: boolean; value: { lines: string[]; complete: boolean } }>('receipts.last');
    expect(last.body.value.lines).toEqual(expect.arrayContaining(['办件回执', '一件事：打印测试']));
    expect(await axeViolations(page)).toEqual([]);
    await keepScreenshot(page, 'devdock-printer');

    await page.getByTestId('dock-cover').tap();
    await expect(page.getByTestId('dock-printer-condition')).toHaveAttribute('data-cover', 'open');
    const status = await kiosk.call<{ ok: boolean; value: { kind: string; conditions: Record<string, unknown> }[] }>('devices.list');
    expect(status.body.value.find((d) => d.kind === 'printer')?.conditions['cover']).toBe('open');
  });

  test('the scanner section scans through the simulated serial scanner', async ({ page, kiosk }) => {
    await page.goto(kiosk.uiUrl);
    await expect(page.getByRole('heading', { name: '一件事，一次办' })).toBeVisible();
    await page.getByTestId('devdock-toggle').tap();
    await page.getByTestId('dock-scan-text').fill('SX2611260009');
    await page.getByTestId('dock-scan').tap();
    await expect
      .poll(async () => (await kiosk.call<{ ok: boolean; value: { text: string; source: string }[] }>('scanner.recent')).body.value.map((s) => `${s.source}:${s.text}`))
      .toEqual(['serial:SX2611260009']);
    expect(await axeViolations(page)).toEqual([]);
  });
});
