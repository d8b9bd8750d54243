/**
 * electron-updater wired to the kiosk's update rules (host/operations/update-policy.ts):
 * the provincial generic server only, signed artifacts only, background
 * download, install only when nobody is being served, and a rollback when a
 * new version fails its health check. The composition root calls
 * `startUpdater(host, app.getVersion())` after the host is up.
 */
import { readFile } from 'node:fs/promises';
import { autoUpdater, type UpdateDownloadedEvent } from 'electron-updater';
import type { Host } from '../../host/host';
import { artifactSignatureValid, beginTrial, onBoot, onHealthCheck, rollbackFeedUrl, shouldInstallNow, trialHealthy, updaterSettings } from '../../host/operations/update-policy';
import { readTrialState, writeTrialState } from '../../host/operations/update-state';
import type { Logger } from '../../host/log';

const CHECK_EVERY_MS = 6 * 3_600_000;
const INSTALL_POLL_MS = 60_000;
const HEALTH_AFTER_MS = 120_000;

export function startUpdater(host: Host, appVersion: string, logger: Logger): () => void {
  const { config } = host;
  const ops = config.operations;
  const settings = updaterSettings(
    { url: ops.updateUrl, channel: ops.updateChannel, publisherName: ops.updatePublisherName, signingKey: ops.updateSigningKey },
    process.platform,
  );
  const timers: NodeJS.Timeout[] = [];
  const stop = () => timers.forEach((t) => clearInterval(t));

  // Trial bookkeeping first: even with updates now switched off, a bad version must be able to go back.
  const boot = onBoot(readTrialState(config.dataDir), appVersion);
  if (boot.action !== 'rollback') writeTrialState(config.dataDir, boot.state);
  if (!settings.enabled) {
    logger.info({ reason: settings.reason }, 'updates off');
    return stop;
  }

  autoUpdater.logger = null;
  autoUpdater.setFeedURL(settings.feed);
  autoUpdater.autoDownload = true;
  autoUpdater.autoInstallOnAppQuit = false;
  autoUpdater.allowDowngrade = false;

  let downloaded: UpdateDownloadedEvent | null = null;
  let lastTouch = Date.now();
  host.bus.subscribe((m) => {
    if (m.event === 'session.changed') lastTouch = Date.now();
  });

  autoUpdater.on('update-downloaded', (info: UpdateDownloadedEvent) => {
    void (async () => {
      // Linux artifacts carry a detached Ed25519 signature next to them; Windows installers are checked by publisherName.
      if (process.platform !== 'win32') {
        const sigUrl = `${settings.feed.url.replace(/\/+$/, '')}/${info.files[0]?.url ?? ''}.sig`;
        const sig = await fetch(sigUrl, { signal: AbortSignal.timeout(30_000) }).then((r) => (r.ok ? r.text() : ''), () => '');
        const bytes = await readFile(info.downloadedFile);
        if (!sig || !artifactSignatureValid(bytes, sig.trim(), ops.updateSigningKey!)) {
          logger.error({ version: info.version }, 'update artifact signature missing or invalid; not installing');
          return;
        }
      }
      downloaded = info;
      logger.info({ version: info.version }, 'update downloaded; waiting for a quiet moment');
    })();
  });
  autoUpdater.on('error', (e: Error) => logger.warn({ err: e.message }, 'update check failed'));

  const tryInstall = () => {
    const decision = shouldInstallNow({
      downloaded: downloaded !== null,
      residentSessionActive: host.session.currentId !== null,
      maintenanceActive: host.operations.maintenance.active,
      idleMinutes: (Date.now() - lastTouch) / 60_000,
    });
    if (!decision.install || !downloaded) return;
    writeTrialState(config.dataDir, beginTrial(appVersion, downloaded.version));
    logger.info({ from: appVersion, to: downloaded.version }, 'installing update');
    autoUpdater.quitAndInstall(true, true);
  };

  const rollback = (to: string, reason: string) => {
    logger.error({ to, reason }, 'rolling back update');
    writeTrialState(config.dataDir, { version: appVersion, previousVersion: to, phase: 'committed', bootsOnTrial: 0 });
    autoUpdater.allowDowngrade = true;
    autoUpdater.setFeedURL({ ...settings.feed, url: rollbackFeedUrl(settings.feed.url, to) });
    void autoUpdater.checkForUpdates();
  };

  if (boot.action === 'rollback') {
    rollback(boot.to, boot.reason);
  } else if (boot.action === 'wait-for-health') {
    const state = boot.state;
    timers.push(
      setTimeout(() => {
        void host.operations.collect().then((d) => {
          const verdict = onHealthCheck(state, trialHealthy(d));
          if (verdict.action === 'rollback') rollback(verdict.to, verdict.reason);
          else writeTrialState(config.dataDir, verdict.state);
        });
      }, HEALTH_AFTER_MS),
    );
  }

  void autoUpdater.checkForUpdates();
  timers.push(setInterval(() => void autoUpdater.checkForUpdates(), CHECK_EVERY_MS));
  timers.push(setInterval(tryInstall, INSTALL_POLL_MS));
  return stop;
}
