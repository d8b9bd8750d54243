import { describe, expect, it } from 'vitest';
import { IdCardReader, InProcessReader, type IdCardEvent } from '../../../drivers/idcard';
import { card } from '../../integration/idcard/harness';

describe('IdCardReader against the in-process simulator', () => {
  it('detects removal through select when the reader halts a read card, and survives unplug', async () => {
    const sim = new InProcessReader({ haltAfterRead: true });
    const reader = new IdCardReader({ path: null, source: 'sim', open: sim.opener, pollMs: 10, timings: { backoff: { initialMs: 10, maxMs: 50, factor: 2 } } });
    const events: IdCardEvent['kind'][] = [];
    reader.on('data', (e) => events.push(e.kind));
    await reader.open();
    reader.claim();
    reader.enable();
    sim.simulator.insert(card('resident-zhang'));
    await expect.poll(() => events).toEqual(['cardPresented']);
    // The simulator now says "no card" to find; the driver must not think it left.
    await expect.poll(() => sim.simulator.log.filter((l) => l === '20 2').length).toBeGreaterThan(3);
    expect(events).toEqual(['cardPresented']);
    sim.simulator.remove();
    await expect.poll(() => events).toEqual(['cardPresented', 'cardRemoved']);

    sim.unplug();
    await expect.poll(() => reader.status().power).toBe('offline');
    sim.replug();
    await expect.poll(() => reader.status().power).toBe('online');
    sim.simulator.insert(card('foreign-permanent'));
    await expect.poll(() => events.at(-1)).toBe('cardPresented');
    await reader.close();
    expect(reader.status().state).toBe('closed');
  });

  it('rejects a port that answers but is not a reader (auto-probe refuses it)', async () => {
    const sim = new InProcessReader();
    sim.simulator.inject('sw3-41'); // not a read: does not apply
    sim.simulator.inject('no-reply', 100);
    const reader = new IdCardReader({ path: null, source: 'sim', open: sim.opener, commandTimeoutMs: 50, timings: { callMs: 500, backoff: { initialMs: 1000, maxMs: 1000, factor: 1 } } });
    await reader.open();
    expect(reader.status()).toMatchObject({ power: 'offline', lastError: { code: 'timeout' } });
    await reader.close();
  });
});
