import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Diagnostics, OutboxHealth } from '../../../contract';
import type { ReceivedReport } from '../../../contract/platform';
import { dispatch, type HandlerTable } from '../../../host/api/dispatch';
import { maintenanceHandlers } from '../../../host/operations/handlers/maintenance';
import { createLogger } from '../../../host/log';
import { outboxFindings } from '../../../host/operations/diagnostics/findings';
import { heartbeatFrom } from '../../../host/operations/heartbeat';
import { outboxMaintenance } from '../../../host/operations/outbox-levers';
import type { OfflineCache } from '../../../offline-cache/offline-cache';
import { flipBytes, leavesOf } from '../../support/damaged-store';
import { drain, openKiosk, startSim, submitApplication } from '../../support/offline-kiosk';
import { tempDir } from '../../support/processes';

const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
});

const TOKEN = 'a-live-maintenance-token';
const ctx = { transport: 'web' } as never;

function handlersFor(kiosk: OfflineCache): HandlerTable {
  const om = outboxMaintenance(kiosk);
  // Only the outbox lever is used by this method; the rest of maintenance is not composed here.
  return maintenanceHandlers({ config: null as never, maintenance: null as never, collect: null as never, selfTests: () => null, outbox: () => om, logs: null as never, audit: null as never, configEditor: null as never }) as unknown as HandlerTable;
}

const call = (handlers: HandlerTable, token: string) =>
  dispatch(handlers, 'maintenance.salvage.acknowledge', { token }, ctx, {
    mode: 'demo',
    logger: createLogger({ level: 'silent' }),
    authorizeMaintenance: (t) => (t === TOKEN ? { ok: true, value: true } : { ok: false, code: 'unauthorized', message: 'maintenance mode is required' }),
  });

function auditKinds(kiosk: OfflineCache): { kind: string; detail: Record<string, unknown> }[] {
  return kiosk.store.read((db) => db.prepare(`SELECT kind, detail FROM audit WHERE kind LIKE 'salvage%' ORDER BY seq`).all() as { kind: string; detail: string }[]).map((r) => ({ kind: r.kind, detail: JSON.parse(r.detail) as Record<string, unknown> }));
}

const heartbeatOf = (health: OutboxHealth) =>
  heartbeatFrom(
    {
      generatedAt: new Date().toISOString(),
      versions: { app: '0.1.0' },
      system: { uptimeSec: 5, disk: null },
      devices: [],
      outbox: health,
      audit: { head: null, length: 0 },
    } as unknown as Diagnostics,
    { mode: 'demo', catalogVersion: '1', acks: [] },
  );

describe('a technician acknowledges a salvage: it stops being a finding, stays in the audit chain and at the platform', () => {
  it('maintenance.salvage.acknowledge needs the token, moves the report, audits it, and the heartbeat still names the gone numbers', async () => {
    const sim = await startSim();
    cleanup.push(() => sim.close());
    const dataDir = tempDir('salvage-ack');
    let kiosk = await openKiosk(sim.url, { dataDir });
    for (let i = 0; i < 60; i++) submitApplication(kiosk);
    await kiosk.close();
    const file = path.join(dataDir, 'kiosk.db');
    const leaves = leavesOf(file, 'outbox');
    flipBytes(file, leaves[1]!, 0, 4096);

    kiosk = await openKiosk(sim.url, { dataDir });
    cleanup.push(() => kiosk.close());
    const lost = kiosk.integrity.lost.applications;
    expect(lost).toBeGreaterThan(0);
    // The salvage itself is in the audit chain, with what it lost.
    expect(auditKinds(kiosk)).toEqual([{ kind: 'salvage', detail: expect.objectContaining({ applications: lost, gone: lost }) }]);
    const handlers = handlersFor(kiosk);
    const health = () => outboxMaintenance(kiosk).health();
    expect(outboxFindings(health(), true, Date.now()).map((f) => f.code)).toContain('DB-SALVAGED');

    // Without the maintenance token nothing changes.
    const refused = await call(handlers, 'not-the-token-at-all');
    expect(refused.ok).toBe(false);
    expect(kiosk.store.salvageReports()).toHaveLength(1);

    const done = await call(handlers, TOKEN);
    expect(done).toEqual({ ok: true, value: { acknowledged: 1 } });
    expect(outboxFindings(health(), true, Date.now()).map((f) => f.code)).not.toContain('DB-SALVAGED');
    expect(health().salvaged).toBeUndefined();
    expect(health().salvageAcknowledged?.[0]?.lost.applications).toBe(lost);
    const audited = auditKinds(kiosk);
    expect(audited.map((a) => a.kind)).toEqual(['salvage', 'salvage-acknowledged']);
    expect(audited[1]!.detail).toEqual(expect.objectContaining({ applications: lost, by: 'maintenance' }));
    expect(kiosk.audit.verify().ok).toBe(true);
    // A second acknowledgement has nothing left to acknowledge.
    expect(await call(handlers, TOKEN)).toEqual({ ok: true, value: { acknowledged: 0 } });

    // The platform is still told which numbers are gone, and records them.
    const hb = heartbeatOf(health());
    const goneList = hb.storeLoss!.applications.flatMap(([a, b]) => Array.from({ length: b - a + 1 }, (_, i) => a + i));
    expect(goneList).toEqual([...kiosk.integrity.gone.application]);
    kiosk.outbox.enqueueHeartbeat(hb);
    await drain(kiosk);
    const report = ((await (await fetch(`${sim.url}/admin/received.json`)).json()) as ReceivedReport).kiosks.find((k) => k.kioskId === 'SX-TY-XD-0001')!;
    expect(report.applications.goneSeqs).toEqual(goneList);
    expect(report.applications.accepted).toBe(60 - lost);
    expect(report.applications.missingSeqs).toEqual([]);

    // After a restart: still acknowledged, audited once (not again at every boot).
    await kiosk.close();
    cleanup.pop();
    kiosk = await openKiosk(sim.url, { dataDir });
    cleanup.push(() => kiosk.close());
    expect(kiosk.integrity.ok).toBe(true);
    expect(outboxFindings(outboxMaintenance(kiosk).health(), true, Date.now()).map((f) => f.code)).not.toContain('DB-SALVAGED');
    expect(auditKinds(kiosk).map((a) => a.kind)).toEqual(['salvage', 'salvage-acknowledged']);
  }, 60_000);
});
