import { ok } from '../../../contract';
import type { UiWatchdog } from '../watchdog';
import type { HandlerTable } from '../../api/dispatch';

export function watchdogHandlers(watchdog: UiWatchdog): Pick<HandlerTable, 'ui.heartbeat'> {
  return {
    'ui.heartbeat': () => {
      watchdog.beat();
      // Beat at a third of the stale limit so one late tick never trips it.
      return ok({ intervalMs: Math.max(250, Math.floor(watchdog.staleMs / 3)) });
    },
  };
}
