/**
 * Hooks the host's 7×24 operations into the Electron shell. The composition
 * root (index.ts) calls `wireOperations(host, window.webContents, logger)` once
 * the window exists:
 *   * the UI watchdog (host/operations/watchdog.ts) reloads through webContents
 *     and relaunches the app when reloads keep failing;
 *   * electron-updater starts under the kiosk's update rules (updater.ts).
 * Create the logger with a LogRing and pass it to createHost as `logRing`
 * so the maintenance live tail shows Electron's log too.
 */
import { app, type WebContents } from 'electron';
import type { Host } from '../../host/host';
import type { Logger } from '../../host/log';
import { startUpdater } from './updater';

export function wireOperations(host: Host, contents: WebContents, logger: Logger): () => void {
  host.operations.useUiRecoverer({
    reload: () => {
      if (!contents.isDestroyed()) contents.reload();
    },
    relaunch: () => {
      logger.error('UI did not recover after reloads; relaunching the shell');
      app.relaunch();
      app.exit(0);
    },
  });
  return startUpdater(host, app.getVersion(), logger);
}
