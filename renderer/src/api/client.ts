import type { Err, EventMessage, EventName, EventPayload, KioskApi, Result } from '../../../contract';
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

/** The client's own failures (no answer, an answer of the wrong shape), shaped as the contract's `err`. */
function failure(message: string, detail?: string): Err {
  return { ok: false, code: 'internal', message, ...(detail === undefined ? {} : { detail }) };
}

/** A contract method's name: `domain.method` (the host refuses names it does not know). */
const METHOD_NAME = /^[a-z][A-Za-z0-9]*(\.[a-zA-Z][A-Za-z0-9]*)+$/;

/**
 * The typed methods are made on first use from the method's name, not from the contract's list: the list
 * comes with the contract's zod schemas, which the first screen does not need (the host validates every
 * call; docs/packaging.md "Start-up").
 */
export function createKioskClient(transport: Transport): KioskClient {
  const made = new Map<string, (input: unknown) => Promise<Result<unknown>>>();
  const method = (name: string) => {
    let call = made.get(name);
    if (!call) {
      call = async (input: unknown) => {
        try {
          const value = await transport.call(name, input);
          return isResult(value) ? value : failure('the host answered in an unexpected shape');
        } catch (e) {
          return failure('the kiosk service is not answering', (e as Error).message);
        }
      };
      made.set(name, call);
    }
    return call;
  };
  const api = new Proxy({} as KioskApi, {
    get: (_target, name) => (typeof name === 'string' && METHOD_NAME.test(name) ? method(name) : undefined),
  });
  return {
    api,
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
