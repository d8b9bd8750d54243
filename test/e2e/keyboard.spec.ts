import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { CHROMIUM_ARGS } from '../../playwright.config';
import { axeViolations, expect, freshVisit, keepScreenshot, sharedTest as test } from './fixtures';
import { CARD, insertCard, platformPayloadFor, walkToConsent } from './journey-driver';

// The document camera is Chromium's fake capture device (materials may be photographed).
test.use({
  launchOptions: {
    executablePath: process.env['KIOSK_CHROMIUM'] ?? '/usr/bin/chromium',
    args: [...CHROMIUM_ARGS, '--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream'],
  },
});

const hanziWriterData = path.dirname(createRequire(import.meta.url).resolve('hanzi-writer-data/package.json'));

/** Types on the letter keys; after each letter (its candidates shown) the keys are where they were for the first. */
async function typeLetters(keyboard: Locator, letters: string) {
  const anchor = keyboard.getByRole('button', { name: 'A', exact: true });
  const at = (await anchor.boundingBox())!.y;
  for (const k of letters) {
    await keyboard.getByRole('button', { name: k.toUpperCase(), exact: true }).click();
    await expect(keyboard.getByTestId('candidates')).toHaveAttribute('data-pending', 'false');
    expect((await anchor.boundingBox())!.y, `the letter keys after ${k}`).toBe(at);
  }
}

/** Page through the candidates until `text` shows, then choose it. */
async function chooseCandidate(scope: Locator, text: string) {
  for (let i = 0; i < 40; i++) {
    await expect(scope.getByTestId('candidates').last()).toHaveAttribute('data-pending', 'false');
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
    // The pad stays put while the candidates arrive above it: the next stroke lands where this one was written.
    await expect(page.getByTestId('keyboard').getByTestId('candidates')).toHaveAttribute('data-pending', 'false');
    expect((await pad.boundingBox())!.y, `the pad after stroke ${i + 1}`).toBe(box.y);
  }
}

