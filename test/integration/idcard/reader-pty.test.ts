import { afterEach, describe, expect, it } from 'vitest';
import type { SimulatorFault } from '../../../drivers/idcard';
import { card, startRig, type Rig } from './harness';

let rig: Rig | null = null;
afterEach(async () => {
  await rig?.close();
  rig = null;
});

const presented = (r: Rig) => r.events.filter((e) => e.kind === 'cardPresented');

describe('IdCardReader ⇄ simulator over a socat pty pair (real serialport)', () => {
  it('comes online with the SAM check, reads a card once, and reports its removal', async () => {
    rig = await startRig();
    expect(rig.reader.status()).toMatchObject({ power: 'online', state: 'idle', kind: 'idcard', source: 'serial' });
    const health = await rig.reader.checkHealth('internal');
    expect(health).toMatchObject({ ok: true, value: { healthy: true } });
    if (health.ok) expect(health.value.detail).toMatch(/^SAM [0-9A-F]{8}-/);

    rig.simulator.insert(card('resident-zhang'));
    await expect.poll(() => presented(rig!).length, { timeout: 5000 }).toBe(1);
    const first = presented(rig)[0]!;
    if (first.kind !== 'cardPresented') throw new Error('unreachable');
    expect(first.read.identity).toMatchObject({ name: '张小三', idNumber: '140105199003071234', nation: '01', idNumberValid: true });
    expect(first.read.photo.wlt).toHaveLength(1024);
    expect(first.read.photo.decoded).toBeNull();

    // Several more polls while the card stays: no second cardPresented, and idle polling is not a status change.
    const statusUpdates: string[] = [];
    const off = rig.reader.on('statusUpdate', (st) => statusUpdates.push(st.state));
    const polled = rig.simulator.log.length;
    await expect.poll(() => rig!.simulator.log.length, { timeout: 3000 }).toBeGreaterThan(polled + 6);
    off();
    expect(presented(rig)).toHaveLength(1);
    expect(statusUpdates).toEqual([]);
    expect(await rig.reader.checkHealth('external')).toMatchObject({ ok: true, value: { healthy: true } });

    rig.simulator.remove();
    await expect.poll(() => rig!.kinds().at(-1), { timeout: 3000 }).toBe('cardRemoved');
    rig.simulator.insert(card('hmt-residence'));
    await expect.poll(() => presented(rig!).length, { timeout: 5000 }).toBe(2);
    expect(rig.reader.status().counters['reads']).toBe(2);
  });

  it('answers every command of the table', async () => {
    rig = await startRig({ pollMs: 60_000 });
    rig.reader.disable();
    expect(await rig.reader.resetSam()).toEqual({ ok: true, value: undefined });
    expect(await rig.reader.samStatus()).toEqual({ ok: true, value: undefined });
    expect(await rig.reader.samId()).toMatchObject({ ok: true });
    expect(await rig.reader.findCard()).toEqual({ ok: true, value: 'no-card' });
    expect(await rig.reader.selectCard()).toEqual({ ok: true, value: 'no-card' });
    rig.simulator.insert(card('foreign-permanent'));
    const read = await rig.reader.readCard(true);
    expect(read).toMatchObject({ ok: true, value: { identity: { cardType: 'foreign-permanent', nationality: 'RUS' } } });
    if (read.ok) expect(read.value?.fingerprint).toHaveLength(1024);
    expect(await rig.reader.setBaud(57600)).toEqual({ ok: true, value: undefined });
    expect(rig.simulator.baud).toBe(57600);
    rig.simulator.insert(card('resident-longterm'));
    expect(await rig.reader.readCard()).toMatchObject({ ok: true, value: { identity: { validTo: null } } });
    expect(await rig.reader.setBaud(1200)).toMatchObject({ ok: false, error: { extended: 'BAUD-UNSUPPORTED' } });
  });

  const readerFaults: Array<[SimulatorFault, string]> = [
    ['sw3-41', 'SW3-41'],
    ['sw3-31', 'SW3-31'],
    ['sw3-32', 'SW3-32'],
    ['sw3-40', 'SW3-40'],
  ];
  for (const [fault, code] of readerFaults) {
    it(`maps ${fault} to a typed, resident-worded failure and reads the card on the next poll`, async () => {
      rig = await startRig();
      rig.simulator.inject(fault);
      rig.simulator.insert(card('resident-zhang'));
      await expect.poll(() => presented(rig!).length, { timeout: 5000 }).toBe(1);
      const failure = rig.events.find((e) => e.kind === 'readFailed');
      expect(failure).toMatchObject({ kind: 'readFailed', error: { extended: code } });
      if (failure?.kind === 'readFailed') expect(failure.error.message).toMatch(/[\u4e00-\u9fff]/);
      expect(rig.kinds().indexOf(`readFailed:${code}`)).toBeLessThan(rig.kinds().indexOf('cardPresented'));
      expect(rig.reader.status().state).toBe('idle');
    });
  }

  it('retries one corrupted read reply silently; two in a row are reported, then the read succeeds', async () => {
    rig = await startRig();
    rig.simulator.inject('checksum-error');
    rig.simulator.insert(card('resident-zhang'));
    await expect.poll(() => presented(rig!).length, { timeout: 5000 }).toBe(1);
    expect(rig.kinds().filter((k) => k.startsWith('readFailed'))).toEqual([]);
    expect(rig.reader.status().counters).toMatchObject({ readRetries: 1, badFrames: 1 });

    rig.simulator.remove();
    await expect.poll(() => rig!.kinds().at(-1), { timeout: 3000 }).toBe('cardRemoved');
    rig.simulator.inject('checksum-error', 2);
    rig.simulator.insert(card('resident-longterm'));
    await expect.poll(() => presented(rig!).length, { timeout: 5000 }).toBe(2);
    expect(rig.kinds()).toContain('readFailed:FRAME-CHECKSUM');
  });

  it('times out a truncated reply, drops its half, and reads on the next poll', async () => {
    rig = await startRig({ readTimeoutMs: 600 });
    rig.simulator.inject('truncated-frame');
    rig.simulator.insert(card('resident-zhang'));
    await expect.poll(() => presented(rig!).length, { timeout: 6000 }).toBe(1);
    expect(rig.kinds()[0]).toMatch(/^readFailed:NO-REPLY-3001/);
  });

  it('times out when the reader does not answer, and recovers', async () => {
    rig = await startRig();
    rig.simulator.inject('no-reply');
    rig.simulator.insert(card('resident-zhang'));
    await expect.poll(() => presented(rig!).length, { timeout: 6000 }).toBe(1);
    expect(rig.kinds()[0]).toMatch(/^readFailed:NO-REPLY-/);
    expect(rig.reader.status().state).toBe('idle');
  });

  it('reassembles replies split into 3-byte pieces and skips garbage bytes between frames', async () => {
    rig = await startRig();
    // find, select and read replies all affected.
    rig.simulator.inject('split-frames', 3);
    rig.simulator.inject('garbage-bytes', 3);
    rig.simulator.insert(card('hmt-residence'));
    await expect.poll(() => presented(rig!).length, { timeout: 6000 }).toBe(1);
    expect(rig.kinds().filter((k) => k.startsWith('readFailed'))).toEqual([]);
    expect(rig.reader.status().counters['garbageBytes']).toBeGreaterThan(0);
    expect(rig.simulator.pendingFaults()).toEqual({});
  });

  it('reads a card whose reader sends slowly, byte by byte', async () => {
    rig = await startRig({ readTimeoutMs: 4000 });
    rig.simulator.inject('slow-bytes', 3);
    rig.simulator.insert(card('resident-expired'));
    await expect.poll(() => presented(rig!).length, { timeout: 10_000 }).toBe(1);
    const e = presented(rig)[0]!;
    expect(e.kind === 'cardPresented' && e.read.identity.expired).toBe(true);
    expect(rig.simulator.pendingFaults()).toEqual({});
  });

  it('goes offline when unplugged in the middle of a read and reads the card after replug, within 2 s', async () => {
    rig = await startRig();
    rig.simulator.insert(card('resident-zhang'));
    await expect.poll(() => rig!.simulator.log.includes('30 1'), { timeout: 5000, interval: 1 }).toBe(true);
    await rig.pty.unplug();
    await expect.poll(() => rig!.reader.status().power, { timeout: 2000 }).toBe('offline');
    expect(presented(rig)).toHaveLength(0);
    await rig.pty.replug();
    const back = performance.now();
    await expect.poll(() => rig!.reader.status().power, { timeout: 2000, interval: 10 }).toBe('online');
    expect(performance.now() - back).toBeLessThan(2000);
    await expect.poll(() => presented(rig!).length, { timeout: 5000 }).toBe(1);
    expect(rig.reader.status().counters['reconnects']).toBeGreaterThanOrEqual(1);
  });
});

