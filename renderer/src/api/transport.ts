import type { EventMessage } from '../../../contract';

/** How the renderer reaches the host. Two implementations, chosen once in main.tsx. */
export interface Transport {
  call(method: string, input: unknown): Promise<unknown>;
  /** Receives every host event; returns an unsubscribe function. */
  subscribe(listener: (message: EventMessage) => void): () => void;
  /** Reported to the UI so it can show that the host is unreachable. */
  onConnectionChange?(listener: (connected: boolean) => void): () => void;
}
