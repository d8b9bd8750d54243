import type { EventBus } from '../../api/events';
import type { KioskConfig } from '../../config';
import type { Logger } from '../../log';
import type { Operations } from '../../operations';
import { FleetLink } from './fleet-link';
import { telemetryFrom } from './telemetry';

export { expectedReconnectLoad, FleetLink, reconnectDelay, reconnectPolicy, RECONNECT_WINDOW_PER_TELEMETRY_INTERVAL, type FleetLinkConfig } from './fleet-link';
export { telemetryFrom } from './telemetry';

/**
 * The live fleet link, when `fleet.brokerUrl` is set: telemetry from the
 * operations' diagnostics, commands through the same verified, run-once,
 * audited runner as heartbeat replies. The heartbeat stays the durable fallback.
 */
export function composeFleetLink(o: { config: KioskConfig; operations: Operations; bus: EventBus; logger: Logger; version: string; catalogVersion: () => string }): FleetLink | null {
  const { config } = o;
  const brokerUrl = config.fleet.brokerUrl;
  if (!brokerUrl) return null;
  const link = new FleetLink({
    config: { ...config.fleet, brokerUrl },
    kioskId: config.kioskId,
    servicePoint: config.servicePoint,
    version: o.version,
    telemetry: async (reason) => telemetryFrom(await o.operations.collect(), { mode: config.mode, catalogVersion: o.catalogVersion(), region: config.fleet.region, reason, update: o.operations.updateReport() }),
    commands: o.operations.commands,
    logger: o.logger.child({ part: 'fleet-link' }),
  });
  o.bus.subscribe((m) => {
    if (m.event === 'device.status' || m.event === 'sync.status') link.noteChange();
  });
  return link;
}