describe('card swaps', () => {
  it('notices a card swapped between two polls: removed, then the new card presented', async () => {
    rig = await startRig({ pollMs: 200 });
    rig.simulator.insert(card('resident-zhang'));
    await expect.poll(() => presented(rig!).length, { timeout: 5000 }).toBe(1);
    // Lift and place another card within one poll interval.
    rig.simulator.remove();
    rig.simulator.insert(card('resident-longterm'));
    await expect.poll(() => presented(rig!).length, { timeout: 5000 }).toBe(2);
    expect(rig.kinds()).toEqual(['cardPresented', 'cardRemoved', 'cardPresented']);
    const last = presented(rig)[1]!;
    expect(last.kind === 'cardPresented' && last.read.identity.name).toBe('欧阳秀英');
  });

  it('does not re-announce a card on a reader that never halts it', async () => {
    rig = await startRig({ haltAfterRead: false });
    rig.simulator.insert(card('resident-zhang'));
    await expect.poll(() => presented(rig!).length, { timeout: 5000 }).toBe(1);
    const reads = rig.simulator.log.filter((l) => l === '30 1').length;
    await expect.poll(() => rig!.simulator.log.filter((l) => l === '30 1').length, { timeout: 5000 }).toBeGreaterThan(reads + 2);
    expect(rig.kinds()).toEqual(['cardPresented']);
  });
});

describe('a swap whose first read fails', () => {
  it('re-reads the halted new card instead of taking it for the old one', async () => {
    rig = await startRig({ readTimeoutMs: 500 });
    rig.simulator.insert(card('resident-zhang'));
    await expect.poll(() => presented(rig!).length, { timeout: 5000 }).toBe(1);
    rig.simulator.remove();
    rig.simulator.inject('truncated-frame');
    rig.simulator.insert(card('hmt-residence'));
    await expect.poll(() => presented(rig!).length, { timeout: 6000 }).toBe(2);
    const last = presented(rig).at(-1)!;
    expect(last.kind === 'cardPresented' && last.read.identity.cardType).toBe('hmt-residence');
  });
});
