import { readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Diagnostics } from '../../../contract';
import type { ReceivedReport } from '../../../contract/platform';
import { outboxFindings } from '../../../host/operations/diagnostics/findings';
import { heartbeatFrom } from '../../../host/operations/heartbeat';
import { outboxMaintenance } from '../../../host/operations/outbox-levers';
import { flipBytes, leavesOf } from '../../support/damaged-store';
import { drain, openKiosk, startSim, submitApplication } from '../../support/offline-kiosk';
import { tempDir } from '../../support/processes';

const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
});

function diagnosticsWith(outbox: Diagnostics['outbox']): Diagnostics {
  return {
    generatedAt: new Date().toISOString(),
    kioskId: 'SX-TY-XD-0001',
    servicePoint: '测试便民服务中心',
    overall: 'fault',
    findings: [],
    devices: [],
    outbox,
    platform: { url: 'http://p', reachable: true, latencyMs: 3, lastSuccessAt: null, clockSkewMs: 0 },
    system: { uptimeSec: 60, osUptimeSec: 60, memory: { rssBytes: 1, systemFreeBytes: 1, systemTotalBytes: 2 }, disk: { path: '/', freeBytes: 5e9, totalBytes: 1e10 }, dataDir: '/d', dataDirBytes: 10 },
    versions: { app: '0.1.0', node: process.versions.node, electron: null, chromium: null, sqlite: '3' },
    ui: { lastHeartbeatAt: null, recoveries: 0, lastRecovery: null },
    audit: { head: null, length: 0 },
  };
}

const received = async (url: string) => ((await (await fetch(`${url}/admin/received.json`)).json()) as ReceivedReport).kiosks.find((k) => k.kioskId === 'SX-TY-XD-0001')!;

describe('a salvaged store is named on the dashboard, in the heartbeat and at the platform; numbering never repeats', () => {
  it('DB-SALVAGED names the losses, the platform stops waiting for the gone numbers, and a wiped, re-provisioned kiosk continues after them', async () => {
    const sim = await startSim();
    cleanup.push(() => sim.close());
    const dataDir = tempDir('salvaged');
    let kiosk = await openKiosk(sim.url, { dataDir });
    for (let i = 0; i < 40; i++) submitApplication(kiosk);
    await drain(kiosk);
    const delivered = (await received(sim.url)).applications.accepted;
    expect(delivered).toBe(40);
    for (let i = 0; i < 80; i++) submitApplication(kiosk);
    await kiosk.close();

    // Damage a leaf holding undelivered applications (a later page).
    const file = path.join(dataDir, 'kiosk.db');
    const leaves = leavesOf(file, 'outbox');
    flipBytes(file, leaves.at(-3)!, 0, 4096);

    kiosk = await openKiosk(sim.url, { dataDir });
    cleanup.push(() => kiosk.close());
    const lost = kiosk.integrity.lost.applications;
    expect(lost).toBeGreaterThan(0);
    const health = outboxMaintenance(kiosk).health();
    expect(health.salvaged?.[0]?.lost.applications).toBe(lost);
    const finding = outboxFindings(health, true, Date.now()).find((f) => f.code === 'DB-SALVAGED');
    expect(finding?.level).toBe('fault');
    expect(finding?.problem['zh-CN']).toContain(`丢失 ${lost} 件申请`);
    expect(finding?.problem.en).toContain(`${lost} application(s)`);

    const hb = heartbeatFrom(diagnosticsWith(health), { mode: 'demo', catalogVersion: '1', acks: [] });
    const goneRanges = hb.storeLoss!.applications;
    const goneList = goneRanges.flatMap(([a, b]) => Array.from({ length: b - a + 1 }, (_, i) => a + i));
    expect(goneList).toEqual([...kiosk.integrity.gone.application]);
    kiosk.outbox.enqueueHeartbeat(hb);
    await drain(kiosk);
    const after = await received(sim.url);
    expect(after.applications.accepted).toBe(120 - lost);
    expect(after.applications.goneSeqs).toEqual(goneList);
    expect(after.applications.missingSeqs).toEqual([]);
    await kiosk.close();
    cleanup.pop();

    // The data folder wiped (the registered device key brought back): the platform tells the kiosk where to continue.
    for (const f of readdirSync(dataDir)) if (f !== 'keys') rmSync(path.join(dataDir, f), { recursive: true, force: true });
    rmSync(path.join(dataDir, 'keys', 'data.key'));
    rmSync(path.join(dataDir, 'keys', 'platform.key'), { force: true });
    kiosk = await openKiosk(sim.url, { dataDir });
    cleanup.push(() => kiosk.close());
    expect(kiosk.outbox.summary().lastSeq).toBe(0);
    const next = submitApplication(kiosk);
    expect(next.localNumber).toBe('SX-TY-XD-0001-000121');
    await drain(kiosk);
    const final = await received(sim.url);
    expect(final.applications.accepted).toBe(121 - lost);
    expect(final.applications.duplicates).toBe(0);
  }, 60_000);
});
