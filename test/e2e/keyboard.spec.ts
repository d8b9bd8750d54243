import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { CHROMIUM_ARGS } from '../../playwright.config';
import { axeViolations, expect, keepScreenshot, test } from './fixtures';
import { CARD, insertCard, platformPayloadFor, walkToConsent } from './journey-driver';

// The document camera is Chromium's fake capture device (materials may be photographed).
test.use({
  launchOptions: {
    executablePath: process.env['KIOSK_CHROMIUM'] ?? '/usr/bin/chromium',
    args: [...CHROMIUM_ARGS, '--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream'],
  },
});

const hanziWriterData = path.dirname(createRequire(import.meta.url).resolve('hanzi-writer-data/package.json'));

async function typeLetters(keyboard: Locator, letters: string) {
  for (const k of letters) await keyboard.getByRole('button', { name: k.toUpperCase(), exact: true }).click();
}

/** Page through the candidates until `text` shows, then choose it. */
async function chooseCandidate(scope: Locator, text: string) {
  for (let i = 0; i < 40; i++) {
    const c = scope.getByTestId('candidate').filter({ hasText: new RegExp(`^${text}$`, 'u') });
    if (await c.count()) return c.first().click();
    const next = scope.getByTestId('candidates-next').last();
    await expect(next, `${text} not among the candidates`).toBeEnabled();
    const page = await scope.getByTestId('candidates').last().getAttribute('data-page');
    await next.click();
    await expect(scope.getByTestId('candidates').last()).not.toHaveAttribute('data-page', page!);
  }
  throw new Error(`${text} not found in 40 pages`);
}

/** Write a character on the pad with the pointer, stroke by stroke, along Make Me a Hanzi's medians. */
async function write(page: Page, char: string) {
  const { medians } = JSON.parse(readFileSync(path.join(hanziWriterData, `${char}.json`), 'utf8')) as { medians: [number, number][][] };
  const pad = page.getByTestId('handwriting-pad');
  await expect(pad).toBeVisible();
  const box = (await pad.boundingBox())!;
  const at = ([x, y]: [number, number]) => [box.x + box.width * (0.1 + (x / 1024) * 0.8), box.y + box.height * (0.1 + ((900 - y) / 1024) * 0.8)] as const;
  for (const [i, m] of medians.entries()) {
    const [x0, y0] = at(m[0]!);
    await page.mouse.move(x0, y0);
    await page.mouse.down();
    for (const p of m.slice(1)) {
      const [x, y] = at(p);
      await page.mouse.move(x, y);
    }
    await page.mouse.up();
    await expect(pad).toHaveAttribute('data-strokes', String(i + 1));
  }
}

