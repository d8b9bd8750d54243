import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startKioskProcess, startPlatformProcess, type KioskProcess, type PlatformProcess } from '../../support/processes';

interface R<T> {
  ok: boolean;
  value: T;
  code?: string;
}

let platform: PlatformProcess;
let kiosk: KioskProcess;
beforeAll(async () => {
  platform = await startPlatformProcess();
  kiosk = await startKioskProcess({ KIOSK_PLATFORM_URL: platform.url, KIOSK_IDCARD: 'sim', KIOSK_LOG_LEVEL: 'info' });
});
afterAll(async () => {
  await kiosk?.stop();
  await platform?.stop();
});

const status = async () => {
  const r = await kiosk.call<R<Array<{ kind: string; power: string; source: string; path: string | null; state: string }>>>('devices.list');
  return r.body.value.find((d) => d.kind === 'idcard');
};

describe('npm start with KIOSK_IDCARD=sim: simulator on a pty, real driver on the other end', () => {
  it('lists the reader online, and a dock-inserted card identifies the resident (masked)', async () => {
    await expect.poll(async () => (await status())?.power, { timeout: 10_000 }).toBe('online');
    expect(await status()).toMatchObject({ source: 'sim', state: 'idle' });
    expect((await status())?.path).toMatch(/kiosk-pty-.*\/a$/);

    const cards = await kiosk.call<R<{ cards: Array<{ id: string }> }>>('devdock.idcard.cards');
    expect(cards.body.value.cards.map((c) => c.id)).toContain('resident-zhang');

    expect((await kiosk.call<R<unknown>>('session.current')).body.value).toBeNull();
    expect((await kiosk.call('devdock.idcard.insert', { cardId: 'resident-zhang' })).body).toEqual({ ok: true, value: { inserted: 'resident-zhang' } });
    await expect
      .poll(async () => (await kiosk.call<R<{ identity: unknown } | null>>('session.current')).body.value?.identity, { timeout: 10_000 })
      .toEqual({ cardType: 'resident', name: '张*三', idNumber: '140…1234', expired: false });

    expect((await kiosk.call('devdock.idcard.insert', { cardId: 'nope' })).body).toMatchObject({ ok: false, code: 'not-found' });
    expect((await kiosk.call('devdock.idcard.fault', { fault: 'melt' })).body).toMatchObject({ ok: false, code: 'invalid-input' });
  });

  it('survives an unplug from the dock and comes back online by itself', async () => {
    expect((await kiosk.call('devdock.idcard.fault', { fault: 'unplug', seconds: 0.5 })).body).toMatchObject({ ok: true });
    await expect.poll(async () => (await status())?.power, { timeout: 5000, interval: 20 }).toBe('offline');
    await expect.poll(async () => (await status())?.power, { timeout: 5000 }).toBe('online');
    expect((await kiosk.call('devdock.idcard.fault', { fault: 'sw3-41' })).body).toEqual({ ok: true, value: { applied: 'sw3-41 ×1' } });
  });

  it('never writes the name, number or address to its logs', async () => {
    const text = [...kiosk.output, ...logFiles(kiosk.dataDir)].join('\n');
    expect(text).toMatch(/card read/);
    for (const secret of ['张小三', '140105199003071234', '坞城路']) expect(text).not.toContain(secret);
  });
});

function logFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.(log|jsonl?)$/.test(e.name)) out.push(readFileSync(p, 'utf8'));
    }
  };
  walk(dir);
  return out;
}

describe('a different card on the reader', () => {
  it('ends the previous resident’s visit before identifying the next', async () => {
    const before = (await kiosk.call<R<{ id: string } | null>>('session.current')).body.value;
    expect(before).not.toBeNull();
    await kiosk.call('devdock.idcard.remove');
    await kiosk.call('devdock.idcard.insert', { cardId: 'resident-longterm' });
    await expect
      .poll(async () => (await kiosk.call<R<{ id: string; identity: { name: string } | null } | null>>('session.current')).body.value?.identity?.name, { timeout: 10_000 })
      .toBe('欧**英');
    const after = (await kiosk.call<R<{ id: string } | null>>('session.current')).body.value;
    expect(after?.id).not.toBe(before?.id);
  });
});

describe('a card already on the reader when the resident taps 点击开始办事', () => {
  it('identifies the new visit; a card left behind by a wiped visit does not carry over', async () => {
    type S = R<{ id: string; identity: { name: string } | null } | null>;
    await kiosk.call('devdock.idcard.remove');
    await kiosk.call('session.end', { reason: 'idle' });
    await kiosk.call('devdock.idcard.insert', { cardId: 'resident-zhang' });
    await expect.poll(async () => (await kiosk.call<S>('session.current')).body.value?.identity?.name, { timeout: 10_000 }).toBe('张*三');
    const begun = await kiosk.call<S>('session.begin', {});
    expect(begun.body.value?.identity?.name).toBe('张*三');
    expect((await kiosk.call<S>('session.current')).body.value?.identity?.name).toBe('张*三');
    // The privacy wipe ends the visit: the card still lying there is the previous resident's.
    await kiosk.call('session.end', { reason: 'idle' });
    const next = await kiosk.call<S>('session.begin', {});
    expect(next.body.value?.identity).toBeNull();
    // Lifted and another card put down: that one identifies.
    await kiosk.call('devdock.idcard.remove');
    await kiosk.call('devdock.idcard.insert', { cardId: 'resident-longterm' });
    await expect.poll(async () => (await kiosk.call<S>('session.current')).body.value?.identity?.name, { timeout: 10_000 }).toBe('欧**英');
  });
});

describe('every simulator fault through the running host', () => {
  it('leaves the host up and the reader reading the next card', { timeout: 120_000 }, async () => {
    const faults = ['checksum-error', 'sw3-41', 'sw3-31', 'sw3-32', 'sw3-40', 'truncated-frame', 'split-frames', 'garbage-bytes', 'slow-bytes', 'no-reply'];
    const cardsInTurn = [
      ['resident-zhang', '张*三'],
      ['hmt-residence', '陈*文'],
    ] as const;
    for (const [i, fault] of faults.entries()) {
      const [cardId, masked] = cardsInTurn[i % 2]!;
      await kiosk.call('devdock.idcard.remove');
      expect((await kiosk.call('devdock.idcard.fault', { fault })).body).toMatchObject({ ok: true });
      await kiosk.call('devdock.idcard.insert', { cardId });
      await expect
        .poll(async () => (await kiosk.call<R<{ identity: { name: string } | null } | null>>('session.current')).body.value?.identity?.name, {
          timeout: 15_000,
          message: `after ${fault}`,
        })
        .toBe(masked);
    }
    await expect.poll(async () => (await status())?.power).toBe('online');
  });
});
