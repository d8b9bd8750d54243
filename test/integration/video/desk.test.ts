import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { DeskMessageSchema, type DeskMessage } from '../../../contract/video';
import { hashPassword, signKioskTicket } from '../../../video-desk/auth';
import { startVideoDesk, type VideoDesk } from '../../../video-desk/server';

const SECRET = 'integration-video-secret-01';
const TURN = { urls: ['turn:127.0.0.1:3478?transport=udp'], secret: 'turn-secret', ttlSeconds: 600, policy: 'relay' as const };

/** A real WebSocket client of the desk that keeps every message it receives, checked against the protocol. */
class Peer {
  readonly got: DeskMessage[] = [];
  closeCode: number | null = null;
  private constructor(readonly ws: WebSocket) {
    ws.on('message', (d) => this.got.push(DeskMessageSchema.parse(JSON.parse(String(d)))));
    ws.on('close', (code) => (this.closeCode = code));
  }
  static async open(desk: VideoDesk): Promise<Peer> {
    const ws = new WebSocket(`ws://127.0.0.1:${desk.port}/ws`);
    await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
    return new Peer(ws);
  }
  send(m: unknown): void {
    this.ws.send(typeof m === 'string' ? m : JSON.stringify(m));
  }
  async next<T extends DeskMessage['type']>(type: T, from = 0): Promise<Extract<DeskMessage, { type: T }>> {
    await expect.poll(() => this.got.slice(from).some((m) => m.type === type), { timeout: 5000 }).toBe(true);
    return this.got.slice(from).find((m) => m.type === type) as Extract<DeskMessage, { type: T }>;
  }
}