test.describe('the on-screen keyboard types every name: pinyin phrases, handwriting, radicals; elderly mode', () => {
  // A whole 新生儿出生 walk with axe on every screen, then three input methods: more than the default minute on a shared CI core.
  test.describe.configure({ timeout: 180_000 });
  test('a parent types 王梓萱 by pinyin, writes 王 by hand, finds 䶮 and 𫖮 by radical; the name reaches review and the platform intact', async ({ page, kiosk, platform }) => {
    const seeded = await fetch(`${platform.url}/admin/certificates`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ holderIdNumber: CARD.idNumber, holderName: CARD.name, certificateTypeCode: 'EC080', certificateNumber: 'CSZM-2026-000778', issuedAt: '2026-01-02T00:00:00.000Z' }),
    });
    expect(seeded.status).toBe(201);
    await page.goto(kiosk.uiUrl);
    await page.getByTestId('start').click();
    await insertCard(kiosk);
    await page.getByTestId('thing-newborn').click();
    await walkToConsent(page, { thingId: 'newborn', shots: 'keyboard', answer: 'first', kiosk });
    await page.getByRole('button', { name: '返回' }).click();
    await page.getByTestId('change-form').click();

    const field = page.getByTestId('field-childName');
    await field.fill('');
    await field.click();
    const keyboard = page.getByTestId('keyboard');
    await expect(keyboard.getByTestId('keyboard-mode-pinyin')).toHaveAttribute('aria-pressed', 'true');

    await test.step('pinyin: "wangzixuan" offers 王梓萱 within the first pages', async () => {
      await typeLetters(keyboard, 'wangzixuan');
      await expect(keyboard.getByTestId('pinyin-buffer')).toHaveText('wang zi xuan');
      await expect(keyboard.getByTestId('candidate').first()).toHaveText(/^王/u);
      expect(await axeViolations(page), 'axe on the pinyin keyboard').toEqual([]);
      await keepScreenshot(page, 'keyboard-pinyin');
      await chooseCandidate(keyboard, '王梓萱');
      await expect(field).toHaveValue('王梓萱');
      await expect(keyboard.getByTestId('pinyin-buffer')).toHaveText('输入拼音，再点选汉字');
    });

    await test.step('handwriting: 王 written with the pointer is the first candidate', async () => {
      for (let i = 0; i < 3; i++) await keyboard.getByRole('button', { name: '删除' }).first().click();
      await expect(field).toHaveValue('');
      await keyboard.getByTestId('keyboard-mode-handwriting').click();
      await write(page, '王');
      await expect(keyboard.getByTestId('candidate').first()).toHaveText('王');
      expect(await axeViolations(page), 'axe on the handwriting pad').toEqual([]);
      await keepScreenshot(page, 'keyboard-handwriting');
      await keyboard.getByTestId('candidate').first().click();
      await expect(field).toHaveValue('王');
      await expect(page.getByTestId('handwriting-pad')).toHaveAttribute('data-strokes', '0');
    });

    await test.step('radical + strokes: 䶮 under 龙 (5 strokes) + 4, 𫖮 under 页 (6) + 6', async () => {
      await keyboard.getByTestId('keyboard-mode-radical').click();
      await keyboard.getByTestId('radical-strokes-5').click();
      await keyboard.getByTestId('radical').filter({ hasText: /^龙$/u }).click();
      await keyboard.getByTestId('residual-4').click();
      await chooseCandidate(keyboard, '䶮');
      await keyboard.getByTestId('radical-strokes-6').click();
      await keyboard.getByTestId('radical').filter({ hasText: /^页$/u }).click();
      await keyboard.getByTestId('residual-6').click();
      await chooseCandidate(keyboard, '𫖮');
      await expect(field).toHaveValue('王䶮𫖮');
      expect(await axeViolations(page), 'axe on the radical picker').toEqual([]);
      await keepScreenshot(page, 'keyboard-radical');
      // The field's font covers them: Noto Sans CJK for Ext A, HanaMin for Ext B (no tofu: each glyph has width).
      const widths = await field.evaluate((el) => {
        const font = getComputedStyle(el).font;
        const ctx = document.createElement('canvas').getContext('2d')!;
        ctx.font = font;
        return { fonts: ['䶮', '𫖮'].map((c) => document.fonts.check(font, c)), rare: ctx.measureText('𫖮').width, common: ctx.measureText('王').width };
      });
      expect(widths.fonts).toEqual([true, true]);
      expect(widths.rare).toBeGreaterThan(widths.common * 0.8);
    });

    await keyboard.getByRole('button', { name: '完成输入' }).click();
    await page.getByTestId('form-next').click();
    await expect(page.getByRole('heading', { name: '请核对您的申请' })).toBeVisible();
    await expect(page.locator('.review-row', { hasText: '孩子姓名' })).toContainText('王䶮𫖮');
    await page.getByTestId('review-next').click();
    await page.getByTestId('consent-submit').click();
    await expect(page.getByRole('heading', { name: '已提交' })).toBeVisible();
    const number = (await page.getByTestId('application-number').textContent())!.trim();
    await expect(page.getByTestId('delivery-state')).toHaveAttribute('data-delivered', 'true');
    // The platform's record keeps the surrogate pair (UTF-8 F0 AB 96 AE) and 䶮.
    await expect.poll(() => (platformPayloadFor(platform.dataDir, number)?.['form'] as Record<string, unknown> | undefined)?.['childName']).toBe('王䶮𫖮');
  });

  test('elderly mode: handwriting first, larger keys, each candidate read aloud on request; axe passes', async ({ page, kiosk }) => {
    await page.goto(kiosk.uiUrl);
    await page.getByTestId('elderly-toggle').click();
    await expect(page.locator('html')).toHaveClass(/elderly/);
    await page.getByTestId('start').click();
    await page.getByTestId('home-search').click();
    const keyboard = page.getByTestId('keyboard');
    await expect(keyboard.getByTestId('keyboard-mode-handwriting')).toHaveAttribute('aria-pressed', 'true');
    await write(page, '王');
    await expect(keyboard.getByTestId('candidate').first()).toHaveText('王');
    // Six to a page, each with its 读 button; a larger pad and keys than normal mode.
    await expect(keyboard.getByTestId('candidate')).toHaveCount(6);
    expect((await page.getByTestId('handwriting-pad').boundingBox())!.width).toBeGreaterThanOrEqual(470);
    expect((await keyboard.getByTestId('candidate').first().boundingBox())!.height).toBeGreaterThanOrEqual(80);
    await keyboard.getByTestId('candidate-speak').first().click();
    await expect(keyboard.getByTestId('candidate-audio')).toHaveAttribute('data-spoken', '王');
    expect(await axeViolations(page), 'axe on the elderly keyboard').toEqual([]);
    await keepScreenshot(page, 'keyboard-elderly');
    // Pinyin is one tap away. (Open: in elderly mode "sxs" typed key by key showed the "sx" phrases, not 山西省 —
    // the unit test finds it on page 1, so the fault is in the elderly candidate bar; see docs/resident-journeys.md.)
    await keyboard.getByTestId('keyboard-mode-pinyin').click();
    await expect(keyboard.getByTestId('keyboard-mode-pinyin')).toHaveAttribute('aria-pressed', 'true');
    await expect(keyboard.getByRole('button', { name: 'S', exact: true })).toBeVisible();
  });
});
