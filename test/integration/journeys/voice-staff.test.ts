import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Identity } from '../../../contract';
import { EventBus } from '../../../host/api/events';
import { SessionService } from '../../../host/resident/session';
import { DEMO_CLERK, StaffDesk } from '../../../host/staff/staff';
import { VoiceGuide } from '../../../host/resident/voice';
import { tempDir } from '../../support/processes';

describe('voice guidance with espeak-ng', () => {
  it('speaks Mandarin into a WAV, and answers a repeated prompt from its cache', async () => {
    const voice = new VoiceGuide();
    const first = await voice.speak('请将身份证放在感应区', 'zh-CN');
    if (!first.ok) throw new Error(first.message);
    const wav = Buffer.from(first.value, 'base64');
    expect(wav.toString('ascii', 0, 4)).toBe('RIFF');
    expect(wav.toString('ascii', 8, 12)).toBe('WAVE');
    // A second or more of speech at 22 050 Hz, 16-bit mono.
    expect(wav.length).toBeGreaterThan(44_100);
    const again = await voice.speak('请将身份证放在感应区', 'zh-CN');
    expect(again.ok && again.value).toBe(first.value);
  });

  it('says plainly that voice is unavailable when the synthesiser is missing', async () => {
    const voice = new VoiceGuide({ binary: '/nonexistent/espeak-ng' });
    const r = await voice.speak('你好', 'zh-CN');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toContain('请看屏幕上的文字');
  });
});

describe('staff desk (帮代办)', () => {
  const desk = (mode: 'demo' | 'production' = 'demo') => {
    const dataDir = tempDir('staff');
    const bus = new EventBus();
    const session = new SessionService(bus);
    return { desk: new StaffDesk({ dataDir, mode }, bus, session), session, bus, dataDir };
  };

  it('keeps only a scrypt hash of the demo clerk PIN on disk', async () => {
    const { desk: d, dataDir } = desk();
    await d.demoClerk;
    const file = readFileSync(path.join(dataDir, 'staff.json'), 'utf8');
    expect(file).toContain(DEMO_CLERK.staffId);
    expect(file).not.toContain(DEMO_CLERK.pin);
  });

  it('writes no demo clerk in production mode, and refuses sign-in without a staff list', () => {
    const { desk: d, dataDir } = desk('production');
    expect(existsSync(path.join(dataDir, 'staff.json'))).toBe(false);
    const r = d.signIn(DEMO_CLERK.staffId, DEMO_CLERK.pin);
    expect(r.ok ? 'ok' : r.code).toBe('not-found');
  });

  it('writes the demo clerk at once when a sign-in comes before the background write, and never twice', async () => {
    const { desk: d, dataDir } = desk();
    expect(d.signIn(DEMO_CLERK.staffId, DEMO_CLERK.pin).ok).toBe(true);
    const first = readFileSync(path.join(dataDir, 'staff.json'), 'utf8');
    await d.demoClerk;
    expect(readFileSync(path.join(dataDir, 'staff.json'), 'utf8')).toBe(first);
  });

  it('locks sign-in after five wrong PINs, even for the right PIN', () => {
    const { desk: d } = desk();
    for (let i = 0; i < 5; i++) expect(d.signIn(DEMO_CLERK.staffId, '000000').ok).toBe(false);
    const r = d.signIn(DEMO_CLERK.staffId, DEMO_CLERK.pin);
    expect(r.ok ? 'ok' : r.code).toBe('locked');
  });

  it('signs the clerk in with a registered staff card and drops that card from the session; a resident card is refused and kept', () => {
    const { desk: d, session } = desk();
    const card = (idNumber: string): Identity => ({
      cardType: 'resident', name: '某某某', gender: '2', nation: '03', birthDate: '19520611', address: '山西省大同市', idNumber,
      authority: '大同市公安局', validFrom: '20150320', validTo: null, idNumberValid: true, expired: false,
    });
    session.begin();
    session.identify(card('140105199003071234'));
    const refused = d.signInWithCard();
    expect(refused.ok ? 'ok' : refused.code).toBe('unauthorized');
    expect(session.identity()?.idNumber).toBe('140105199003071234');
    session.identify(card(DEMO_CLERK.cardIdNumber));
    const r = d.signInWithCard();
    expect(r.ok && r.value.staffId).toBe(DEMO_CLERK.staffId);
    expect(session.current()).toBeNull();
    expect(session.identity()).toBeNull();
  });

  it('announces the clerk, and an idle wipe signs the clerk out', () => {
    const { desk: d, session, bus } = desk();
    expect(d.signIn(DEMO_CLERK.staffId, DEMO_CLERK.pin).ok).toBe(true);
    expect(bus.last('staff.changed')?.staffId).toBe(DEMO_CLERK.staffId);
    session.begin();
    session.end('finished');
    expect(d.current()?.staffId).toBe(DEMO_CLERK.staffId);
    session.begin();
    session.end('idle');
    expect(d.current()).toBeNull();
    expect(bus.last('staff.changed')).toBeNull();
  });
});
