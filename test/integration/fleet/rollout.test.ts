import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RolloutController } from '../../../fleet-console/rollouts';
import type { FleetStore } from '../../../fleet-console/store';
import type { UpdatingKiosk } from '../../support/update-kiosks';
import { startRolloutRig, until, type RolloutRig } from './fleet-harness';

/** Ten simulated kiosks (test/support/update-kiosks.ts) on a real Mosquitto, each with the real fleet link and command runner. */
const IDS = Array.from({ length: 10 }, (_, i) => `SX-RO-${String(i + 1).padStart(4, '0')}`);
const regionOf = (id: string) => (Number(id.slice(-4)) <= 4 ? '阳泉市' : '太原市');
/** Kiosks on which 1.1.0 fails its health check (a hardware variant the release breaks). */
const BAD_ON_110 = new Set(['SX-RO-0002', 'SX-RO-0006', 'SX-RO-0007']);

let rig: RolloutRig;
let rollouts: RolloutController;
let kiosks: readonly UpdatingKiosk[];
let store: FleetStore;

beforeAll(async () => {
  rig = await startRolloutRig(IDS, (id) => ({ region: regionOf(id), fails: (v) => v === '1.1.0' && BAD_ON_110.has(id) }));
  ({ rollouts, kiosks, store } = rig);
}, 60_000);

afterAll(async () => {
  await rig?.stop();
});

describe('staged rollouts from the fleet console (real Mosquitto, ten kiosks)', () => {
  it('a release that rolls back on too many kiosks stops by itself after the stage that crossed the threshold, saying why', async () => {
    const r = await rollouts.create({ version: '1.1.0', stages: [{ region: '阳泉市' }, { percent: 100 }], failureThreshold: 0.3 });
    expect(r.stages[0]).toMatchObject({ targeted: 4 });
    const stopped = await until('the rollout stops', () => {
      const v = rollouts.view(r.id)!;
      return v.state !== 'running' ? v : null;
    }, 30_000);
    expect(stopped.state).toBe('stopped');
    // Stage 1 (阳泉市): 1 of 4 rolled back = 25 % ≤ 30 %, so the rollout went on to the rest of the fleet …
    expect(stopped.stages[0]).toMatchObject({ targeted: 4, succeeded: 3, failed: 1, pending: 0 });
    // … where 2 of 6 rolled back = 33.3 % > 30 %: stopped there.
    expect(stopped.stage).toBe(1);
    expect(stopped.stages[1]).toMatchObject({ targeted: 6, failed: 2 });
    expect(stopped.reason!['zh-CN']).toBe('第 2 阶段（全省 100%）6 台中有 2 台回退或未通过健康检查（33.3%，超过阈值 30%），发布已自动停止，其余终端不再收到版本 1.1.0。');
    expect(stopped.reason!.en).toMatch(/^Stage 2 \(100% of the fleet\): 2 of 6 kiosks rolled back .* stopped by itself/);
    expect(stopped.failures.map((f) => f.kioskId).sort()).toEqual([...BAD_ON_110].sort());
    expect(stopped.failures[0]!.detail).toMatch(/failed its health check: no UI heartbeat/);
    // Each kiosk was asked once, with the rollout's version (signed, at most once).
    for (const k of kiosks) expect(k.asked).toEqual(['1.1.0']);
  });

  it('a rollout whose first stage fails entirely reaches no other kiosk', async () => {
    // Still on 1.0.0 after the first rollout: SX-RO-0002 (阳泉市), SX-RO-0006 and -0007 (太原市).
    const r = await rollouts.create({ version: '1.1.0', stages: [{ region: '阳泉市' }, { percent: 100 }], failureThreshold: 0 });
    const stopped = await until('the rollout stops', () => {
      const v = rollouts.view(r.id)!;
      return v.state !== 'running' ? v : null;
    }, 30_000);
    expect(stopped).toMatchObject({ state: 'stopped', stage: 0 });
    // Kiosks already on 1.1.0 are not sent it again: the group is the one 阳泉市 kiosk still on 1.0.0.
    expect(stopped.stages.map((s) => [s.targeted, s.failed])).toEqual([
      [1, 1],
      [0, 0],
    ]);
    expect(stopped.reason!['zh-CN']).toBe('第 1 阶段（地区：阳泉市）1 台中有 1 台回退或未通过健康检查（100%，超过阈值 0%），发布已自动停止，其余终端不再收到版本 1.1.0。');
    expect(kiosks.find((k) => k.id === 'SX-RO-0002')!.asked).toEqual(['1.1.0', '1.1.0']);
    for (const k of kiosks.filter((x) => x.id !== 'SX-RO-0002')) expect(k.asked).toEqual(['1.1.0']);
  });

  it('a good release goes stage by stage to the whole fleet and finishes', async () => {
    const r = await rollouts.create({ version: '1.2.0', stages: [{ percent: 20 }, { percent: 50 }, { percent: 100 }], failureThreshold: 0.2 });
    expect(r.stages.map((s) => s.targeted)).toEqual([2, 0, 0]);
    const done = await until('the rollout finishes', () => {
      const v = rollouts.view(r.id)!;
      return v.state !== 'running' ? v : null;
    }, 30_000);
    expect(done.state).toBe('done');
    expect(done.stages.map((s) => [s.targeted, s.succeeded, s.failed])).toEqual([
      [2, 2, 0],
      [3, 3, 0],
      [5, 5, 0],
    ]);
    expect(done.reason!['zh-CN']).toBe('全部 3 个阶段完成，版本 1.2.0 已发布');
    // Stages went out one after another, never together.
    const starts = done.stages.map((s) => Date.parse(s.startedAt!));
    expect(starts[1]).toBeGreaterThan(starts[0]!);
    expect(starts[2]).toBeGreaterThan(starts[1]!);
    for (const k of kiosks) expect(k.asked.at(-1)).toBe('1.2.0');
    await until('the console shows every kiosk on 1.2.0', () => (store.flush(), store.kiosks().every((k) => k.version === '1.2.0')));
  });
});
