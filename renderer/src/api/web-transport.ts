import type { EventMessage } from '../../../contract';
import type { Transport } from './transport';

/**
 * Web shell: POST /api/<method> with the boot token, events over a
 * WebSocket that reconnects on its own (the host may restart under a
 * watchdog while the page stays up).
 */
export function createWebTransport(origin: string, token: string): Transport {
  const listeners = new Set<(m: EventMessage) => void>();
  const connectionListeners = new Set<(c: boolean) => void>();
  let socket: WebSocket | null = null;
  let retryMs = 250;

  const connect = () => {
    const wsUrl = `${origin.replace(/^http/, 'ws')}/events?token=${encodeURIComponent(token)}`;
    const ws = new WebSocket(wsUrl);
    socket = ws;
    ws.onopen = () => {
      retryMs = 250;
      for (const l of connectionListeners) l(true);
    };
    ws.onmessage = (e) => {
      try {
        const message = JSON.parse(String(e.data)) as EventMessage;
        for (const l of listeners) l(message);
      } catch {
        /* a malformed event is dropped; the next state event corrects the UI */
      }
    };
    ws.onclose = () => {
      for (const l of connectionListeners) l(false);
      setTimeout(connect, retryMs);
      retryMs = Math.min(retryMs * 2, 5000);
    };
  };
  connect();

  return {
    async call(method, input) {
      const res = await fetch(`${origin}/api/${encodeURIComponent(method)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify(input ?? {}),
      });
      return res.json();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    onConnectionChange(listener) {
      connectionListeners.add(listener);
      if (socket?.readyState === WebSocket.OPEN) listener(true);
      return () => connectionListeners.delete(listener);
    },
  };
}

/** The token arrives in the URL fragment once; it is kept for reloads and removed from the address. */
export function takeBootToken(location: Location, storage: Storage, history: History): string | null {
  const m = /(?:^#|&)token=([A-Za-z0-9_-]+)/.exec(location.hash);
  if (m) {
    storage.setItem('kiosk.token', m[1]!);
    history.replaceState(null, '', location.pathname + location.search);
    return m[1]!;
  }
  return storage.getItem('kiosk.token');
}
