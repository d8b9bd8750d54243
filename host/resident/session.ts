import { randomUUID } from 'node:crypto';
import { maskIdentity, type Identity, type Session } from '../../contract';
import type { RegisteredEnterprise } from '../../contract/journeys/engine';
import type { PartyPresence } from '../../contract/journeys/payload';
import type { IdentityMethod } from '../../contract/platform';
import type { EventBus } from '../api/events';

/**
 * `restart`: a new visit begins (点击开始办事) and replaces the one at the kiosk.
 * `shutdown`: the host stops (update, crash restart): the visit's memory is
 * wiped, but its marker stays so the next boot can resume it (see `resume`).
 */
export type SessionEndReason = 'idle' | 'finished' | 'home' | 'card-removed' | 'maintenance' | 'restart' | 'shutdown';

/** What survives a restart of a visit: its id and when it last changed, nothing personal. */
export interface SessionMarker {
  readonly id: string;
  readonly startedAt: string;
  readonly touchedAt: number;
}

/** Where the marker is kept (`<dataDir>/run/session.json`). */
export interface SessionMarkerPort {
  load(): SessionMarker | null;
  save(marker: SessionMarker | null): void;
}

/** An e-certificate a platform lookup returned in this session (the only ones a submission may name). */
export interface FoundInSession {
  readonly certificateId: string;
  readonly type: string;
}

interface ActiveSession {
  readonly id: string;
  readonly startedAt: string;
  identity: Identity | null;
  method: IdentityMethod;
  /** The party screen showing: the next card read belongs to this party. */
  awaitingParty: string | null;
  readonly parties: Map<string, { identity: Identity; method: IdentityMethod; consentedAt: string | null }>;
  readonly certificates: FoundInSession[];
  enterprise: RegisteredEnterprise | null;
}

type EndListener = (sessionId: string, reason: SessionEndReason) => void;

/** Bounds on what one session may collect (a resident looks up a few dozen certificates at most). */
const MAX_CERTIFICATES = 200;

/**
 * One resident at a time. The plaintext identities (the applicant's and the
 * other parties') live only here, in memory, for the length of the session,
 * with what the platform told this session (certificates found, the
 * enterprise registered): a submission is checked against these, never
 * against what the renderer says. Everything else gets the masked form or
 * asks for a specific field. `end` wipes it and tells every service holding
 * per-session data (print jobs, captures, drafts) to drop theirs.
 */
export class SessionService {
  private active: ActiveSession | null = null;
  private readonly endListeners = new Set<EndListener>();
  private readonly beginListeners = new Set<() => void>();

  private resumeTimer: NodeJS.Timeout | null = null;

  constructor(
    private readonly bus: EventBus,
    private readonly now: () => Date = () => new Date(),
    private readonly marker: SessionMarkerPort | null = null,
  ) {}

  /**
   * At boot: the visit the host was serving when it stopped comes back (same
   * id, no identity: the resident presents the card again for anything new)
   * when it changed less than `withinMs` ago, so what it left waiting (a
   * receipt held for paper) can still print for the resident standing there.
   * Untouched for `withinMs` after the boot, it ends as idle. Returns the id,
   * or null when there was none or it is too old (the marker is then dropped).
   */
  resume(withinMs: number): string | null {
    const m = this.marker?.load() ?? null;
    if (!m || this.active) return null;
    if (this.now().getTime() - m.touchedAt > withinMs || m.touchedAt > this.now().getTime() + 60_000) {
      this.marker?.save(null);
      return null;
    }
    this.active = { ...this.fresh(), id: m.id, startedAt: m.startedAt };
    this.publish();
    this.resumeTimer = setTimeout(() => {
      this.resumeTimer = null;
      if (this.active?.id === m.id) this.end('idle');
    }, withinMs);
    this.resumeTimer.unref();
    return m.id;
  }

  /** The marker left by the previous run (read before `resume` decides), for reconciling what it left. */
  previousMarker(): SessionMarker | null {
    return this.marker?.load() ?? null;
  }

  begin(): Session {
    if (this.active) this.end('restart');
    this.active = this.fresh();
    const view = this.publish();
    // A card already lying on the reader identifies the new visit (see wireIdentification).
    for (const listener of this.beginListeners) listener();
    return this.active.identity ? this.view(this.active) : view;
  }

  onBegin(listener: () => void): () => void {
    this.beginListeners.add(listener);
    return () => this.beginListeners.delete(listener);
  }

