import { isEventName, methodNames, type EventMessage } from '../../contract';

export type Invoke = (channel: string, input: unknown) => Promise<unknown>;
export type Subscribe = (listener: (message: unknown) => void) => () => void;

export interface KioskBridge {
  readonly methods: Readonly<Record<string, Readonly<Record<string, (input: unknown) => Promise<unknown>>>>>;
  onEvent(listener: (message: EventMessage) => void): () => void;
}

/**
 * The narrow, domain-shaped bridge the renderer sees as `window.kiosk`:
 * `kiosk.methods.session.begin({})`. One fixed function per contract method,
 * each bound to its own channel — never a generic invoke(channel), never
 * ipcRenderer, never process.
 */
export function buildBridge(invoke: Invoke, subscribe: Subscribe): KioskBridge {
  const methods: Record<string, Record<string, (input: unknown) => Promise<unknown>>> = {};
  for (const name of methodNames) {
    const dot = name.indexOf('.');
    const domain = name.slice(0, dot);
    const action = name.slice(dot + 1);
    const channel = `kiosk:${name}`;
    (methods[domain] ??= {})[action] = (input: unknown) => invoke(channel, input);
  }
  for (const domain of Object.values(methods)) Object.freeze(domain);
  return Object.freeze({
    methods: Object.freeze(methods),
    onEvent(listener: (message: EventMessage) => void) {
      return subscribe((message) => {
        const m = message as Partial<EventMessage> | null;
        if (m && typeof m === 'object' && typeof m.event === 'string' && isEventName(m.event)) listener(m as EventMessage);
      });
    },
  });
}
