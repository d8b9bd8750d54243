import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyWebsocket from '@fastify/websocket';
import Fastify from 'fastify';
import type { WebSocket } from 'ws';
import { z } from 'zod';
import { ClientMessageSchema, parseMessage, type DeskMessage, type WaitingCall } from '../contract/video';
import { AgentDirectory, verifyKioskTicket, type AgentAccount, type KioskIdentity } from './auth';
import { iceConfigFor, type TurnOptions } from './turn';

const PUBLIC = path.join(path.dirname(fileURLToPath(import.meta.url)), 'public');
const STATIC: Record<string, { file: string; type: string }> = {
  '/': { file: 'index.html', type: 'text/html; charset=utf-8' },
  '/agent.js': { file: 'agent.js', type: 'text/javascript; charset=utf-8' },
  '/agent.css': { file: 'agent.css', type: 'text/css; charset=utf-8' },
};
const PAGE_CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; media-src 'self' blob: mediastream:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

const LoginSchema = z.object({ id: z.string().min(1).max(64), password: z.string().min(1).max(200) }).strict();

export interface VideoDeskOptions {
  /** Shared with every kiosk host (video.secret): verifies their tickets. */
  readonly kioskSecret: string;
  readonly agents: readonly AgentAccount[];
  readonly turn: TurnOptions | null;
  readonly port?: number;
  readonly host?: string;
  readonly log?: (line: string) => void;
}

export interface VideoDesk {
  readonly url: string;
  readonly port: number;
  /** Calls waiting and in progress (for health and tests). */
  stats(): { agentsOnline: number; waiting: number; inCall: number };
  close(): Promise<void>;
}

interface Conn {
  readonly socket: WebSocket;
  role: 'kiosk' | 'agent' | null;
  kiosk?: KioskIdentity;
  agent?: AgentAccount;
  callId: string | null;
}

interface Call {
  readonly callId: string;
  readonly kiosk: Conn;
  agent: Conn | null;
  readonly share: boolean;
  readonly locale: 'zh-CN' | 'en';
  readonly since: Date;
}

/**
 * The video desk (远程视频帮办): a small signalling service. Kiosks join a
 * queue, signed-in agents see it, answer and hang up; SDP and ICE candidates
 * are relayed between the two ends of a call, and each call gets its own
 * TURN credentials. Media never passes through here (WebRTC, via coturn).
 * Also serves the agent console page.
 */
