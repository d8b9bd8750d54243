import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { CHROMIUM_ARGS } from '../../playwright.config';
import { applicableSubItems, checkAnswers, partiesFor, WIRED_JOURNEYS, type Journey } from '../../contract/journeys';
import { REPO_ROOT } from '../support/processes';
import { expect, freshVisit, platformFaults, sharedTest as test } from './fixtures';
import { CARD, enterpriseFor, evaluate, insertCard, platformIntakeFor, platformPayloadFor, ScreenKinds, walkToConsent } from './journey-driver';
import { coveringPaths, exemptingCertificates, thingOf, type AnswerPath } from './journey-paths';

/**
 * The wired journeys, those with the most walks first (an offline walk counts more: it waits for the
 * reconnect), so the longest tests are handed out first and the short ones fill in at the end.
 */
export function journeysLongestFirst(): typeof WIRED_JOURNEYS {
  const weight = (j: (typeof WIRED_JOURNEYS)[number]) => coveringPaths(j).reduce((w, _, i) => w + (i > 0 ? 1.5 : 1), 0);
  return [...WIRED_JOURNEYS].sort((a, b) => weight(b) - weight(a));
}

interface Intake {
  readonly subItemCodes: string[];
  readonly applicant: { idNumber: string; name: string };
  readonly materials: { kind: string; materialCode: string; certificateTypeCode?: string }[];
  readonly parties?: { role: string; present: boolean; idNumber?: string; consentedAt?: string }[];
  readonly enterprise?: { unifiedSocialCreditCode: string; verified: boolean };
}

const BY_AGENT = WIRED_JOURNEYS.filter((j) => j.wired!.questions.some((q) => q.id === 'applicantRole' && q.options?.some((o) => o.value === 'agent'))).filter((_, i) => i % 2 === 1);

/**
 * Every second business journey (in the catalog's order) is applied for by an agent (经办人) on its first
 * path: the legal representative swipes their own card and consents, so no letter of authorisation is asked.
 * The agent's answer must keep the path's sub-items.
 */
function walkedBy(journey: Journey, answers: AnswerPath, first: boolean): AnswerPath {
  if (!first || !BY_AGENT.includes(journey)) return answers;
  const wired = journey.wired!;
  const agent = { ...answers, applicantRole: 'agent' };
  const same = applicableSubItems(thingOf(journey), wired, agent).join() === applicableSubItems(thingOf(journey), wired, answers).join();
  return checkAnswers(wired, agent).length === 0 && same ? agent : answers;
}

/**
 * Generated from the journey data: for every wired 一件事, the few answer
 * paths that together reach every sub-item, each walked on screen to the
 * platform in one shared kiosk (the privacy wipe between residents). The
 * platform's own store must hold exactly one application with the sub-items
 * the engine computes for that path, the card's applicant and the
 * e-certificate exemptions; the printed receipt is read back with zbar and
 * its number is the platform's; the rating given on screen arrives too.
 * A journey's second and later paths run with the network unplugged until
 * the application is queued, then reconnect: delivered exactly once.
 */