async function agentToken(desk: VideoDesk, id: string, password: string): Promise<string> {
  const r = await fetch(`${desk.url}/api/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ id, password }) });
  expect(r.status).toBe(200);
  return ((await r.json()) as { token: string }).token;
}

describe('the video desk (real HTTP + WebSocket server)', () => {
  let desk: VideoDesk;
  const open: Peer[] = [];
  const peer = async () => {
    const p = await Peer.open(desk);
    open.push(p);
    return p;
  };
  const kiosk = async (kioskId: string) => {
    const p = await peer();
    p.send({ type: 'hello', role: 'kiosk', credential: signKioskTicket({ kioskId, servicePoint: '坞城街道' }, SECRET, 60) });
    await p.next('welcome');
    return p;
  };

  beforeAll(async () => {
    desk = await startVideoDesk({ kioskSecret: SECRET, agents: [{ id: 'a1', name: '坐席一', password: hashPassword('pw-1') }, { id: 'a2', name: '坐席二', password: hashPassword('pw-2') }], turn: TURN });
  });
  afterAll(async () => {
    for (const p of open) p.ws.close();
    await desk.close();
  });

  it('refuses wrong logins and bad tickets, and answers bad messages with a clear error', async () => {
    const bad = await fetch(`${desk.url}/api/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ id: 'a1', password: 'nope' }) });
    expect(bad.status).toBe(401);
    const malformed = await fetch(`${desk.url}/api/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ id: 'a1' }) });
    expect(malformed.status).toBe(400);
    expect(((await malformed.json()) as { error: string }).error).toMatch(/^password: /);

    const p = await peer();
    p.send('not json');
    expect(await p.next('error')).toEqual({ type: 'error', code: 'bad-message', message: 'expected one JSON object' });
    p.send({ type: 'call', share: true, locale: 'zh-CN' });
    expect((await p.next('error', 1)).code).toBe('unauthorized');
    p.send({ type: 'hello', role: 'kiosk', credential: signKioskTicket({ kioskId: 'SX-TY-0001', servicePoint: 'x' }, 'some-other-secret-000', 60) });
    expect(await p.next('error', 2)).toEqual({ type: 'error', code: 'unauthorized', message: 'ticket: signature does not match (wrong kiosk secret?)' });
    await expect.poll(() => p.closeCode).toBe(4401);
  });

  it('tells a kiosk when no agent is signed in', async () => {
    const k = await kiosk('SX-TY-0002');
    expect(k.got[0]).toMatchObject({ type: 'welcome', agentsOnline: 0 });
    k.send({ type: 'call', share: false, locale: 'zh-CN' });
    expect(await k.next('unavailable')).toEqual({ type: 'unavailable', reason: 'no-agent' });
  });

  it('queues kiosks, lets one agent answer, relays signals both ways with per-call TURN credentials, and hangs up', async () => {
    const agent = await peer();
    agent.send({ type: 'hello', role: 'agent', credential: await agentToken(desk, 'a1', 'pw-1') });
    expect((await agent.next('welcome')).name).toBe('坐席一');
    const k1 = await kiosk('SX-TY-0003');
    const k2 = await kiosk('SX-TY-0004');
    k1.send({ type: 'call', share: true, locale: 'zh-CN' });
    const q1 = await k1.next('queued');
    expect(q1.position).toBe(1);
    k2.send({ type: 'call', share: false, locale: 'en' });
    await expect.poll(() => (agent.got.filter((m) => m.type === 'queue').at(-1) as Extract<DeskMessage, { type: 'queue' }> | undefined)?.waiting.map((w) => w.kioskId)).toEqual(['SX-TY-0003', 'SX-TY-0004']);
    expect((await k2.next('queued')).position).toBe(2);

    // A kiosk may not answer, nor signal into a call that is not its own.
    k2.send({ type: 'answer', callId: q1.callId });
    expect((await k2.next('error')).code).toBe('not-allowed');

    const mark = k2.got.length;
    agent.send({ type: 'answer', callId: q1.callId });
    const kc = await k1.next('connected');
    const ac = await agent.next('connected');
    expect(kc).toMatchObject({ callId: q1.callId, peer: '坐席一', share: true, ice: { iceTransportPolicy: 'relay' } });
    expect(ac).toMatchObject({ callId: q1.callId, peer: 'SX-TY-0003' });
    expect(kc.ice.iceServers[0]!.username).toMatch(new RegExp(`^\\d{10}:${q1.callId}-k$`));
    expect(ac.ice.iceServers[0]!.username).toMatch(new RegExp(`^\\d{10}:${q1.callId}-a$`));
    // k2 moves up to first, with no agent free now.
    await expect.poll(() => k2.got.slice(mark).some((m) => m.type === 'queued' && m.position === 1 && m.agentsFree === 0)).toBe(true);

    k1.send({ type: 'signal', callId: q1.callId, description: { type: 'offer', sdp: 'v=0 offer' } });
    expect(await agent.next('signal')).toEqual({ type: 'signal', callId: q1.callId, description: { type: 'offer', sdp: 'v=0 offer' } });
    const before = k1.got.length;
    agent.send({ type: 'signal', callId: q1.callId, candidate: { candidate: 'candidate:1 1 udp 1 127.0.0.1 5000 typ relay', sdpMid: '0', sdpMLineIndex: 0 } });
    expect((await k1.next('signal', before)).candidate?.candidate).toMatch(/typ relay/);
    k2.send({ type: 'signal', callId: q1.callId, candidate: null });
    expect((await k2.next('error', mark)).code).toBe('unknown-call');

    // The agent is busy: a second answer is refused until it hangs up.
    const q2 = (k2.got.filter((m) => m.type === 'queued').at(-1) as Extract<DeskMessage, { type: 'queued' }>).callId;
    agent.send({ type: 'answer', callId: q2 });
    expect((await agent.next('error')).code).toBe('busy');

    k1.send({ type: 'hangup', callId: q1.callId, reason: 'privacy-wipe' });
    expect(await agent.next('ended')).toEqual({ type: 'ended', callId: q1.callId, reason: 'privacy-wipe' });
    expect(desk.stats()).toEqual({ agentsOnline: 1, waiting: 1, inCall: 0 });

    // A kiosk that disconnects mid-call ends it for the agent.
    const mark2 = agent.got.length;
    agent.send({ type: 'answer', callId: q2 });
    await k2.next('connected');
    k2.ws.close();
    expect(await agent.next('ended', mark2)).toEqual({ type: 'ended', callId: q2, reason: 'disconnected' });
  });
});