test.describe('the on-screen keyboard types every name: pinyin phrases, handwriting, radicals; elderly mode', () => {
  // A whole 新生儿出生 walk with axe on every screen, then three input methods and the receipt: several minutes on
  // CI's two busy cores. The two tests share one kiosk (the second starts from the privacy wipe).
  test.describe.configure({ timeout: 300_000 });
  test('a parent types 王梓萱 by pinyin, writes 王 by hand, finds 𫖮 and 䶮 by radical; the name reaches review, the printed receipt and the platform intact', async ({ page, sharedKiosk: kiosk, sharedPlatform: platform }) => {
    const seeded = await fetch(`${platform.url}/admin/certificates`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ holderIdNumber: CARD.idNumber, holderName: CARD.name, certificateTypeCode: 'EC080', certificateNumber: 'CSZM-2026-000778', issuedAt: '2026-01-02T00:00:00.000Z' }),
    });
    expect(seeded.status).toBe(201);
    await freshVisit(page, kiosk);
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

    await test.step('a page of single characters fills two rows of the bar, as pageStarts counts them: 25 on the portrait screen', async () => {
      await typeLetters(keyboard, 'jiao');
      await expect(keyboard.getByTestId('candidates')).toHaveAttribute('data-pending', 'false');
      await expect(keyboard.getByTestId('candidate')).toHaveCount(25);
      const boxes = await keyboard.getByTestId('candidate').evaluateAll((els) => els.map((e) => e.getBoundingClientRect()).map((r) => ({ top: Math.round(r.top), width: r.width, height: r.height })));
      // Drawn in exactly two rows, each a full touch target (≥ 48 px; 56 here).
      expect(new Set(boxes.map((b) => b.top)).size).toBe(2);
      expect(Math.min(...boxes.map((b) => Math.min(b.width, b.height)))).toBeGreaterThanOrEqual(48);
      await expect(keyboard.getByTestId('candidates-next')).toBeEnabled();
      await keepScreenshot(page, 'keyboard-pinyin-singles');
      for (let i = 0; i < 4; i++) await keyboard.getByRole('button', { name: '删除' }).first().click();
      await expect(field).toHaveValue('王梓萱');
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
      // The field's font covers them (Noto Sans CJK for Ext A, HanaMin for Ext B): each is drawn in the field's font
      // as a glyph of its own, not as the missing-glyph box a code point no font has (U+2FFFD, unassigned) gets.
      const drawn = await field.evaluate((el) => {
        const font = getComputedStyle(el).font;
        const canvas = document.createElement('canvas');
        canvas.width = canvas.height = 96;
        const ctx = canvas.getContext('2d', { willReadFrequently: true })!;
        const pixels = (c: string) => {
          ctx.clearRect(0, 0, 96, 96);
          ctx.font = font.replace(/\d+(\.\d+)?px/u, '64px');
          ctx.textBaseline = 'top';
          ctx.fillText(c, 8, 8);
          return Array.from(ctx.getImageData(0, 0, 96, 96).data.filter((_, i) => i % 4 === 3)).map((a) => (a > 127 ? 1 : 0)).join('');
        };
        const missing = pixels(String.fromCodePoint(0x2fffd));
        return ['\u{2fffd}', '䶮', '𫖮', '王'].map((c) => {
          const p = pixels(c);
          return { c, inked: p.split('').filter((b) => b === '1').length, likeMissing: p === missing };
        });
      });
      // The missing-glyph box itself is drawn (else the comparison below could not tell anything).
      expect(drawn[0]!.likeMissing).toBe(true);
      expect(drawn[0]!.inked).toBeGreaterThan(50);
      for (const d of drawn.slice(1)) {
        expect(d.likeMissing, `${d.c} drawn as the missing-glyph box`).toBe(false);
        expect(d.inked, `${d.c} drawn with ink`).toBeGreaterThan(200);
      }
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
    // The printed receipt, read back from the virtual printer's paper: the child's name masked like the applicant's,
    // its last character 𫖮 (Ext B) printed as a GB 18030 four-byte sequence and read back intact.
    await expect(page.getByTestId('print-state')).toHaveAttribute('data-state', 'printed', { timeout: 30_000 });
    const paper = await kiosk.call<{ ok: boolean; value: { complete: boolean; lines: string[] } | null }>('receipts.last');
    expect(paper.body.value?.complete).toBe(true);
    expect(paper.body.value?.lines).toContain('孩子姓名：王*𫖮');
    expect(paper.body.value?.lines).toContain(`受理编号：${number}`);
    // The platform's record keeps 䶮 and the surrogate pair (UTF-8 F0 AB 96 AE).
    await expect.poll(() => (platformPayloadFor(platform.dataDir, number)?.['form'] as Record<string, unknown> | undefined)?.['childName']).toBe('王䶮𫖮');
  });

  test('elderly mode: handwriting first, larger keys, each candidate read aloud on request, a name written by hand; axe passes', async ({ page, sharedKiosk: kiosk }) => {
    await freshVisit(page, kiosk);
    await page.getByTestId('elderly-toggle').click();
    await expect(page.locator('html')).toHaveClass(/elderly/);
    await page.getByTestId('start').click();
    await page.getByTestId('home-search').click();
    const keyboard = page.getByTestId('keyboard');
    await expect(keyboard.getByTestId('keyboard-mode-handwriting')).toHaveAttribute('aria-pressed', 'true');
    await write(page, '王');
    await expect(keyboard.getByTestId('candidate').first()).toHaveText('王');
    // All ten written candidates in two rows of five, each with its 读 button; a larger pad and keys than normal mode.
    await expect(keyboard.getByTestId('candidate')).toHaveCount(10);
    await expect(keyboard.getByTestId('candidate-speak')).toHaveCount(10);
    const tops = await keyboard.getByTestId('candidate').evaluateAll((els) => els.map((e) => Math.round(e.getBoundingClientRect().top)));
    expect(new Set(tops).size).toBe(2);
    expect((await page.getByTestId('handwriting-pad').boundingBox())!.width).toBeGreaterThanOrEqual(470);
    expect((await keyboard.getByTestId('candidate').first().boundingBox())!.height).toBeGreaterThanOrEqual(80);
    await keyboard.getByTestId('candidate-speak').first().click();
    await expect(keyboard.getByTestId('candidate-audio')).toHaveAttribute('data-spoken', '王');
    expect(await axeViolations(page), 'axe on the elderly keyboard').toEqual([]);
    await keepScreenshot(page, 'keyboard-elderly');
    // Pinyin is one tap away, and initials give phrases here too: "sxs" typed key by key offers 山西省 on the first page.
    await keyboard.getByTestId('keyboard-mode-pinyin').click();
    await expect(keyboard.getByTestId('keyboard-mode-pinyin')).toHaveAttribute('aria-pressed', 'true');
    // Tapped in quick succession, as the worker may still be loading: the bar shows only the answer to all three.
    await typeLetters(keyboard, 'sxs');
    await expect(keyboard.getByTestId('pinyin-buffer')).toHaveText('s x s');
    await expect(keyboard.getByTestId('candidates')).toHaveAttribute('data-pending', 'false');
    await expect(keyboard.getByTestId('candidates')).toHaveAttribute('data-page', '1');
    await expect(keyboard.getByTestId('candidate').filter({ hasText: /^山西省$/u })).toBeVisible();
    expect(await axeViolations(page), 'axe on the elderly pinyin keyboard').toEqual([]);
    await keepScreenshot(page, 'keyboard-elderly-pinyin');
    await keyboard.getByTestId('candidate').filter({ hasText: /^山西省$/u }).click();
    await expect(page.getByTestId('home-search')).toHaveValue('山西省');
    await keyboard.getByRole('button', { name: '完成输入' }).click();

    await test.step('an older resident who knows no pinyin writes a whole name by hand into a name field', async () => {
      await page.getByTestId('home-search').fill('');
      await insertCard(kiosk);
      await page.getByTestId('thing-newborn').click();
      await walkToConsent(page, { thingId: 'newborn', shots: 'keyboard-elderly', answer: 'first', kiosk, checks: 'none' });
      await page.getByRole('button', { name: '返回' }).click();
      await page.getByTestId('change-form').click();
      const field = page.getByTestId('field-childName');
      await field.fill('');
      await field.click();
      // Handwriting first in elderly mode, in a name field too; each character written, then chosen from the top.
      await expect(keyboard.getByTestId('keyboard-mode-handwriting')).toHaveAttribute('aria-pressed', 'true');
      for (const [i, c] of [...'李芳'].entries()) {
        await write(page, c);
        await expect(keyboard.getByTestId('candidate').first()).toHaveText(c);
        await keyboard.getByTestId('candidate').first().click();
        await expect(field).toHaveValue('李芳'.slice(0, i + 1));
        await expect(page.getByTestId('handwriting-pad')).toHaveAttribute('data-strokes', '0');
      }
      expect(await axeViolations(page), 'axe on the elderly handwriting pad in a name field').toEqual([]);
      await keyboard.getByRole('button', { name: '完成输入' }).click();
      await page.getByTestId('form-next').click();
      await expect(page.locator('.review-row', { hasText: '孩子姓名' })).toContainText('李芳');
    });
  });
});
