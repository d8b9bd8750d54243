import { CHROMIUM_ARGS } from '../../playwright.config';
import { FIXTURE_ENTERPRISES } from '../../platform-sim/store/enterprise-registry';
import type { KioskProcess, PlatformProcess } from '../support/processes';
import { CARD, checkScreen, insertCard, platformPayloadFor, removeCard } from './journey-driver';
import { answerAll, checkBothModes, fillForm, finish, materialsToSubmit, showEid } from './identity-driver';
import { expect, freshVisit, platformFaults, sharedTest as test } from './fixtures';
import type { Page } from '@playwright/test';

/**
 * Who applies, on one shared kiosk (the privacy wipe between residents):
 * two people on one application, an e-ID QR instead of the card, every card
 * type, a business named by its code. "Offline" is the platform faulted
 * (every /v1 request fails, health included), then healed.
 */
test.use({
  launchOptions: {
    executablePath: process.env['KIOSK_CHROMIUM'] ?? '/usr/bin/chromium',
    args: [...CHROMIUM_ARGS, '--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream'],
  },
});
test.describe.configure({ timeout: 150_000 });

/** The platform's own record of a receipt number, once the outbox delivered it. */
async function delivered(platformDataDir: string, number: string): Promise<Record<string, unknown>> {
  await expect.poll(() => platformPayloadFor(platformDataDir, number) !== null, { timeout: 30_000 }).toBe(true);
  return platformPayloadFor(platformDataDir, number)!;
}

/** Unplugs the network (the platform answers every /v1 request with an error) until the kiosk shows it. */
async function unplug(page: Page, platform: PlatformProcess): Promise<void> {
  await platformFaults(platform, { errorRate: 1 });
  await expect(page.getByTestId('connectivity')).toHaveAttribute('data-online', 'false', { timeout: 15_000 });
}

async function plugBackIn(page: Page, platform: PlatformProcess): Promise<void> {
  await platformFaults(platform, {});
  await expect(page.getByTestId('connectivity')).toHaveAttribute('data-online', 'true', { timeout: 15_000 });
}

async function toNewbornQuestions(page: Page): Promise<void> {
  await page.getByTestId('thing-newborn').click();
  await page.getByTestId('guide-start').click();
  await answerAll(page, 'last');
}

