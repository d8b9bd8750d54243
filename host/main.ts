import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { KioskConfig } from './config';
import { createHost, type Host } from './host';
import { chooseKeySealing } from './key-sealing';
import { createLogger, type Logger } from './log';
import { composeUpdates, type UpdateAgent } from './operations/updates';
import { LogRing } from './log-ring';
import { removeRunFile, writeRunFile } from './run-file';
import { startWebShell, type WebShell } from './webshell/server';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** The built renderer; KIOSK_RENDERER_DIR points elsewhere (parallel test runs, packaged builds). */
export const RENDERER_DIST = process.env['KIOSK_RENDERER_DIR'] ? path.resolve(process.env['KIOSK_RENDERER_DIR']) : path.join(REPO_ROOT, 'dist', 'renderer');

export interface RunningWebShell {
  readonly host: Host;
  readonly shell: WebShell;
  readonly logger: Logger;
  /** The web-shell updater, when configured (docs/packaging.md). */
  readonly updates: UpdateAgent | null;
  close(): Promise<void>;
}

/** Composition root of the web shell: host services + HTTP/WebSocket transport. */
export async function runWebShell(options: {
  config: KioskConfig;
  platformUrl: string;
  logger?: Logger;
  token?: string;
  rendererDir?: string;
  /** After an update switched slots or rolled back: default SIGTERM to ourselves, and the service manager starts `current`. */
  restart?: (reason: string) => void;
}): Promise<RunningWebShell> {
  const logRing = new LogRing();
  const logger = options.logger ?? createLogger({ level: options.config.log.level, ring: logRing });
  // The web shell seals its keys with what the machine offers (systemd-creds, a provisioned KEK); Electron uses safeStorage.
  const sealing = chooseKeySealing(options.config.mode);
  logger.info({ sealing: sealing.sealer.kind }, 'key sealing');
  const host = await createHost({ config: options.config, platformUrl: options.platformUrl, logger, logRing, sealer: sealing.sealer, legacySealers: sealing.legacy });
  const shell = await startWebShell({
    host,
    logger,
    port: options.config.http.port,
    rendererDir: options.rendererDir ?? RENDERER_DIST,
    ...(options.token ? { token: options.token } : {}),
  });
  // Ready: the transport was set up while the devices were being opened. The maintenance PIN is still being
  // hashed on the thread pool (scrypt, ~100 ms at a first start): nothing a resident does needs it, a sign-in
  // waits for it in the PIN queue, and a stop waits for it to be stored (Host.close).
  await host.devicesOpened;
  logger.info({ url: shell.url, mode: options.config.mode }, 'web shell listening');
  // For `npm run doctor` (SSH maintenance, systemd health check) on this machine.
  writeRunFile(options.config.dataDir, { url: shell.url, token: shell.token, maintenanceToken: host.operations.maintenance.localToken, pid: process.pid, kioskId: options.config.kioskId, startedAt: new Date().toISOString() });
  const updates = composeUpdates({
    config: options.config,
    host,
    logger,
    restart:
      options.restart ??
      ((reason) => {
        logger.warn({ reason }, 'restarting for an update');
        process.kill(process.pid, 'SIGTERM');
      }),
  });
  // Everything is composed (the updater too, so the boot heartbeat carries its report): the network work starts.
  host.start();
  return {
    host,
    shell,
    logger,
    updates,
    async close() {
      removeRunFile(options.config.dataDir, process.pid);
      await shell.close();
      await host.close();
    },
  };
}