  current(): Session | null {
    return this.active ? this.view(this.active) : null;
  }

  get currentId(): string | null {
    return this.active?.id ?? null;
  }

  /** A card presented on any screen (or a verified e-ID QR) identifies the resident for this session (starting one if needed). */
  identify(identity: Identity, method: IdentityMethod = 'card'): Session {
    if (!this.active) this.active = this.fresh();
    this.active.identity = identity;
    this.active.method = method;
    return this.publish();
  }

  /** The plaintext identity, for the services that must fill a form or a payload. */
  identity(): Identity | null {
    return this.active?.identity ?? null;
  }

  identityMethod(): IdentityMethod {
    return this.active?.method ?? 'card';
  }

  /** The party a card read now belongs to, or null (then it is the applicant's). */
  awaitingParty(): string | null {
    return this.active?.awaitingParty ?? null;
  }

  awaitParty(partyId: string | null): void {
    if (!this.active) return;
    this.active.awaitingParty = partyId;
    this.publish();
  }

  /** A party's card was read on their screen: theirs replaces any earlier read for them, consent not yet given. */
  setParty(partyId: string, identity: Identity, method: IdentityMethod = 'card'): void {
    if (!this.active) return;
    this.active.parties.set(partyId, { identity, method, consentedAt: null });
    this.publish();
  }

  consentParty(partyId: string): string | null {
    const p = this.active?.parties.get(partyId);
    if (!p) return null;
    p.consentedAt = this.now().toISOString();
    this.publish();
    return p.consentedAt;
  }

  dropParty(partyId: string): void {
    if (!this.active) return;
    this.active.parties.delete(partyId);
    this.publish();
  }

  /** The parties read in this session, plaintext: for the payload only. */
  parties(): PartyPresence[] {
    return [...(this.active?.parties ?? new Map()).entries()].map(([partyId, p]) => ({ partyId, identity: p.identity, method: p.method, consentedAt: p.consentedAt }));
  }

  noteCertificates(found: readonly FoundInSession[]): void {
    const list = this.active?.certificates;
    if (!list) return;
    for (const c of found) if (!list.some((x) => x.certificateId === c.certificateId && x.type === c.type) && list.length < MAX_CERTIFICATES) list.push({ certificateId: c.certificateId, type: c.type });
  }

  certificates(): readonly FoundInSession[] {
    return this.active?.certificates ?? [];
  }

  noteEnterprise(enterprise: RegisteredEnterprise | null): void {
    if (this.active) this.active.enterprise = enterprise;
  }

  enterprise(): RegisteredEnterprise | null {
    return this.active?.enterprise ?? null;
  }

  end(reason: SessionEndReason): boolean {
    const ending = this.active;
    if (!ending) return false;
    ending.identity = null;
    ending.parties.clear();
    ending.certificates.length = 0;
    ending.enterprise = null;
    this.active = null;
    this.clearResumeTimer();
    if (reason !== 'shutdown') this.marker?.save(null);
    for (const listener of this.endListeners) listener(ending.id, reason);
    this.bus.emit('session.changed', null);
    return true;
  }

  onEnd(listener: EndListener): () => void {
    this.endListeners.add(listener);
    return () => this.endListeners.delete(listener);
  }

  private fresh(): ActiveSession {
    return { id: randomUUID(), startedAt: this.now().toISOString(), identity: null, method: 'card', awaitingParty: null, parties: new Map(), certificates: [], enterprise: null };
  }

  private clearResumeTimer(): void {
    if (this.resumeTimer) clearTimeout(this.resumeTimer);
    this.resumeTimer = null;
  }

  private publish(): Session {
    const a = this.active!;
    this.clearResumeTimer();
    this.marker?.save({ id: a.id, startedAt: a.startedAt, touchedAt: this.now().getTime() });
    const view = this.view(a);
    this.bus.emit('session.changed', view);
    return view;
  }

  private view(s: ActiveSession): Session {
    return {
      id: s.id,
      startedAt: s.startedAt,
      identity: s.identity ? maskIdentity(s.identity) : null,
      ...(s.identity ? { method: s.method } : {}),
      awaitingParty: s.awaitingParty,
      parties: [...s.parties.entries()].map(([partyId, p]) => ({ partyId, identity: maskIdentity(p.identity), method: p.method, consented: p.consentedAt !== null })),
    };
  }
}
