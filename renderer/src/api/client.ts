import {
  err,
  methodNames,
  type EventMessage,
  type EventName,
  type EventPayload,
  type KioskApi,
  type Result,
} from '../../../contract';
import type { Transport } from './transport';

export interface KioskClient {
  /** Typed methods derived from the contract: `client.api['system.ping']({ nonce })`. */
  readonly api: KioskApi;
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
  onConnectionChange(listener: (connected: boolean) => void): () => void;
}

function isResult(value: unknown): value is Result<unknown> {
  return typeof value === 'object' && value !== null && 'ok' in value && typeof (value as { ok: unknown }).ok === 'boolean';
}

export function createKioskClient(transport: Transport): KioskClient {
  const api = {} as Record<string, (input: unknown) => Promise<Result<unknown>>>;
  for (const name of methodNames) {
    api[name] = async (input: unknown) => {
      try {
        const value = await transport.call(name, input);
        return isResult(value) ? value : err('internal', 'the host answered in an unexpected shape');
      } catch (e) {
        return err('internal', 'the kiosk service is not answering', { detail: (e as Error).message });
      }
    };
  }
  return {
    api: api as unknown as KioskApi,
    on(event, listener) {
      return transport.subscribe((message: EventMessage) => {
        if (message.event === event) listener(message.payload as never);
      });
    },
    onConnectionChange(listener) {
      return transport.onConnectionChange?.(listener) ?? (() => undefined);
    },
  };
}
