import { randomUUID } from 'node:crypto';
import { maskIdentity, type Identity, type Session } from '../../contract';
import type { EventBus } from '../api/events';

/** `restart`: a new visit begins (点击开始办事) and replaces the one at the kiosk. */
export type SessionEndReason = 'idle' | 'finished' | 'home' | 'card-removed' | 'maintenance' | 'restart';

interface ActiveSession {
  readonly id: string;
  readonly startedAt: string;
  identity: Identity | null;
}

type EndListener = (sessionId: string, reason: SessionEndReason) => void;

/**
 * One resident at a time. The plaintext identity lives only here, in memory,
 * for the length of the session; everything else gets the masked form or asks
 * for a specific field. `end` wipes it and tells every service holding
 * per-session data (print jobs, captures, drafts) to drop theirs.
 */
export class SessionService {
  private active: ActiveSession | null = null;
  private readonly endListeners = new Set<EndListener>();
  private readonly beginListeners = new Set<() => void>();

  constructor(
    private readonly bus: EventBus,
    private readonly now: () => Date = () => new Date(),
  ) {}

  begin(): Session {
    if (this.active) this.end('restart');
    this.active = { id: randomUUID(), startedAt: this.now().toISOString(), identity: null };
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

  /** A card presented on any screen identifies the resident for this session (starting one if needed). */
  identify(identity: Identity): Session {
    if (!this.active) this.active = { id: randomUUID(), startedAt: this.now().toISOString(), identity: null };
    this.active.identity = identity;
    return this.publish();
  }

  /** The plaintext identity, for the services that must fill a form or a payload. */
  identity(): Identity | null {
    return this.active?.identity ?? null;
  }

  end(reason: SessionEndReason): boolean {
    const ending = this.active;
    if (!ending) return false;
    ending.identity = null;
    this.active = null;
    for (const listener of this.endListeners) listener(ending.id, reason);
    this.bus.emit('session.changed', null);
    return true;
  }

  onEnd(listener: EndListener): () => void {
    this.endListeners.add(listener);
    return () => this.endListeners.delete(listener);
  }

  private publish(): Session {
    const view = this.view(this.active!);
    this.bus.emit('session.changed', view);
    return view;
  }

  private view(s: ActiveSession): Session {
    return { id: s.id, startedAt: s.startedAt, identity: s.identity ? maskIdentity(s.identity) : null };
  }
}
