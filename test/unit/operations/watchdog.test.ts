import { describe, expect, it } from 'vitest';
import { EventBus } from '../../../host/api/events';
import { createLogger } from '../../../host/log';
import { UiWatchdog } from '../../../host/operations/watchdog';
import { decideRecovery, uiIsStale } from '../../../host/operations/watchdog-policy';

describe('decideRecovery', () => {
  const now = 10 * 60_000;
  it('reloads first, relaunches after two reloads within five minutes', () => {
    expect(decideRecovery([], now)).toBe('reload');
    expect(decideRecovery([{ at: now - 1000, action: 'reload' }], now)).toBe('reload');
    expect(decideRecovery([{ at: now - 2000, action: 'reload' }, { at: now - 1000, action: 'reload' }], now)).toBe('relaunch');
  });
  it('forgets reloads older than the window and counts afresh after a relaunch', () => {
    expect(decideRecovery([{ at: now - 6 * 60_000, action: 'reload' }, { at: now - 1000, action: 'reload' }], now)).toBe('reload');
    expect(decideRecovery([{ at: now - 3000, action: 'reload' }, { at: now - 2000, action: 'relaunch' }, { at: now - 1000, action: 'reload' }], now)).toBe('reload');
  });
  it('judges staleness only after a first beat', () => {
    expect(uiIsStale(null, 99_999, 1000)).toBe(false);
    expect(uiIsStale(0, 1001, 1000)).toBe(true);
    expect(uiIsStale(0, 1000, 1000)).toBe(false);
  });
});

describe('UiWatchdog', () => {
  it('reloads a silent UI within the stale limit, escalates to relaunch when reloads do not help, and stays quiet while beats arrive', () => {
    let t = 0;
    const actions: string[] = [];
    const bus = new EventBus();
    const w = new UiWatchdog({ bus, logger: createLogger({ level: 'silent' }), staleMs: 3000, now: () => t });
    w.useRecoverer({ reload: () => actions.push('reload'), relaunch: () => actions.push('relaunch') });
    expect(w.check()).toBeNull();
    w.beat();
    for (t = 500; t <= 3000; t += 500) {
      w.beat();
      expect(w.check()).toBeNull();
    }
    t = 6001;
    expect(w.check()).toBe('reload');
    t = 9002;
    expect(w.check()).toBe('reload');
    t = 12003;
    expect(w.check()).toBe('relaunch');
    expect(actions).toEqual(['reload', 'reload', 'relaunch']);
    expect(w.health()).toMatchObject({ recoveries: 3, lastRecovery: 'relaunch', lastHeartbeatAt: new Date(3000).toISOString() });
  });

  it('without a shell recoverer it asks the UI itself to reload over the event bus', () => {
    let t = 0;
    const bus = new EventBus();
    const seen: unknown[] = [];
    bus.subscribe((m) => seen.push(m));
    const w = new UiWatchdog({ bus, logger: createLogger({ level: 'silent' }), staleMs: 1000, now: () => t });
    w.beat();
    t = 1500;
    w.check();
    expect(seen).toEqual([{ event: 'ui.reload', payload: { reason: 'watchdog' } }]);
  });

  it('counts crashes the shell reports together with silences: reload, reload, then relaunch', () => {
    let t = 0;
    const actions: string[] = [];
    const w = new UiWatchdog({ bus: new EventBus(), logger: createLogger({ level: 'silent' }), staleMs: 1000, now: () => t });
    w.useRecoverer({ reload: () => actions.push('reload'), relaunch: () => actions.push('relaunch') });
    w.beat();
    t = 100;
    expect(w.failed('render-process-gone')).toBe('reload');
    t = 1200;
    expect(w.check()).toBe('reload');
    t = 1300;
    expect(w.failed('unresponsive')).toBe('relaunch');
    expect(actions).toEqual(['reload', 'reload', 'relaunch']);
    expect(w.health().recoveries).toBe(3);
  });
});