test.describe('who applies: two people, an e-ID QR, every card type, a business', () => {
  test('新生儿出生 with both parents: the other parent swipes their own card and consents; the platform records both', async ({ page, sharedKiosk: kiosk, sharedPlatform: platform }) => {
    await freshVisit(page, kiosk);
    await page.getByTestId('start').click();
    await insertCard(kiosk);
    await expect(page.getByTestId('identity')).toContainText(CARD.masked);
    await toNewbornQuestions(page);

    // The party screen asks the other parent for their card; the applicant stays identified.
    const party = page.getByTestId('party-otherParent');
    await expect(party).toBeVisible();
    await expect(party).toContainText('请孩子的另一位家长把身份证放在感应区');
    await checkBothModes(page, 'identity-party-waiting');
    await removeCard(kiosk);
    await insertCard(kiosk, 'resident-li');
    await expect(page.getByTestId('party-identity-otherParent')).toHaveText('李*红（140…0029）');
    await checkBothModes(page, 'identity-party-read');
    await page.getByTestId('party-consent-otherParent').click();

    // Their fields come from their card, masked like the applicant's.
    await expect(page.getByTestId('party-field-otherParentName')).toHaveText('李*红');
    await expect(page.getByTestId('party-field-otherParentIdNumber')).toHaveText('140…0029');
    await expect(page.getByTestId('card-name')).toHaveText(CARD.masked);
    await fillForm(page, 'newborn', 'identity-party-form');
    const number = await materialsToSubmit(page);

    const payload = await delivered(platform.dataDir, number);
    expect(payload['identityMethod']).toBe('card');
    expect((payload['applicant'] as { name: string }).name).toBe(CARD.name);
    const parties = payload['parties'] as { role: string; present: boolean; name: string; idNumber: string; method: string; consentedAt: string }[];
    expect(parties).toHaveLength(1);
    expect(parties[0]).toMatchObject({ role: 'otherParent', present: true, name: '李小红', idNumber: '140105199206110029', method: 'card' });
    expect(Date.parse(parties[0]!.consentedAt)).toBeGreaterThan(Date.now() - 150_000);
    expect((payload['form'] as Record<string, unknown>)['otherParentName']).toBe('李小红');
  });

  test('a resident without their card identifies with a 三晋通 code online', async ({ page, sharedKiosk: kiosk, sharedPlatform: platform }) => {
    await freshVisit(page, kiosk);
    await page.getByTestId('start').click();
    await toNewbornQuestions(page);
    await page.getByTestId('identify-qr').click();
    await expect(page.getByTestId('qr-waiting')).toBeVisible();
    await checkBothModes(page, 'identity-qr-waiting');
    await showEid(kiosk, 'resident-wang');
    // Verified by the platform: the applicant is identified, the journey moves on to the other parent.
    await expect(page.getByRole('banner')).toContainText('王*明 140…001X');
    await expect(page.getByTestId('party-otherParent')).toBeVisible();
    await page.getByTestId('party-skip-otherParent').click();
    await fillForm(page, 'newborn', 'identity-qr-form');
    const number = await materialsToSubmit(page);
    const payload = await delivered(platform.dataDir, number);
    expect(payload['identityMethod']).toBe('qr');
    expect(payload['applicant']).toMatchObject({ cardType: 'resident', name: '王大明', idNumber: '14010219650320001X' });
    expect(payload['parties']).toEqual([{ role: 'otherParent', present: false }]);
    await finish(page);
  });

  test('offline, the QR needs the network: the screen says so and offers the card', async ({ page, sharedKiosk: kiosk, sharedPlatform: platform }) => {
    await freshVisit(page, kiosk);
    await unplug(page, platform);
    try {
      await page.getByTestId('start').click();
      await toNewbornQuestions(page);
      await page.getByTestId('identify-qr').click();
      await expect(page.getByTestId('qr-needs-network')).toContainText('需要联网');
      await expect(page.getByTestId('qr-waiting')).toHaveCount(0);
      await checkBothModes(page, 'identity-qr-offline');
      await page.getByTestId('identify-card').click();
      await expect(page.getByTestId('identify-waiting')).toBeVisible();
    } finally {
      await plugBackIn(page, platform);
    }
  });

  for (const c of [
    // The foreigner's permanent residence card in its 2017 format (a 15-character number) and in the 2023 one.
    { id: 'foreign-permanent', cardType: 'foreign-permanent', idNumber: 'RUS140088041522', typesAddress: true },
    { id: 'foreign-permanent-2023', cardType: 'foreign-permanent', idNumber: '914000198506201235', typesAddress: true },
    { id: 'hmt-residence', cardType: 'hmt-residence', idNumber: '81000019920909061X', typesAddress: false },
  ]) {
    test(`the card ${c.id} completes 新生儿出生${c.typesAddress ? '; the address the card lacks is typed' : ''}`, async ({ page, sharedKiosk: kiosk, sharedPlatform: platform }) => {
      await freshVisit(page, kiosk);
      await page.getByTestId('start').click();
      await insertCard(kiosk, c.id);
      await expect(page.getByTestId('identity')).toBeVisible();
      await toNewbornQuestions(page);
      await page.getByTestId('party-skip-otherParent').click();
      await expect(page.getByTestId('field-applicantAddress')).toHaveCount(c.typesAddress ? 1 : 0);
      await fillForm(page, 'newborn', `identity-card-${c.id}-form`);
      const number = await materialsToSubmit(page);
      const payload = await delivered(platform.dataDir, number);
      expect(payload['applicant']).toMatchObject({ cardType: c.cardType, idNumber: c.idNumber });
      expect((payload['applicant'] as { address?: string }).address).toBeTruthy();
      await finish(page);
    });
  }

  const e = FIXTURE_ENTERPRISES.noodleCompany;
  async function toBusinessForm(page: Page, kiosk: KioskProcess): Promise<void> {
    await freshVisit(page, kiosk);
    await page.getByTestId('start').click();
    await insertCard(kiosk);
    await expect(page.getByTestId('identity')).toContainText(CARD.masked);
    await page.getByTestId('thing-credit-repair').click();
    await page.getByTestId('guide-start').click();
    await answerAll(page, 'first');
    await expect(page.getByTestId('field-uscc')).toBeVisible();
  }

  test('a legal representative names the enterprise by its licence QR: the registry fills the form and the platform gets it verified', async ({ page, sharedKiosk: kiosk, sharedPlatform: platform }) => {
    await toBusinessForm(page, kiosk);
    await expect(page.getByTestId('field-enterpriseName')).toHaveValue('');
    // The 营业执照 QR (a credit publicity system URL) read by the scanner names the enterprise.
    const scanned = await kiosk.call<{ ok: boolean }>('scanner.simulate', { text: `http://www.gsxt.gov.cn/index.html?uniscid=${e.unifiedSocialCreditCode}`, aim: ']Q1' });
    expect(scanned.body.ok).toBe(true);
    await expect(page.getByTestId('enterprise-verified')).toContainText(e.name);
    await expect(page.getByTestId('field-uscc')).toHaveValue(e.unifiedSocialCreditCode);
    await expect(page.getByTestId('field-enterpriseName')).toHaveValue(e.name);
    await expect(page.getByTestId('field-legalRepresentativeName')).toHaveValue(e.legalRepresentative);
    await checkBothModes(page, 'identity-enterprise-verified');
    await fillForm(page, 'credit-repair', 'identity-enterprise-form');
    const number = await materialsToSubmit(page);
    const payload = await delivered(platform.dataDir, number);
    expect(payload['enterprise']).toMatchObject({ unifiedSocialCreditCode: e.unifiedSocialCreditCode, name: e.name, verified: true, legalRepresentative: e.legalRepresentative });
    await finish(page);
  });

  test('offline the enterprise is typed and goes unverified; the platform gets it so once the network is back', async ({ page, sharedKiosk: kiosk, sharedPlatform: platform }) => {
    const typedName = '太原市小店区晋味面食有限公司';
    await toBusinessForm(page, kiosk);
    await unplug(page, platform);
    let number: string;
    try {
      await page.getByTestId('field-uscc').fill(e.unifiedSocialCreditCode);
      await page.getByTestId('enterprise-lookup').click();
      await expect(page.getByTestId('enterprise-unverified')).toBeVisible();
      await expect(page.getByTestId('enterprise-verified')).toHaveCount(0);
      await expect(page.getByTestId('field-enterpriseName')).toHaveValue('');
      await checkBothModes(page, 'identity-enterprise-unverified');
      await page.getByTestId('field-enterpriseName').fill(typedName);
      await fillForm(page, 'credit-repair', 'identity-enterprise-offline-form');
      number = await materialsToSubmit(page);
      await expect(page.getByTestId('delivery-state')).toHaveAttribute('data-delivered', 'false');
      await checkScreen(page, 'identity-enterprise-offline-done');
    } finally {
      await plugBackIn(page, platform);
    }
    const payload = await delivered(platform.dataDir, number);
    expect(payload['enterprise']).toMatchObject({ unifiedSocialCreditCode: e.unifiedSocialCreditCode, name: typedName, verified: false });
    await finish(page);
  });
});
