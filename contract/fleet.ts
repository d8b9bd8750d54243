import { z } from 'zod';
import { FindingSchema } from './diagnostics';
import { HeartbeatSchema } from './platform/heartbeat';

/**
 * The live fleet link over MQTT 5 (docs/fleet.md): what a kiosk publishes
 * under its own topics and what the fleet console sends it. Shared by the
 * kiosk host (`host/operations/fleet-link/`) and `fleet-console/`.
 *
 * Topics, all under `kiosk/v1/{kioskId}/`:
 *  - `status`     retained; `online` on connect, `offline` on a clean stop and as the Last Will
 *  - `telemetry`  on every status change and every few minutes (QoS 0, never queued)
 *  - `cmd/{id}`   in: one signed KioskCommand, MQTT 5 response topic + correlation data, message expiry
 *  - `ack`        out: the CommandResponse (the default response topic)
 */
export const FLEET_TOPIC_ROOT = 'kiosk/v1';

export const fleetTopics = (kioskId: string) => ({
  status: `${FLEET_TOPIC_ROOT}/${kioskId}/status`,
  telemetry: `${FLEET_TOPIC_ROOT}/${kioskId}/telemetry`,
  commands: `${FLEET_TOPIC_ROOT}/${kioskId}/cmd/+`,
  command: (commandId: string) => `${FLEET_TOPIC_ROOT}/${kioskId}/cmd/${commandId}`,
  ack: `${FLEET_TOPIC_ROOT}/${kioskId}/ack`,
});

/** `kiosk/v1/{kioskId}/{leaf…}` → its parts, or null for anything else. */
export function parseFleetTopic(topic: string): { kioskId: string; leaf: string } | null {
  const m = /^kiosk\/v1\/([A-Za-z0-9-]{3,40})\/(.+)$/.exec(topic);
  return m ? { kioskId: m[1]!, leaf: m[2]! } : null;
}

export const FleetStatusSchema = z.object({
  state: z.enum(['online', 'offline']),
  /** Why offline: a clean stop, or `lost` (the Last Will: the broker missed the keep-alive). */
  reason: z.enum(['connected', 'stopped', 'lost']),
  at: z.string(),
  kioskId: z.string(),
  region: z.string(),
  servicePoint: z.string(),
  version: z.string(),
});
export type FleetStatus = z.infer<typeof FleetStatusSchema>;

export { UpdateReportSchema, type UpdateReport } from './platform/heartbeat';

/** The heartbeat's health report (no personal data), plus the findings in words and where the kiosk stands. */
export const FleetTelemetrySchema = HeartbeatSchema.omit({ acks: true }).extend({
  kioskId: z.string(),
  region: z.string(),
  servicePoint: z.string(),
  reason: z.enum(['boot', 'change', 'interval', 'connect']),
  overall: z.enum(['ok', 'warn', 'fault']),
  findings: z.array(FindingSchema.pick({ level: true, area: true, code: true, problem: true, fix: true })).max(32),
});
export type FleetTelemetry = z.infer<typeof FleetTelemetrySchema>;

/** What the kiosk answers to one command, on the response topic with the command's correlation data. */
export const CommandResponseSchema = z.object({
  commandId: z.string(),
  kioskId: z.string(),
  outcome: z.enum(['done', 'failed', 'refused', 'duplicate']),
  detail: z.string().max(500),
  at: z.string(),
});
export type CommandResponse = z.infer<typeof CommandResponseSchema>;
