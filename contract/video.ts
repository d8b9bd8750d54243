import { z } from 'zod';

/**
 * 远程视频帮办: the wire protocol between kiosks, agents and the video desk
 * (`video-desk/`), and the data-channel messages between a kiosk and its
 * agent. Every message is one JSON object with a `type`; the desk validates
 * each one against these schemas and answers a bad one with an `error`
 * naming the field, never by dropping the connection silently.
 */

export const CallIdSchema = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'expected a call id');

const SdpSchema = z.object({ type: z.enum(['offer', 'answer']), sdp: z.string().min(1).max(100_000) }).strict();
const CandidateSchema = z
  .object({
    candidate: z.string().max(2000),
    sdpMid: z.string().max(64).nullable().optional(),
    sdpMLineIndex: z.number().int().min(0).max(64).nullable().optional(),
    usernameFragment: z.string().max(256).nullable().optional(),
  })
  .strict();

/** Client → desk. A kiosk says hello with the ticket its host signed; an agent with the token of its login. */
export const ClientMessageSchema = z.discriminatedUnion('type', [
  /** `credential`: a kiosk's ticket (signed by its host) or an agent's login token. */
  z.object({ type: z.literal('hello'), role: z.enum(['kiosk', 'agent']), credential: z.string().min(16).max(400) }).strict(),
  /** Kiosk: ask for an agent. `share`: the resident agreed that the agent sees the step and the masked form. */
  z.object({ type: z.literal('call'), share: z.boolean(), locale: z.enum(['zh-CN', 'en']) }).strict(),
  /** Agent: take a waiting call. */
  z.object({ type: z.literal('answer'), callId: CallIdSchema }).strict(),
  /** Either side: WebRTC offer/answer or ICE candidate, relayed to the other side of the call. */
  z.object({ type: z.literal('signal'), callId: CallIdSchema, description: SdpSchema.optional(), candidate: CandidateSchema.nullable().optional() }).strict(),
  z.object({ type: z.literal('hangup'), callId: CallIdSchema, reason: z.enum(['resident', 'agent', 'privacy-wipe', 'error']).default('resident') }).strict(),
]);
export type ClientMessage = z.infer<typeof ClientMessageSchema>;

export const IceConfigSchema = z
  .object({
    iceServers: z.array(z.object({ urls: z.union([z.string(), z.array(z.string())]), username: z.string().optional(), credential: z.string().optional() }).strict()),
    iceTransportPolicy: z.enum(['all', 'relay']),
    /** When the TURN credentials stop working (ISO time). */
    expiresAt: z.string(),
  })
  .strict();
export type IceConfig = z.infer<typeof IceConfigSchema>;

export const WaitingCallSchema = z.object({ callId: CallIdSchema, kioskId: z.string(), servicePoint: z.string(), since: z.string(), share: z.boolean(), locale: z.enum(['zh-CN', 'en']) }).strict();
export type WaitingCall = z.infer<typeof WaitingCallSchema>;

export const ErrorCodeSchema = z.enum(['bad-message', 'unauthorized', 'not-allowed', 'unknown-call', 'busy']);

/** Desk → client. */
export const DeskMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('welcome'), role: z.enum(['kiosk', 'agent']), name: z.string(), agentsOnline: z.number().int().min(0), agentsFree: z.number().int().min(0) }).strict(),
  /** Kiosk: nobody can take the call now (no agent signed in). */
  z.object({ type: z.literal('unavailable'), reason: z.literal('no-agent') }).strict(),
  /** Kiosk: waiting; `position` 1 = next. `agentsFree` 0 = every agent is on a call. */
  z.object({ type: z.literal('queued'), callId: CallIdSchema, position: z.number().int().min(1), agentsFree: z.number().int().min(0) }).strict(),
  /** Agent: the waiting calls, oldest first (sent on every change). */
  z.object({ type: z.literal('queue'), waiting: z.array(WaitingCallSchema) }).strict(),
  /** Both sides: the call is set up; the kiosk makes the offer. */
  /** `peer`: the other side's display name (agent) or kiosk id; `agentId` (to the kiosk): the answering agent's staff id, named in the call's 好差评. */
  z.object({ type: z.literal('connected'), callId: CallIdSchema, peer: z.string(), agentId: z.string().max(64).optional(), share: z.boolean(), ice: IceConfigSchema }).strict(),
  z.object({ type: z.literal('signal'), callId: CallIdSchema, description: SdpSchema.optional(), candidate: CandidateSchema.nullable().optional() }).strict(),
  z.object({ type: z.literal('ended'), callId: CallIdSchema, reason: z.string() }).strict(),
  z.object({ type: z.literal('error'), code: ErrorCodeSchema, message: z.string() }).strict(),
]);
export type DeskMessage = z.infer<typeof DeskMessageSchema>;

/** One row of the masked form the agent sees (identifiers masked as on the review screen). */
export const SharedFieldSchema = z.object({ label: z.string().max(200), value: z.string().max(400) }).strict();

/** What the resident lets the agent see: where they are and the masked form. */
export const SharedViewSchema = z
  .object({
    /** Screen or 一件事 name, in the resident's language. */
    screen: z.string().max(200),
    /** Step within it, e.g. "第 3 步，共 6 步 · 填写信息". */
    step: z.string().max(200),
    fields: z.array(SharedFieldSchema).max(200),
  })
  .strict();
export type SharedView = z.infer<typeof SharedViewSchema>;

/** Data channel `help` between kiosk and agent. */
export const PeerMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('view'), view: SharedViewSchema }).strict(),
  z.object({ type: z.literal('hint'), text: z.string().trim().min(1).max(500) }).strict(),
]);
export type PeerMessage = z.infer<typeof PeerMessageSchema>;

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

/** Parses one JSON text against a schema; a failure names the field and what was expected. */
export function parseMessage<T>(schema: z.ZodType<T>, text: string): Parsed<T> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, message: 'expected one JSON object' };
  }
  const r = schema.safeParse(raw);
  if (r.success) return { ok: true, value: r.data };
  return { ok: false, message: r.error.issues.map((i) => `${i.path.join('.') || 'message'}: ${i.message}`).join('; ') };
}

/** Kiosk tickets: `v1.<kioskId>.<servicePoint base64url>.<expires unix s>.<HMAC-SHA256 base64url>` over the first four parts. */
export const KIOSK_TICKET_RE = /^v1\.([A-Za-z0-9-]{3,40})\.([A-Za-z0-9_-]{0,200})\.(\d{10})\.([A-Za-z0-9_-]{43})$/;
