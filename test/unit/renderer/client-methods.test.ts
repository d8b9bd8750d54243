import { describe, expect, it } from 'vitest';
import { methodNames } from '../../../contract';
import { createKioskClient } from '../../../renderer/src/api/client';
import type { Transport } from '../../../renderer/src/api/transport';

describe('the renderer client makes its methods from their names (no contract list on the first screen)', () => {
  const calls: [string, unknown][] = [];
  const transport: Transport = {
    call: async (method: string, input: unknown) => {
      calls.push([method, input]);
      if (method === 'system.ping') return { ok: true, value: { pong: 1 } };
      if (method === 'system.info') throw new Error('socket closed');
      return 'garbage';
    },
    subscribe: () => () => undefined,
  } as unknown as Transport;
  const client = createKioskClient(transport);
  const api = client.api as unknown as Record<string, unknown>;

  it('has every method of the contract, and nothing a promise or a spread would take for one', () => {
    for (const name of methodNames) expect(typeof api[name], name).toBe('function');
    expect(api['then']).toBeUndefined();
    expect(api['toJSON']).toBeUndefined();
    expect(api['system']).toBeUndefined();
    expect(Object.keys(client.api)).toEqual([]);
  });

  it('sends the call as given, and turns a dead transport or an answer of the wrong shape into an internal error', async () => {
    expect(await client.api['system.ping']({ nonce: 'n' } as never)).toEqual({ ok: true, value: { pong: 1 } });
    expect(calls[0]).toEqual(['system.ping', { nonce: 'n' }]);
    expect(await client.api['system.info']({})).toEqual({ ok: false, code: 'internal', message: 'the kiosk service is not answering', detail: 'socket closed' });
    expect(await client.api['session.current']({})).toEqual({ ok: false, code: 'internal', message: 'the host answered in an unexpected shape' });
    expect(api['system.ping']).toBe(api['system.ping']);
  });
});