export function walkJourneys(): void {
  test.use({
    launchOptions: {
      executablePath: process.env['KIOSK_CHROMIUM'] ?? '/usr/bin/chromium',
      args: [...CHROMIUM_ARGS, '--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream'],
    },
  });
  // axe (and a screenshot) on each kind of screen the first time this worker shows it: the
  // journeys' screens are the same components with other words (see `screenKind`), checked again only
  // where a journey brings another component, state or attribute.
  const kinds = new ScreenKinds();
  for (const journey of journeysLongestFirst()) {
    const thingId = journey.oneThing;
    test.describe(`${thingId}: every sub-item reached, each application at the platform once`, () => {
      // A whole walk with axe on the screens of a kind not seen yet, the print read-back, the platform round trips
      // and, offline, the engine's backed-off retry after the network returns. The walks are independent (each
      // starts with the privacy wipe): each is handed to whichever worker is free, which walks it in its shared
      // kiosk, so the two workers finish together.
      test.describe.configure({ mode: 'parallel', timeout: 300_000 });
      for (const [i, covering] of coveringPaths(journey).entries()) {
        const offline = i > 0;
        const path_ = { ...covering, answers: walkedBy(journey, covering.answers, i === 0) };
        const byAgent = path_.answers['applicantRole'] === 'agent';
        test(`path ${i + 1}${offline ? ' (network unplugged, then back)' : ''}${byAgent ? ' (by an agent)' : ''}: ${path_.subItems.join(' ')}`, async ({ page, sharedKiosk: kiosk, sharedPlatform: platform }) => {
          await freshVisit(page, kiosk);
          const exemptions = exemptingCertificates(journey, path_.answers, path_.subItems);
          // The fixture card holds every e-certificate that can exempt a material of this path.
          for (const e of exemptions) {
            const r = await fetch(new URL('/admin/certificates', platform.url), {
              method: 'POST',
              headers: { 'content-type': 'application/json' },
              body: JSON.stringify({ holderIdNumber: CARD.idNumber, holderName: '张小三', certificateTypeCode: e.code, certificateNumber: `${e.code}-${CARD.idNumber.slice(-6)}`, issuedAt: '2020-01-01T00:00:00.000Z' }),
            });
            expect(r.status, await r.text()).toBe(201);
          }
          if (offline) await platformFaults(platform, { errorRate: 1 });
          try {
            await page.getByTestId('start').click();
            await insertCard(kiosk);
            await expect(page.getByTestId('identity')).toContainText(CARD.masked);
            await page.getByTestId(`thing-${thingId}`).click();
            await walkToConsent(page, { thingId, shots: `all-${thingId}-${i + 1}`, answer: path_.answers, kiosk, offline, checks: kinds });
            await page.getByTestId('consent-submit').click();
            await expect(page.getByRole('heading', { name: '已提交' })).toBeVisible();
            await expect(page.getByTestId('delivery-state')).toHaveAttribute('data-delivered', String(!offline));
          } finally {
            if (offline) await platformFaults(platform, {});
          }
          const number = (await page.getByTestId('application-number').textContent())!.trim();

          // The receipt printed, always: read back from the virtual printer's paper with zbar.
          await expect(page.getByTestId('print-state')).toHaveAttribute('data-state', 'printed');
          const last = await kiosk.call<{ ok: boolean; value: { png: string; complete: boolean; lines: string[] } | null }>('receipts.last');
          expect(last.body.value?.complete).toBe(true);
          const dir = path.join(REPO_ROOT, 'artifacts', 'receipts');
          mkdirSync(dir, { recursive: true });
          const file = path.join(dir, `all-${thingId}-${i + 1}.png`);
          writeFileSync(file, Buffer.from(last.body.value!.png.replace('data:image/png;base64,', ''), 'base64'));
          const codes = execFileSync('zbarimg', ['--quiet', '--raw', file], { encoding: 'utf8' }).trim().split('\n');
          expect(codes).toContain(number);

          // 好差评 at once, as a resident would: the done screen is wiped after 75 s without a touch, and an offline
          // path may wait longer than that for the engine's next try.
          await evaluate(page, null);

          // Exactly one application at the platform (after the reconnect, for an offline path), as the engine says.
          // Offline, every failed attempt doubled the engine's wait; once the health probe sees the platform again the
          // wait is cut to a draw over the 30 s reconnect spread (two 5 s probes confirm the return first).
          const applications = () => platformIntakeFor(platform.dataDir, number).filter((x) => x.stream === 'applications');
          await expect.poll(() => applications().length, { timeout: offline ? 90_000 : 30_000 }).toBe(1);
          // Nothing but the application and (once the engine has sent it) its rating carries this number.
          expect(platformIntakeFor(platform.dataDir, number).every((x) => x.stream === 'applications' || x.stream === 'evaluations')).toBe(true);
          const payload = platformPayloadFor(platform.dataDir, number) as unknown as Intake;
          expect([...payload.subItemCodes].sort()).toEqual([...path_.subItems].sort());
          expect(payload.applicant.idNumber).toBe(CARD.idNumber);
          // Every other party the answers call for swiped their own card and consented on screen.
          const parties = payload.parties ?? [];
          expect(parties.map((p) => p.role).sort()).toEqual(partiesFor(journey.wired!, path_.answers).map((p) => p.id).sort());
          for (const p of parties) {
            expect(p.present, `party ${p.role} present`).toBe(true);
            expect(p.idNumber).not.toBe(CARD.idNumber);
            expect(Date.parse(p.consentedAt ?? ''), `party ${p.role} consented`).not.toBeNaN();
          }
          // A business names its enterprise: verified by the registry online, typed and unverified offline.
          if (journey.wired!.form.some((f) => f.fromEnterprise)) {
            expect(payload.enterprise).toMatchObject({ unifiedSocialCreditCode: enterpriseFor(path_.answers).unifiedSocialCreditCode, verified: !offline });
          }
          const certified = payload.materials.filter((m) => m.kind === 'e-certificate').map((m) => `${m.materialCode}:${m.certificateTypeCode}`);
          // Online, every material an e-certificate can replace is exempted by it; offline the lookup cannot run.
          expect(certified.sort()).toEqual(offline ? [] : exemptions.map((e) => `${e.materialId}:${e.code}`).sort());

          // 好差评: the rating given on screen (不满意, for the reason 办理时间太长) arrives at the platform for this
          // application, once, with its level, reason code and 一件事.
          await expect
            .poll(async () => {
              const { default: Database } = await import('better-sqlite3');
              const db = new Database(path.join(platform.dataDir, 'platform.sqlite'), { readonly: true, fileMustExist: true });
              try {
                const rows = db.prepare(`SELECT payload FROM intake WHERE stream = 'evaluations' AND json_extract(payload, '$.localNumber') = ?`).pluck().all(number) as string[];
                return rows.map((r) => JSON.parse(r) as { level: string; reasons: string[]; itemCode?: string }).map(({ level, reasons, itemCode }) => ({ level, reasons, itemCode }));
              } finally {
                db.close();
              }
            }, { timeout: 30_000 })
            .toEqual([{ level: 'dissatisfied', reasons: ['too-slow'], itemCode: thingOf(journey).code }]);
        });
      }
    });
  }
}
