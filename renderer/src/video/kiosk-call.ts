import { ClientMessageSchema, DeskMessageSchema, parseMessage, PeerMessageSchema, type ClientMessage, type DeskMessage, type IceConfig, type SharedView } from '../../../contract/video';
import type { KioskClient } from '../api/client';

export type CallPhase =
  | { readonly kind: 'checking' }
  | { readonly kind: 'unavailable'; readonly reason: 'offline' | 'no-agent' | 'unconfigured' | 'failed'; readonly detail?: string }
  | { readonly kind: 'ready' }
  | { readonly kind: 'queued'; readonly position: number; readonly agentsFree: number }
  | { readonly kind: 'in-call'; readonly agent: string; readonly share: boolean; readonly local: MediaStream | null; readonly remote: MediaStream | null }
  | { readonly kind: 'ended'; readonly reason: string };

type HangupReason = Extract<ClientMessage, { type: 'hangup' }>['reason'];

/** A call an agent answered: what its 好差评 names. */
export interface ServedCall {
  readonly callId: string;
  readonly agentId: string | null;
  readonly agentName: string;
}

const WELCOME_TIMEOUT_MS = 10_000;

/** Diagnostics hook: the live peer connection (technicians' console, e2e getStats). */
function expose(pc: RTCPeerConnection | null): void {
  (window as unknown as { __videoCall?: RTCPeerConnection | null }).__videoCall = pc;
}

/**
 * One visit's video help, kiosk side: ticket from the host, hello to the
 * video desk, the queue, then WebRTC with the agent (the kiosk offers, ICE
 * servers and policy per call from the desk, so TURN carries it behind NAT).
 * Camera and microphone are opened at `connected` and stopped at the end.
 */
export class KioskCall {
  private ws: WebSocket | null = null;
  private pc: RTCPeerConnection | null = null;
  private channel: RTCDataChannel | null = null;
  private local: MediaStream | null = null;
  private callId: string | null = null;
  /** The desk's messages are handled one after another: a candidate must not overtake the description before it. */
  private inbox: Promise<void> = Promise.resolve();
  private share = false;
  private agent = '';
  private lastView = '';
  private closed = false;
  private phaseNow: CallPhase = { kind: 'checking' };
  private servedBy: ServedCall | null = null;
  private ticketed = false;

  constructor(
    private readonly client: KioskClient,
    private readonly onPhase: (p: CallPhase) => void,
    private readonly onHint: (text: string) => void,
  ) {}

  get phase(): CallPhase {
    return this.phaseNow;
  }

  /** The call an agent answered in this help (null while waiting, or when nobody answered). */
  get served(): ServedCall | null {
    return this.servedBy;
  }

  private set(p: CallPhase): void {
    if (this.closed && p.kind !== 'ended' && p.kind !== 'unavailable') return;
    this.phaseNow = p;
    this.onPhase(p);
  }

  /** Connects and says hello: ready (agents online), or unavailable with the reason. */
  async open(): Promise<void> {
    const r = await this.client.api['video.ticket']({});
    if (!r.ok) return this.set({ kind: 'unavailable', reason: r.code === 'not-found' ? 'unconfigured' : 'failed', detail: r.message });
    this.ticketed = true;
    let ws: WebSocket;
    try {
      ws = new WebSocket(r.value.socketUrl);
    } catch {
      return this.set({ kind: 'unavailable', reason: 'offline' });
    }
    this.ws = ws;
    const timer = setTimeout(() => {
      if (this.phaseNow.kind === 'checking') this.fail('offline');
    }, WELCOME_TIMEOUT_MS);
    ws.addEventListener('open', () => this.send({ type: 'hello', role: 'kiosk', credential: r.value.ticket }));
    ws.addEventListener('message', (e) => {
      const m = parseMessage(DeskMessageSchema, String(e.data));
      if (!m.ok) return;
      const message = m.value;
      this.inbox = this.inbox.then(() => this.onDesk(message)).catch((x: unknown) => this.fail('failed', (x as Error).message));
    });
    ws.addEventListener('close', () => {
      clearTimeout(timer);
      if (this.closed) return;
      const k = this.phaseNow.kind;
      if (k === 'checking') this.fail('offline');
      else if (k === 'in-call' || k === 'queued') this.end('disconnected');
      else if (k === 'ready') this.fail('offline');
    });
  }

  /** The resident agreed: ask for an agent. */
  call(share: boolean, locale: 'zh-CN' | 'en'): void {
    this.share = share;
    this.send({ type: 'call', share, locale });
  }

  /** What the agent sees, when the resident agreed to share; sent only when it changed. */
  sendView(view: SharedView): void {
    if (!this.share || !this.channel || this.channel.readyState !== 'open') return;
    const text = JSON.stringify({ type: 'view', view });
    if (text === this.lastView) return;
    this.lastView = text;
    this.channel.send(text);
  }

