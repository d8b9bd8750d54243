import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../host/config';
import { VideoTickets } from '../../../host/resident/video';
import { ClientMessageSchema, DeskMessageSchema, parseMessage, PeerMessageSchema } from '../../../contract/video';
import { AgentDirectory, hashPassword, signKioskTicket, verifyKioskTicket } from '../../../video-desk/auth';
import { iceConfigFor, turnCredentials } from '../../../video-desk/turn';

const SECRET = 'unit-test-video-secret-0001';

describe('the video signalling protocol', () => {
  it('accepts each client message and answers a bad one with the field and what was expected', () => {
    expect(parseMessage(ClientMessageSchema, JSON.stringify({ type: 'call', share: true, locale: 'zh-CN' }))).toEqual({ ok: true, value: { type: 'call', share: true, locale: 'zh-CN' } });
    expect(parseMessage(ClientMessageSchema, JSON.stringify({ type: 'hangup', callId: 'abcdefgh1234' }))).toEqual({ ok: true, value: { type: 'hangup', callId: 'abcdefgh1234', reason: 'resident' } });
    expect(parseMessage(ClientMessageSchema, '{not json')).toEqual({ ok: false, message: 'expected one JSON object' });
    const wrongType = parseMessage(ClientMessageSchema, JSON.stringify({ type: 'dial' }));
    expect(wrongType.ok).toBe(false);
    expect(!wrongType.ok && wrongType.message).toMatch(/^type: /);
    const badShare = parseMessage(ClientMessageSchema, JSON.stringify({ type: 'call', share: 'yes', locale: 'zh-CN' }));
    expect(!badShare.ok && badShare.message).toMatch(/^share: .*boolean/);
    const badCall = parseMessage(ClientMessageSchema, JSON.stringify({ type: 'answer', callId: 'x y' }));
    expect(!badCall.ok && badCall.message).toMatch(/^callId: expected a call id/);
    const extra = parseMessage(ClientMessageSchema, JSON.stringify({ type: 'call', share: true, locale: 'zh-CN', video: 'hd' }));
    expect(!extra.ok && extra.message).toMatch(/video/);
    const huge = parseMessage(ClientMessageSchema, JSON.stringify({ type: 'signal', callId: 'abcdefgh1234', description: { type: 'offer', sdp: 'x'.repeat(100_001) } }));
    expect(!huge.ok && huge.message).toMatch(/^description\.sdp: /);
  });

  it('checks desk and peer messages with the same schemas', () => {
    expect(DeskMessageSchema.safeParse({ type: 'queued', callId: 'abcdefgh1234', position: 0, agentsFree: 1 }).success).toBe(false);
    expect(DeskMessageSchema.safeParse({ type: 'unavailable', reason: 'no-agent' }).success).toBe(true);
    expect(parseMessage(PeerMessageSchema, JSON.stringify({ type: 'hint', text: '  请点击“下一步”  ' }))).toEqual({ ok: true, value: { type: 'hint', text: '请点击“下一步”' } });
    expect(parseMessage(PeerMessageSchema, JSON.stringify({ type: 'hint', text: '   ' })).ok).toBe(false);
    expect(parseMessage(PeerMessageSchema, JSON.stringify({ type: 'view', view: { screen: 's', step: 'x', fields: [{ label: '身份证号', value: '140…1234' }] } })).ok).toBe(true);
  });
});

