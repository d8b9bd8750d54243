import { describe, expect, it } from 'vitest';
import { dispatch, type HandlerTable } from '../../../host/api/dispatch';
import { devdockHandlers } from '../../../host/devices/handlers/devdock';
import { createLogger } from '../../../host/log';

const handlers = devdockHandlers(null) as unknown as HandlerTable;
const logger = createLogger({ level: 'silent' });

describe('dev dock methods', () => {
  it('are refused in production mode', async () => {
    const r = await dispatch(handlers, 'devdock.idcard.insert', { cardId: 'resident-zhang' }, { transport: 'test' }, { mode: 'production', logger });
    expect(r).toMatchObject({ ok: false, code: 'forbidden' });
  });

  it('say plainly that a real reader cannot be driven from the dock in demo mode', async () => {
    const r = await dispatch(handlers, 'devdock.idcard.insert', { cardId: 'resident-zhang' }, { transport: 'test' }, { mode: 'demo', logger });
    expect(r).toMatchObject({ ok: false, code: 'device-no-hardware' });
    const cards = await dispatch(handlers, 'devdock.idcard.cards', {}, { transport: 'test' }, { mode: 'demo', logger });
    expect(cards).toEqual({ ok: true, value: { available: false, cards: [], inserted: null } });
  });
});
