/**
 * `prefill`: a card placed on the reader → the consolidated form filled on
 * screen, against the host's own time for the same card.
 * - host: devdock insert call → the `session.changed` event carrying the
 *   identity arrives at the page (reader poll, GA/T 467 exchange over the
 *   pty, parse, session, event).
 * - ui-added: that event's arrival → the masked name shown in the form's card
 *   field (identify step moves on, the form asks the host for the masked
 *   card fields, React renders). The bound: ≤ 100 ms.
 * Both clocks are the same machine's wall clock (Date.now in Node and page).
 */
import { chromium, type Page } from '@playwright/test';
import { CHROMIUM_ARGS } from '../../playwright.config';
import { startKioskProcess, startPlatformProcess, type KioskProcess } from '../support/processes';
import { answerQuestionsWithLastOption } from '../support/journey-steps';
import { figure, percentile, type Emit } from './format';

const RUNS = Number(process.env['PREFILL_RUNS'] ?? 20);

/**
 * Runs in the page before the app (as text: this file compiles without DOM types).
 * Stamps the arrival of the session event carrying an identity, and the moment
 * the form's card field shows the (masked) name.
 */
const STAMPS = `
  window.__identifiedAt = null;
  window.__filledAt = null;
  const Original = window.WebSocket;
  window.WebSocket = class extends Original {
    constructor(url, protocols) {
      super(url, protocols);
      this.addEventListener('message', (e) => {
        if (window.__identifiedAt === null && typeof e.data === 'string' && e.data.includes('"session.changed"') && e.data.includes('"identity":{')) window.__identifiedAt = Date.now();
      });
    }
  };
  new MutationObserver(() => {
    if (window.__filledAt !== null) return;
    const el = document.querySelector('[data-testid="card-name"]');
    if (el && el.textContent && el.textContent !== '—') window.__filledAt = Date.now();
  }).observe(document, { subtree: true, childList: true, characterData: true });
`;

/** What STAMPS leaves on the page's global object. */
interface Stamps {
  __identifiedAt: number | null;
  __filledAt: number | null;
}

/**
 * 退休: the resident applies for themself, so the form follows the card directly (新生儿出生 now asks for the
 * other parent's card between the two, which this figure must not include).
 */
async function toIdentifyStep(page: Page, kiosk: KioskProcess): Promise<void> {
  await page.goto(kiosk.uiUrl);
  await page.getByTestId('start').click();
  await page.getByTestId('thing-retirement').click();
  await page.getByTestId('guide-start').click();
  await answerQuestionsWithLastOption(page);
  await page.getByTestId('identify-waiting').waitFor();
}

export default async function prefill(emit: Emit): Promise<void> {
  const platform = await startPlatformProcess();
  const kiosk = await startKioskProcess({ KIOSK_PLATFORM_URL: platform.url });
  const browser = await chromium.launch({ executablePath: process.env['KIOSK_CHROMIUM'] ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  const host: number[] = [];
  const ui: number[] = [];
  try {
    const page = await browser.newPage({ viewport: { width: 1080, height: 1920 } });
    // Stamp the arrival of the identifying event, and the moment the form shows the card's name.
    await page.addInitScript({ content: STAMPS });
    for (let i = 0; i < RUNS; i++) {
      await kiosk.call('devdock.idcard.remove', {});
      await kiosk.call('session.end', { reason: 'home' });
      await toIdentifyStep(page, kiosk);
      // Function forms only: the page's CSP (no 'unsafe-eval') refuses Playwright's string expressions.
      await page.evaluate(() => {
        const w = globalThis as unknown as Stamps;
        w.__identifiedAt = null;
        w.__filledAt = null;
      });
      const t0 = Date.now();
      const r = await kiosk.call<{ ok: boolean }>('devdock.idcard.insert', { cardId: 'resident-zhang' });
      if (!r.body.ok) throw new Error('devdock insert failed');
      const handle = await page
        .waitForFunction(
          () => {
            const w = globalThis as unknown as Stamps;
            return w.__identifiedAt !== null && w.__filledAt !== null ? [w.__identifiedAt, w.__filledAt] : null;
          },
          undefined,
          { timeout: 15_000 },
        )
        .catch(async (e: Error) => {
          const state = await page.evaluate(() => {
            const w = globalThis as unknown as Stamps;
            return JSON.stringify([w.__identifiedAt, w.__filledAt]);
          });
          throw new Error(`${e.message}\nstate ${state}\nscreen: ${(await page.locator('main').innerText()).slice(0, 300)}`);
        });
      const [identifiedAt, filledAt] = (await handle.jsonValue()) as [number, number];
      host.push(identifiedAt - t0);
      ui.push(filledAt - identifiedAt);
    }
  } finally {
    await browser.close();
    await kiosk.stop();
    await platform.stop();
  }
  const h = [...host].sort((a, b) => a - b);
  const u = [...ui].sort((a, b) => a - b);
  emit(figure('host-p50', percentile(h, 50), 'ms', null));
  emit(figure('ui-added-p50', percentile(u, 50), 'ms', percentile(h, 50)));
  emit(figure('ui-added-p95', percentile(u, 95), 'ms', percentile(h, 95)));
  emit(figure('ui-added-max', u[u.length - 1]!, 'ms', 100));
}
