import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BatchResponseSchema, FaultStateSchema, PlatformErrorSchema } from '../../../contract/platform';
import { spawnTs, tempDir } from '../../support/processes';
import { applicationItem, startSimWithKiosk, type SimUnderTest } from './sim-client';

/** The error a fetch fails with, with its low-level cause code (ECONNRESET, UND_ERR_SOCKET …). */
async function failure(p: Promise<Response>): Promise<{ name: string; cause: string }> {
  try {
    const res = await p;
    await res.text();
  } catch (e) {
    const err = e as Error & { cause?: { code?: string } };
    return { name: err.name, cause: err.cause?.code ?? '' };
  }
  throw new Error('request succeeded; expected a transport failure');
}

describe('platform-sim fault injection', () => {
  let t: SimUnderTest;
  beforeEach(async () => {
    t = await startSimWithKiosk();
  });
  afterEach(async () => {
    await t.sim.close();
  });

  const setFaults = async (config: object) => {
    const res = await t.admin('PUT', '/admin/faults', config);
    expect(res.status).toBe(200);
    return FaultStateSchema.parse(await res.json());
  };
  const injected = async () => FaultStateSchema.parse(await (await t.admin('GET', '/admin/faults')).json()).injected;
  const countIntake = async () => {
    const r = (await (await t.admin('GET', '/admin/received.json')).json()) as { totals: { accepted: number } };
    return r.totals.accepted;
  };

  it('answers 500 for the next N requests, then recovers by itself', async () => {
    await setFaults({ errorRate: 1, count: 2 });
    for (let i = 0; i < 2; i++) {
      const res = await t.kiosk.request('GET', '/v1/status');
      expect(res.status).toBe(500);
      expect(PlatformErrorSchema.parse(await res.json()).code).toBe('internal');
    }
    expect((await t.kiosk.request('GET', '/v1/status')).status).toBe(200);
    expect((await injected()).error).toBe(2);
  });

  it('answers 429 with Retry-After (header and body) and commits nothing', async () => {
    await setFaults({ rateLimitRate: 1, retryAfterSeconds: 7 });
    const res = await t.kiosk.request('POST', '/v1/applications/batch', { items: [applicationItem()] });
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('7');
    expect(PlatformErrorSchema.parse(await res.json())).toMatchObject({ code: 'rate-limited', retryAfterSeconds: 7 });
    expect(await countIntake()).toBe(0);
  });

  it('resets the connection before doing anything', async () => {
    await setFaults({ resetRate: 1, paths: ['/v1/applications'] });
    const f = await failure(t.kiosk.request('POST', '/v1/applications/batch', { items: [applicationItem()] }));
    expect(f.name).toBe('TypeError');
    expect(['ECONNRESET', 'UND_ERR_SOCKET']).toContain(f.cause);
    expect(await countIntake()).toBe(0);
    expect((await injected()).reset).toBe(1);
    // Other paths are untouched.
    expect((await fetch(`${t.sim.url}/v1/health`)).status).toBe(200);
  });

  it('never answers a hung request: the client timeout fires, and the server still closes', async () => {
    await setFaults({ hangRate: 1, paths: ['/v1/status'] });
    const f = await failure(t.kiosk.request('GET', '/v1/status', undefined, { signal: AbortSignal.timeout(300) }));
    expect(f.name).toBe('TimeoutError');
    expect((await injected()).hang).toBe(1);
  });

  it('delays answers by the configured latency', async () => {
    await setFaults({ latencyMs: 2_000, paths: ['/v1/health'] });
    const slow = await failure(fetch(`${t.sim.url}/v1/health`, { signal: AbortSignal.timeout(200) }));
    expect(slow.name).toBe('TimeoutError');
    await setFaults({});
    expect((await fetch(`${t.sim.url}/v1/health`, { signal: AbortSignal.timeout(2_000) })).status).toBe(200);
    expect((await injected()).latency).toBe(1);
  });

  it('commits then drops the response; the retry finds the duplicate with the same number', async () => {
    await setFaults({ dropAfterCommitRate: 1, dropOnlyNew: true });
    const item = applicationItem();
    const lost = await failure(t.kiosk.request('POST', '/v1/applications/batch', { items: [item] }));
    expect(lost.name).toBe('TypeError');
    expect(await countIntake()).toBe(1);
    // Same fault still on: a retry creates nothing new, so its answer gets through.
    const retry = await t.kiosk.request('POST', '/v1/applications/batch', { items: [item] });
    expect(retry.status).toBe(200);
    const [r] = BatchResponseSchema.parse(await retry.json()).results;
    expect(r?.outcome).toBe('duplicate');
    const received = (await (await t.admin('GET', '/admin/received.json')).json()) as { kiosks: { recent: { platformNumber: string; duplicateCount: number }[] }[] };
    expect(received.kiosks[0]!.recent[0]).toMatchObject({ platformNumber: (r as { platformNumber: string }).platformNumber, duplicateCount: 1 });
    expect((await injected()).dropAfterCommit).toBe(1);
  });

  it('drops every answer at rate 1 without dropOnlyNew, yet commits each item once', async () => {
    await setFaults({ dropAfterCommitRate: 1 });
    const item = applicationItem();
    for (let i = 0; i < 3; i++) await failure(t.kiosk.request('POST', '/v1/applications/batch', { items: [item] }));
    expect(await countIntake()).toBe(1);
  });

  it('refuses a bad fault config with a 400 naming the field', async () => {
    const res = await t.admin('PUT', '/admin/faults', { errorRate: 2 });
    expect(res.status).toBe(400);
    expect(PlatformErrorSchema.parse(await res.json()).issues?.[0]?.path).toBe('errorRate');
  });
});

