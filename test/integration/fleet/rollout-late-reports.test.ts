import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRolloutRig, until, type RolloutRig } from './fleet-harness';

/** Two kiosks of one region on a real Mosquitto; the second takes 2.5 s longer to report than the first. */
const IDS = ['SX-LT-0001', 'SX-LT-0002'];

let rig: RolloutRig;

beforeAll(async () => {
  rig = await startRolloutRig(IDS, (_id, i) => ({ region: '大同市', fails: () => true, reportAfterMs: i === 0 ? 100 : 2600 }));
}, 60_000);

afterAll(async () => {
  await rig?.stop();
});

describe('a rollout that stopped at its first failure', () => {
  it('still lists a kiosk of its stage that rolls back afterwards, with its reason; the stop and its reason stand', async () => {
    const { rollouts, kiosks } = rig;
    const r = await rollouts.create({ version: '3.0.0', stages: [{ region: '大同市' }, { percent: 100 }], failureThreshold: 0.2 });
    const stopped = await until('the rollout stops', () => {
      const v = rollouts.view(r.id)!;
      return v.state !== 'running' ? v : null;
    }, 30_000);
    // One rollback of two (50 % > 20 %) stops it, before the slow kiosk has reported.
    expect(stopped.failures.map((f) => f.kioskId)).toEqual(['SX-LT-0001']);
    expect(stopped.stages[0]).toMatchObject({ targeted: 2, failed: 1, pending: 1 });
    const settled = await until('the slow kiosk is listed too', () => {
      const v = rollouts.view(r.id)!;
      return v.failures.length === 2 ? v : null;
    }, 15_000);
    expect(settled.failures.map((f) => f.kioskId)).toEqual(IDS);
    expect(settled.failures[1]!.detail).toMatch(/version 3\.0\.0 failed its health check/);
    expect(settled).toMatchObject({ state: 'stopped', stage: 0 });
    expect(settled.stages[0]).toMatchObject({ targeted: 2, failed: 2, pending: 0 });
    expect(settled.reason!['zh-CN']).toBe(stopped.reason!['zh-CN']);
    for (const k of kiosks) expect(k.asked).toEqual(['3.0.0']);
  }, 60_000);
});
