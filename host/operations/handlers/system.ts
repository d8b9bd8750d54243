import { ok } from '../../../contract';
import type { KioskConfig } from '../../config';
import type { ConnectivityMonitor } from '../../platform/connectivity';
import type { HandlerTable } from '../../api/dispatch';

export interface SystemDeps {
  readonly config: KioskConfig;
  readonly version: string;
  readonly bootedAt: Date;
  readonly connectivity: ConnectivityMonitor;
}

export function systemHandlers(deps: SystemDeps): Pick<HandlerTable, 'system.info' | 'system.ping' | 'system.connectivity'> {
  const { config } = deps;
  return {
    'system.info': () =>
      ok({
        kioskId: config.kioskId,
        servicePoint: config.servicePoint,
        version: deps.version,
        mode: config.mode,
        hotline: '12345',
        locale: config.ui.locale,
        elderlyDefault: config.ui.elderlyDefault,
        idleSeconds: config.ui.idleSeconds,
        countdownSeconds: config.ui.countdownSeconds,
        bootedAt: deps.bootedAt.toISOString(),
      }),
    'system.ping': ({ nonce }) => ok({ nonce, hostTime: new Date().toISOString() }),
    'system.connectivity': () => ok(deps.connectivity.current()),
  };
}
