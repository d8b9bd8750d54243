import { afterEach, describe, expect, it } from 'vitest';
import { toProgress } from '../../../host/platform/applications';
import { advanceSimClock, drain, openKiosk, payloadFor, RESIDENT, startSim } from '../../support/offline-kiosk';

const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
});

/**
 * Check services end in a finding, not a licence: the simulator's 办结 for
 * 企业上市合法合规信息核查 carries what each department found, the kiosk's
 * status pull keeps it, and the progress answer shows it per sub-item.
 */
describe('check-service findings on the progress query', () => {
  it('pulls each department’s finding into the ledger and the progress answer, only once they are 办结', async () => {
    const sim = await startSim({ statusStepMs: 60_000, returnRate: 0 });
    cleanup.push(() => sim.close());
    const kiosk = await openKiosk(sim.url);
    cleanup.push(() => kiosk.close());

    const subItems = [
      { code: '15-01', name: '统筹相关申请核查信息的受理、分派、汇总和结果送达', department: '省审批服务管理局' },
      { code: '15-14', name: '企业合法纳税情况无违法违规信息核查', department: '省税务局' },
    ];
    const app = kiosk.ledger.submit({
      matterCode: '15',
      matterTitle: '企业上市合法合规信息核查',
      deadline: '10个工作日',
      applicantIdNumber: RESIDENT.idNumber,
      applicantMasked: '王*英 140…0027',
      subItems,
      attachments: [],
      payload: (localNumber) => payloadFor(localNumber, { itemCode: '15', subItemCodes: subItems.map((s) => s.code) }),
    });
    await drain(kiosk);

    // Before the departments finish there is no finding to show.
    await kiosk.engine.syncNow();
    expect(toProgress(kiosk.ledger.find(app.localNumber)!).subItems.map((s) => s.result)).toEqual([undefined, undefined]);

    await advanceSimClock(sim.url, 30 * 86_400_000);
    await kiosk.engine.syncNow();
    const progress = toProgress(kiosk.ledger.find(app.localNumber)!);
    expect(progress.subItems.map((s) => s.status)).toEqual(['done', 'done']);
    expect(progress.subItems[0]!.result).toContain('核查意见书');
    expect(progress.subItems[1]!.result).toMatch(/^合法纳税情况：核查期间/);
  });
});
