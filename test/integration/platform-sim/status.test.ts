import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BatchResponseSchema, PlatformErrorSchema, StatusPageSchema, type StatusChange } from '../../../contract/platform';
import { applicationItem, applicationPayload, startSimWithKiosk, TestKiosk, type SimUnderTest } from './sim-client';

const STEP_MS = 60_000;

describe('platform-sim status progression', () => {
  let t: SimUnderTest;
  beforeEach(async () => {
    t = await startSimWithKiosk({ statusStepMs: STEP_MS, returnRate: 0 });
  });
  afterEach(async () => {
    await t.sim.close();
  });

  async function pullAll(kiosk: TestKiosk, from = '0'): Promise<{ changes: StatusChange[]; cursor: string }> {
    const changes: StatusChange[] = [];
    let cursor = from;
    for (;;) {
      const res = await kiosk.request('GET', `/v1/status?cursor=${cursor}&limit=3`);
      expect(res.status).toBe(200);
      const page = StatusPageSchema.parse(await res.json());
      changes.push(...page.changes);
      cursor = page.nextCursor;
      if (!page.hasMore) return { changes, cursor };
    }
  }
  const advance = async (ms: number) => expect((await t.admin('POST', '/admin/clock/advance', { ms })).status).toBe(200);

  it('moves each department through 受理 → 审批中 → 办结 as the case clock advances, pulled by cursor', async () => {
    // 01-01 goes to 省市场监管局, 01-02 to 省公安厅 (annex 1, 企业开办).
    const item = applicationItem(applicationPayload({ itemCode: '01', subItemCodes: ['01-01', '01-02'] }));
    await t.kiosk.request('POST', '/v1/applications/batch', { items: [item] });

    const first = await pullAll(t.kiosk);
    expect(first.changes.map((c) => [c.subItemCode, c.department, c.state])).toEqual([
      ['01-01', '省市场监管局', 'received'],
      ['01-02', '省公安厅', 'received'],
    ]);
    expect(first.changes.every((c) => c.clientId === item.clientId)).toBe(true);

    // Nothing new until time passes.
    expect((await pullAll(t.kiosk, first.cursor)).changes).toEqual([]);

    // Departments take 1–3 steps each; six steps later every track is final.
    await advance(6 * STEP_MS + 1);
    const rest = await pullAll(t.kiosk, first.cursor);
    for (const sub of ['01-01', '01-02']) {
      expect(rest.changes.filter((c) => c.subItemCode === sub).map((c) => c.state)).toEqual(['in-review', 'completed']);
    }
    const ats = rest.changes.map((c) => Date.parse(c.at));
    expect(Math.min(...ats)).toBeGreaterThan(Date.parse(first.changes[0]!.at));
  });

  it('can end a department case 退回 with a note for the resident', async () => {
    await t.sim.close();
    t = await startSimWithKiosk({ dataDir: t.dataDir, statusStepMs: STEP_MS, returnRate: 1 }, t.kiosk);
    await t.kiosk.request('POST', '/v1/applications/batch', { items: [applicationItem()] });
    await advance(6 * STEP_MS + 1);
    const { changes } = await pullAll(t.kiosk);
    const finals = changes.filter((c) => c.state === 'returned');
    expect(finals).toHaveLength(2);
    expect(finals[0]!.note).toMatch(/补充/);
  });

  it('returns a check service’s findings with its 办结, and nothing extra for an ordinary application', async () => {
    const check = applicationItem(applicationPayload({ itemCode: '15', subItemCodes: ['15-01', '15-02', '15-18'] }));
    const credit = applicationItem(applicationPayload({ itemCode: '14', subItemCodes: ['14-01', '14-03'] }));
    const ordinary = applicationItem(applicationPayload({ itemCode: '01', subItemCodes: ['01-01'] }));
    await t.kiosk.request('POST', '/v1/applications/batch', { items: [check, credit, ordinary] });
    await advance(6 * STEP_MS + 1);
    const done = (await pullAll(t.kiosk)).changes.filter((c) => c.state === 'completed');
    const result = (clientId: string, code: string) => done.find((c) => c.clientId === clientId && c.subItemCode === code)?.result;
    expect(result(check.clientId, '15-01')).toContain('核查意见书');
    expect(result(check.clientId, '15-02')).toMatch(/^城市管理领域：核查期间/);
    expect(result(check.clientId, '15-18')).toMatch(/^电信监管领域：核查期间/);
    expect(result(credit.clientId, '14-03')).toContain('已移出经营异常名录');
    expect(done.filter((c) => c.clientId === ordinary.clientId).map((c) => c.result)).toEqual([undefined]);
    expect(done.every((c) => c.note === undefined)).toBe(true);
    // Earlier states carry no finding.
    expect((await pullAll(t.kiosk)).changes.filter((c) => c.state !== 'completed' && c.result !== undefined)).toEqual([]);
  });

  it("shows a kiosk only its own applications", async () => {
    await t.kiosk.request('POST', '/v1/applications/batch', { items: [applicationItem()] });
    const other = new TestKiosk(t.sim.url, 'SX-TY-XD-0002');
    expect((await other.provision()).status).toBe(201);
    expect((await pullAll(other)).changes).toEqual([]);
    const res = await other.request('POST', '/v1/applications/batch', { items: [applicationItem()] });
    expect(BatchResponseSchema.parse(await res.json()).results[0]!.outcome).toBe('accepted');
    expect((await pullAll(other)).changes.length).toBe(2);
  });

  it('refuses a malformed cursor with a 400 naming it', async () => {
    const res = await t.kiosk.request('GET', '/v1/status?cursor=abc');
    expect(res.status).toBe(400);
    const e = PlatformErrorSchema.parse(await res.json());
    expect(e.code).toBe('invalid-query');
    expect(e.issues?.[0]?.path).toBe('cursor');
  });
});
