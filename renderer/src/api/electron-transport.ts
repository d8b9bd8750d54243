import type { EventMessage } from '../../../contract';
import type { Transport } from './transport';

/** The shape the preload exposes on `window.kiosk` (see electron/preload/bridge.ts). */
export interface KioskBridge {
  readonly methods: Readonly<Record<string, Readonly<Record<string, (input: unknown) => Promise<unknown>>>>>;
  onEvent(listener: (message: EventMessage) => void): () => void;
}

export function createElectronTransport(bridge: KioskBridge): Transport {
  return {
    call(method, input) {
      const dot = method.indexOf('.');
      const fn = bridge.methods[method.slice(0, dot)]?.[method.slice(dot + 1)];
      if (!fn) return Promise.reject(new Error(`bridge has no method ${method}`));
      return fn(input);
    },
    subscribe(listener) {
      return bridge.onEvent(listener);
    },
  };
}
