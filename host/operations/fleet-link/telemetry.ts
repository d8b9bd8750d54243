import type { Diagnostics } from '../../../contract';
import { FleetTelemetrySchema, type FleetTelemetry, type UpdateReport } from '../../../contract/fleet';
import { heartbeatFrom } from '../heartbeat';

export interface TelemetryContext {
  readonly mode: 'demo' | 'production';
  readonly catalogVersion: string;
  readonly region: string;
  readonly reason: FleetTelemetry['reason'];
  readonly update?: UpdateReport | null;
}

/** The heartbeat's report (states, codes, counts, ages — no personal data) with the findings in words. Pure. */
export function telemetryFrom(d: Diagnostics, ctx: TelemetryContext): FleetTelemetry {
  const { acks: _acks, ...hb } = heartbeatFrom(d, { mode: ctx.mode, catalogVersion: ctx.catalogVersion, acks: [], update: ctx.update ?? null });
  return FleetTelemetrySchema.parse({
    ...hb,
    kioskId: d.kioskId,
    region: ctx.region,
    servicePoint: d.servicePoint,
    reason: ctx.reason,
    overall: d.overall,
    findings: d.findings.slice(0, 32).map(({ level, area, code, problem, fix }) => ({ level, area, code, problem, fix })),
  });
}
