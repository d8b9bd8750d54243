import type { KioskConfig } from '../../config';
import type { Host } from '../../host';
import type { Logger } from '../../log';
import { trialHealthy } from '../update-policy';
import { readVersion } from '../../version';
import { UpdateAgent, type HealthProbe } from './agent';
import { webShellProbe } from './probe';

export { compareVersions, UpdateAgent, type HealthProbe, type UpdateAgentOptions, type UpdateReport } from './agent';
export { updateFindings } from './findings';
export { webShellProbe } from './probe';
export { SlotStore, type SlotName } from './slots';

/** How long a version on trial has to show a UI heartbeat after boot. */
export const TRIAL_WINDOW_MS = 180_000;

/**
 * The web-shell updater, when `operations.updateUrl` and `updateTrustedRoot`
 * are set: counts a boot on trial (rolling back a version that keeps failing),
 * health-checks a version on trial (host ready, UI heartbeat, a printer
 * self-test, nothing red but devices) and commits or rolls back; checks when
 * the fleet asks (`check-update`) or on `updateCheckIntervalMs`; reports into
 * diagnostics (the dashboard's findings) and fleet telemetry.
 */
export function composeUpdates(o: { config: KioskConfig; host: Host; logger: Logger; restart: (reason: string) => void; probe?: HealthProbe; trialWindowMs?: number }): UpdateAgent | null {
  const ops = o.config.operations;
  if (!ops.updateUrl || !ops.updateTrustedRoot) return null;
  const logger = o.logger.child({ part: 'updates' });
  let lastResidentAt = Date.now();
  o.host.session.onEnd(() => {
    lastResidentAt = Date.now();
  });
  const agent = new UpdateAgent({
    url: ops.updateUrl,
    channel: ops.updateChannel,
    trustedRoot: ops.updateTrustedRoot,
    dataDir: o.config.dataDir,
    runningVersion: readVersion(),
    probe: o.probe ?? webShellProbe(),
    installContext: () => {
      const resident = o.host.session.current() !== null;
      return { residentSessionActive: resident, maintenanceActive: o.host.operations.maintenance.active, idleMinutes: resident ? 0 : (Date.now() - lastResidentAt) / 60_000 };
    },
    restart: o.restart,
    logger,
    onReport: () => o.host.fleet?.noteChange(),
  });
  o.host.operations.useUpdates(agent);
  const boot = agent.onStartup();
  if (boot.onTrial) void confirmTrial(agent, o.host, logger, o.trialWindowMs ?? TRIAL_WINDOW_MS);
  if (ops.updateCheckIntervalMs > 0) setInterval(() => void agent.check(), ops.updateCheckIntervalMs).unref();
  return agent;
}

async function confirmTrial(agent: UpdateAgent, host: Host, logger: Logger, windowMs: number): Promise<void> {
  const deadline = Date.now() + windowMs;
  while (host.operations.watchdog.health().lastHeartbeatAt === null && Date.now() < deadline) await new Promise((r) => setTimeout(r, 1000));
  const d = await host.operations.collect();
  const selfTest = await host.operations.selfTest('printer').catch((e: unknown) => ({ passed: false, message: (e as Error).message, code: 'SELF-TEST-ERROR' }));
  // A printer out of paper is not the release's fault; a self-test that throws is.
  const ranSelfTest = selfTest.code !== 'SELF-TEST-ERROR';
  const healthy = trialHealthy(d) && ranSelfTest;
  const why = d.ui.lastHeartbeatAt === null ? `no UI heartbeat within ${Math.round(windowMs / 1000)} s` : !ranSelfTest ? `printer self-test could not run: ${selfTest.message}` : healthy ? 'host ready, UI heartbeat, printer self-test ran' : `diagnostics: ${d.findings.filter((f) => f.level === 'fault').map((f) => f.code).join(', ')}`;
  logger.info({ healthy, why }, 'trial health check');
  agent.confirmTrial(healthy, why);
}