describe('kiosk tickets', () => {
  const config = loadConfig({ env: { KIOSK_ID: 'SX-TY-0042', KIOSK_VIDEO_DESK_URL: 'https://video.example.gov.cn', KIOSK_VIDEO_SECRET: SECRET }, cwd: '/tmp' });

  it('the host signs a ticket the desk accepts, naming the kiosk and its service point', () => {
    const r = new VideoTickets(config).ticket();
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.socketUrl).toBe('wss://video.example.gov.cn/ws');
    expect(verifyKioskTicket(r.value.ticket, SECRET)).toEqual({ ok: true, kiosk: { kioskId: 'SX-TY-0042', servicePoint: config.servicePoint } });
    const at = 1_000_000_000_000;
    const signed = new VideoTickets(config, () => at).ticket();
    expect(signed.ok && signed.value.ticket).toBe(signKioskTicket({ kioskId: 'SX-TY-0042', servicePoint: config.servicePoint }, SECRET, 120, at));
  });

  it('refuses a forged, tampered, expired or malformed ticket with the reason', () => {
    const t = signKioskTicket({ kioskId: 'SX-TY-0042', servicePoint: '坞城' }, SECRET, 60, 1_000_000_000_000);
    expect(verifyKioskTicket(t, 'another-secret-of-16-chars')).toEqual({ ok: false, message: expect.stringMatching(/signature/) });
    expect(verifyKioskTicket(t.replace('SX-TY-0042', 'SX-TY-0043'), SECRET)).toEqual({ ok: false, message: expect.stringMatching(/signature/) });
    expect(verifyKioskTicket(t, SECRET, 1_000_000_061_000)).toEqual({ ok: false, message: 'ticket: expired' });
    expect(verifyKioskTicket(t, SECRET, 1_000_000_059_000).ok).toBe(true);
    expect(verifyKioskTicket('hello', SECRET)).toEqual({ ok: false, message: expect.stringMatching(/^ticket: expected v1\./) });
  });

  it('says video help is not configured when the desk or the secret is missing, and the CSP allows only the desk', () => {
    const bare = loadConfig({ env: {}, cwd: '/tmp' });
    const r = new VideoTickets(bare).ticket();
    expect(r.ok).toBe(false);
    expect(!r.ok && r.code).toBe('not-found');
    expect(VideoTickets.connectSources(bare)).toEqual([]);
    expect(VideoTickets.connectSources(config)).toEqual(['https://video.example.gov.cn', 'wss://video.example.gov.cn']);
    expect(() => loadConfig({ env: { KIOSK_VIDEO_DESK_URL: 'ftp://x' }, cwd: '/tmp' })).toThrow(/KIOSK_VIDEO_DESK_URL: expected the http/);
    expect(() => loadConfig({ env: { KIOSK_VIDEO_SECRET: 'short' }, cwd: '/tmp' })).toThrow(/KIOSK_VIDEO_SECRET: expected at least 16/);
  });
});

describe('TURN credentials and agent sign-in', () => {
  it('issues coturn use-auth-secret credentials: <expiry>:<label> and base64 HMAC-SHA1', () => {
    const c = turnCredentials('turn-secret', 'call123', 600, 1_700_000_000_000);
    expect(c.username).toBe('1700000600:call123');
    expect(c.credential).toBe(createHmac('sha1', 'turn-secret').update('1700000600:call123').digest('base64'));
    const ice = iceConfigFor({ urls: ['turn:127.0.0.1:3478?transport=udp'], secret: 'turn-secret', ttlSeconds: 600, policy: 'relay' }, 'call123', 1_700_000_000_000);
    expect(ice).toEqual({ iceServers: [{ urls: ['turn:127.0.0.1:3478?transport=udp'], username: c.username, credential: c.credential }], iceTransportPolicy: 'relay', expiresAt: '2023-11-14T22:23:20.000Z' });
    expect(iceConfigFor(null, 'call123').iceServers).toEqual([]);
  });

  it('signs an agent in with the right password only, and forgets expired tokens', () => {
    const dir = new AgentDirectory([{ id: 'a1', name: '坐席一', password: hashPassword('pw-1') }], 1000);
    expect(dir.login('a1', 'wrong')).toBeNull();
    expect(dir.login('nobody', 'pw-1')).toBeNull();
    const ok = dir.login('a1', 'pw-1', 5000);
    expect(ok?.agent.name).toBe('坐席一');
    expect(dir.byToken(ok!.token, 5500)?.id).toBe('a1');
    expect(dir.byToken(ok!.token, 6001)).toBeNull();
  });
});