  hangup(reason: HangupReason): void {
    if (this.callId && this.phaseNow.kind !== 'ended') this.send({ type: 'hangup', callId: this.callId, reason });
    this.end(reason === 'resident' ? 'resident' : reason);
  }

  /** Drops everything: media, peer connection, socket. Safe to call twice. */
  dispose(): void {
    if (this.callId && (this.phaseNow.kind === 'in-call' || this.phaseNow.kind === 'queued')) this.send({ type: 'hangup', callId: this.callId, reason: 'privacy-wipe' });
    this.closed = true;
    this.release();
    this.ws?.close();
    this.ws = null;
  }

  private send(m: ClientMessage): void {
    // Our own messages are checked against the same schema the desk uses: a bug shows here, not as a desk error.
    const checked = ClientMessageSchema.parse(m);
    if (this.ws?.readyState === WebSocket.OPEN) this.ws.send(JSON.stringify(checked));
  }

  private fail(reason: 'offline' | 'no-agent' | 'failed', detail?: string): void {
    this.release();
    this.set({ kind: 'unavailable', reason, ...(detail ? { detail } : {}) });
    this.closed = true;
    this.ws?.close();
  }

  private end(reason: string): void {
    this.release();
    this.callId = null;
    this.set({ kind: 'ended', reason });
    this.closed = true;
    this.ws?.close();
  }

  private release(): void {
    // Once: the shell stops granting the microphone (a ticket was issued, so the call window is open).
    if (this.ticketed) {
      this.ticketed = false;
      void this.client.api['video.callEnded']({});
    }
    for (const t of this.local?.getTracks() ?? []) t.stop();
    this.local = null;
    this.channel?.close();
    this.channel = null;
    this.pc?.close();
    this.pc = null;
    expose(null);
  }

  private async onDesk(m: DeskMessage): Promise<void> {
    switch (m.type) {
      case 'welcome':
        if (m.agentsOnline === 0) return this.fail('no-agent');
        return this.set({ kind: 'ready' });
      case 'unavailable':
        return this.fail('no-agent');
      case 'queued':
        this.callId = m.callId;
        return this.set({ kind: 'queued', position: m.position, agentsFree: m.agentsFree });
      case 'connected':
        this.callId = m.callId;
        this.agent = m.peer;
        this.servedBy = { callId: m.callId, agentId: m.agentId ?? null, agentName: m.peer };
        return this.connect(m.ice);
      case 'signal':
        if (!this.pc || m.callId !== this.callId) return;
        if (m.description) await this.pc.setRemoteDescription(m.description);
        if (m.candidate) await this.pc.addIceCandidate(m.candidate).catch(() => undefined);
        return;
      case 'ended':
        if (m.callId === this.callId) this.end(m.reason);
        return;
      case 'error':
        if (m.code === 'unauthorized') return this.fail('failed', m.message);
        return;
      case 'queue':
        return;
    }
  }

  private async connect(ice: IceConfig): Promise<void> {
    const pc = new RTCPeerConnection({ iceServers: ice.iceServers, iceTransportPolicy: ice.iceTransportPolicy });
    this.pc = pc;
    expose(pc);
    const callId = this.callId!;
    let remote: MediaStream | null = null;
    pc.addEventListener('icecandidate', (e) => this.send({ type: 'signal', callId, candidate: e.candidate ? { candidate: e.candidate.candidate, sdpMid: e.candidate.sdpMid, sdpMLineIndex: e.candidate.sdpMLineIndex, usernameFragment: e.candidate.usernameFragment } : null }));
    pc.addEventListener('track', (e) => {
      remote = e.streams[0] ?? new MediaStream([e.track]);
      this.set({ kind: 'in-call', agent: this.agent, share: this.share, local: this.local, remote });
    });
    const channel = pc.createDataChannel('help');
    this.channel = channel;
    channel.addEventListener('message', (e) => {
      const msg = parseMessage(PeerMessageSchema, String(e.data));
      if (msg.ok && msg.value.type === 'hint') this.onHint(msg.value.text);
    });
    channel.addEventListener('open', () => this.onChannelOpen?.());
    try {
      this.local = await navigator.mediaDevices.getUserMedia({ video: true, audio: true });
    } catch (e) {
      this.send({ type: 'hangup', callId, reason: 'error' });
      return this.fail('failed', (e as Error).message);
    }
    if (this.pc !== pc) {
      for (const t of this.local.getTracks()) t.stop();
      return;
    }
    for (const track of this.local.getTracks()) pc.addTrack(track, this.local);
    this.set({ kind: 'in-call', agent: this.agent, share: this.share, local: this.local, remote });
    await pc.setLocalDescription(await pc.createOffer());
    this.send({ type: 'signal', callId, description: { type: 'offer', sdp: pc.localDescription!.sdp } });
  }

  /** Called when the data channel opens (the panel sends the first view then). */
  onChannelOpen: (() => void) | null = null;
}
