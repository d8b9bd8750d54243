import { ok } from '../../../contract';
import type { SessionService } from '../session';
import type { HandlerTable } from '../../api/dispatch';

export function sessionHandlers(session: SessionService): Pick<HandlerTable, 'session.begin' | 'session.current' | 'session.end'> {
  return {
    'session.begin': () => ok(session.begin()),
    'session.current': () => ok(session.current()),
    'session.end': ({ reason }) => ok({ ended: session.end(reason) }),
  };
}
