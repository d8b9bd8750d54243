import { events, type EventMessage, type EventName, type EventPayload } from '../../contract';

export type EventListener = (message: EventMessage) => void;

/**
 * Host → renderer events. Payloads are validated on the way out: a payload
 * that breaks its schema is a host bug and throws at the emitter, not in the UI.
 */
export class EventBus {
  private readonly listeners = new Set<EventListener>();
  private readonly latest = new Map<EventName, EventMessage>();

  emit<E extends EventName>(event: E, payload: EventPayload<E>): void {
    const parsed = events[event].payload.parse(payload) as EventPayload<E>;
    const message = { event, payload: parsed } as EventMessage;
    this.latest.set(event, message);
    for (const listener of this.listeners) listener(message);
  }

  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The last payload of an event, so a reconnecting UI can catch up. */
  last<E extends EventName>(event: E): EventPayload<E> | undefined {
    return this.latest.get(event)?.payload as EventPayload<E> | undefined;
  }

  /** Last payload of every sticky event, for a UI that (re)connects. */
  stickySnapshot(): EventMessage[] {
    return [...this.latest.values()].filter((m) => (events[m.event] as { sticky?: boolean }).sticky === true);
  }

  get listenerCount(): number {
    return this.listeners.size;
  }
}