describe('platform-sim fault flags on the command line', () => {
  it('starts with faults from flags (npm run platform -- --error-rate 1 --fault-paths /v1/health)', async () => {
    const p = await spawnTs('platform-sim/main.ts', ['--port', '0', '--data', tempDir('platform-cli'), '--error-rate', '1', '--fault-paths', '/v1/health'], {
      readyLine: /^PLATFORM_URL=(\S+)/,
    });
    try {
      const url = p.match[1]!;
      expect((await fetch(`${url}/v1/health`)).status).toBe(500);
      expect((await fetch(`${url}/v1/catalog`)).status).toBe(401);
    } finally {
      await p.stop();
    }
  });

  it('exits 2 with a clear message for a bad flag', async () => {
    await expect(
      spawnTs('platform-sim/main.ts', ['--port', '0', '--data', tempDir('platform-cli'), '--error-rate', 'lots'], { readyLine: /^PLATFORM_URL=/ }),
    ).rejects.toThrow(/exited with 2[\s\S]*errorRate/);
  });
});

describe('platform-sim under load and lost answers', () => {
  let t: SimUnderTest;
  beforeEach(async () => {
    t = await startSimWithKiosk();
  });
  afterEach(async () => {
    await t.sim.close();
  });

  it('sheds load above capacityPerSecond with 429 Retry-After: 1', async () => {
    await t.admin('PUT', '/admin/faults', { capacityPerSecond: 5, paths: ['/v1/health'] });
    const statuses = await Promise.all(Array.from({ length: 40 }, () => fetch(`${t.sim.url}/v1/health`).then(async (r) => [r.status, r.headers.get('retry-after')] as const)));
    const limited = statuses.filter(([s]) => s === 429);
    // 40 requests span at most a few seconds: at most 5 per second get through.
    expect(statuses.length - limited.length).toBeLessThanOrEqual(15);
    expect(limited.length).toBeGreaterThanOrEqual(25);
    expect(limited.every(([, ra]) => ra === '1')).toBe(true);
  });

  it('loses every first answer of 200 submissions and still holds each exactly once after retries', async () => {
    await t.admin('PUT', '/admin/faults', { dropAfterCommitRate: 1, dropOnlyNew: true });
    const items = Array.from({ length: 200 }, (_, i) => applicationItem(undefined, i + 1));
    const numbers = new Map<string, string>();
    for (const item of items) {
      for (let attempt = 1; ; attempt++) {
        expect(attempt).toBeLessThanOrEqual(2);
        try {
          const res = await t.kiosk.request('POST', '/v1/applications/batch', { items: [item] });
          const [r] = BatchResponseSchema.parse(await res.json()).results;
          expect(r!.outcome).toBe('duplicate');
          numbers.set(item.clientId, (r as { platformNumber: string }).platformNumber);
          break;
        } catch (e) {
          if (!(e instanceof TypeError)) throw e; // the dropped answer: retry
        }
      }
    }
    const report = (await (await t.admin('GET', '/admin/received.json')).json()) as { totals: { accepted: number; duplicates: number } };
    expect(report.totals).toEqual({ accepted: 200, duplicates: 200, rejected: 0 });
    expect(new Set(numbers.values()).size).toBe(200);
  });
});