export async function startVideoDesk(o: VideoDeskOptions): Promise<VideoDesk> {
  const log = o.log ?? (() => undefined);
  const agents = new AgentDirectory(o.agents);
  const conns = new Set<Conn>();
  const calls = new Map<string, Call>();
  const app = Fastify({ logger: false, bodyLimit: 16 * 1024, forceCloseConnections: true });
  await app.register(fastifyWebsocket, { options: { maxPayload: 256 * 1024 } });

  const send = (c: Conn, m: DeskMessage) => {
    if (c.socket.readyState === c.socket.OPEN) c.socket.send(JSON.stringify(m));
  };
  const onlineAgents = () => [...conns].filter((c) => c.role === 'agent');
  const freeAgents = () => onlineAgents().filter((c) => c.callId === null).length;
  const waiting = () => [...calls.values()].filter((c) => c.agent === null).sort((a, b) => a.since.getTime() - b.since.getTime());
  const publishQueue = () => {
    const list: WaitingCall[] = waiting().map((c) => ({ callId: c.callId, kioskId: c.kiosk.kiosk!.kioskId, servicePoint: c.kiosk.kiosk!.servicePoint, since: c.since.toISOString(), share: c.share, locale: c.locale }));
    for (const a of onlineAgents()) send(a, { type: 'queue', waiting: list });
    const free = freeAgents();
    list.forEach((w, i) => send(calls.get(w.callId)!.kiosk, { type: 'queued', callId: w.callId, position: i + 1, agentsFree: free }));
  };
  const endCall = (call: Call, reason: string, by: Conn | null) => {
    calls.delete(call.callId);
    call.kiosk.callId = null;
    if (call.agent) call.agent.callId = null;
    for (const side of [call.kiosk, call.agent]) if (side && side !== by) send(side, { type: 'ended', callId: call.callId, reason });
    log(`call ${call.callId} ended (${reason})`);
    publishQueue();
  };
  const partyCall = (c: Conn, callId: string): Call | null => {
    const call = calls.get(callId);
    return call && (call.kiosk === c || call.agent === c) ? call : null;
  };

  const handle = (c: Conn, text: string) => {
    const parsed = parseMessage(ClientMessageSchema, text);
    if (!parsed.ok) return send(c, { type: 'error', code: 'bad-message', message: parsed.message });
    const m = parsed.value;
    if (m.type === 'hello') {
      if (c.role) return send(c, { type: 'error', code: 'not-allowed', message: 'hello: already signed in on this connection' });
      if (m.role === 'kiosk') {
        const check = verifyKioskTicket(m.credential, o.kioskSecret);
        if (!check.ok) {
          send(c, { type: 'error', code: 'unauthorized', message: check.message });
          return c.socket.close(4401, 'unauthorized');
        }
        c.role = 'kiosk';
        c.kiosk = check.kiosk;
      } else {
        const agent = agents.byToken(m.credential);
        if (!agent) {
          send(c, { type: 'error', code: 'unauthorized', message: 'token: not signed in or expired; sign in again' });
          return c.socket.close(4401, 'unauthorized');
        }
        c.role = 'agent';
        c.agent = agent;
      }
      send(c, { type: 'welcome', role: c.role, name: c.role === 'kiosk' ? c.kiosk!.kioskId : c.agent!.name, agentsOnline: onlineAgents().length, agentsFree: freeAgents() });
      if (c.role === 'agent') publishQueue();
      return;
    }
    if (!c.role) return send(c, { type: 'error', code: 'unauthorized', message: `${m.type}: say hello with a ticket or token first` });
    switch (m.type) {
      case 'call': {
        if (c.role !== 'kiosk') return send(c, { type: 'error', code: 'not-allowed', message: 'call: only a kiosk calls' });
        if (c.callId) return send(c, { type: 'error', code: 'busy', message: 'call: this kiosk already has a call' });
        if (onlineAgents().length === 0) return send(c, { type: 'unavailable', reason: 'no-agent' });
        const call: Call = { callId: randomBytes(12).toString('base64url'), kiosk: c, agent: null, share: m.share, locale: m.locale, since: new Date() };
        calls.set(call.callId, call);
        c.callId = call.callId;
        log(`call ${call.callId} from ${c.kiosk!.kioskId} queued`);
        return publishQueue();
      }
      case 'answer': {
        if (c.role !== 'agent') return send(c, { type: 'error', code: 'not-allowed', message: 'answer: only an agent answers' });
        if (c.callId) return send(c, { type: 'error', code: 'busy', message: 'answer: hang up the current call first' });
        const call = calls.get(m.callId);
        if (!call) return send(c, { type: 'error', code: 'unknown-call', message: 'answer: that call has ended' });
        if (call.agent) return send(c, { type: 'error', code: 'busy', message: 'answer: another agent took that call' });
        call.agent = c;
        c.callId = call.callId;
        // One set of TURN credentials per call and side, valid for the call's lifetime only.
        send(call.kiosk, { type: 'connected', callId: call.callId, peer: c.agent!.name, agentId: c.agent!.id, share: call.share, ice: iceConfigFor(o.turn, `${call.callId}-k`) });
        send(c, { type: 'connected', callId: call.callId, peer: call.kiosk.kiosk!.kioskId, share: call.share, ice: iceConfigFor(o.turn, `${call.callId}-a`) });
        log(`call ${call.callId} answered by ${c.agent!.id}`);
        return publishQueue();
      }
      case 'signal': {
        const call = partyCall(c, m.callId);
        if (!call || !call.agent) return send(c, { type: 'error', code: 'unknown-call', message: 'signal: not a connected call of this connection' });
        const other = call.kiosk === c ? call.agent : call.kiosk;
        return send(other, { type: 'signal', callId: m.callId, ...(m.description ? { description: m.description } : {}), ...(m.candidate !== undefined ? { candidate: m.candidate } : {}) });
      }
      case 'hangup': {
        const call = partyCall(c, m.callId);
        if (!call) return send(c, { type: 'error', code: 'unknown-call', message: 'hangup: not a call of this connection' });
        return endCall(call, m.reason, c);
      }
    }
  };

  app.get('/ws', { websocket: true }, (socket) => {
    const c: Conn = { socket, role: null, callId: null };
    conns.add(c);
    socket.on('message', (data: Buffer, isBinary: boolean) => {
      if (isBinary) return send(c, { type: 'error', code: 'bad-message', message: 'expected text frames with one JSON object' });
      handle(c, data.toString('utf8'));
    });
    socket.on('close', () => {
      conns.delete(c);
      const call = c.callId ? calls.get(c.callId) : undefined;
      if (call) endCall(call, 'disconnected', c);
      else if (c.role === 'agent') publishQueue();
    });
  });

  app.post('/api/login', async (req, reply) => {
    const body = LoginSchema.safeParse(req.body);
    if (!body.success) return reply.code(400).send({ error: body.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ') });
    const r = agents.login(body.data.id, body.data.password);
    if (!r) return reply.code(401).send({ error: '工号或密码不正确 / wrong agent id or password' });
    log(`agent ${r.agent.id} signed in`);
    return reply.send({ token: r.token, name: r.agent.name });
  });
  app.get('/health', async () => ({ ok: true, agentsOnline: onlineAgents().length, agentsFree: freeAgents(), waiting: waiting().length }));
  for (const [route, s] of Object.entries(STATIC)) {
    const body = readFileSync(path.join(PUBLIC, s.file));
    app.get(route, async (_req, reply) => reply.header('content-type', s.type).header('content-security-policy', PAGE_CSP).header('cache-control', 'no-cache').header('x-content-type-options', 'nosniff').send(body));
  }

  await app.listen({ host: o.host ?? '127.0.0.1', port: o.port ?? 0 });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : (o.port ?? 0);
  return {
    url: `http://${o.host && o.host !== '0.0.0.0' ? o.host : '127.0.0.1'}:${port}`,
    port,
    stats: () => ({ agentsOnline: onlineAgents().length, waiting: waiting().length, inCall: [...calls.values()].filter((c) => c.agent).length }),
    close: () => app.close(),
  };
}
