import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { KioskConfig } from './config';
import { createHost, type Host } from './host';
import { createLogger, type Logger } from './log';
import { startWebShell, type WebShell } from './webshell/server';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** The built renderer; KIOSK_RENDERER_DIR points elsewhere (parallel test runs, packaged builds). */
export const RENDERER_DIST = process.env['KIOSK_RENDERER_DIR'] ? path.resolve(process.env['KIOSK_RENDERER_DIR']) : path.join(REPO_ROOT, 'dist', 'renderer');

export interface RunningWebShell {
  readonly host: Host;
  readonly shell: WebShell;
  readonly logger: Logger;
  close(): Promise<void>;
}

/** Composition root of the web shell: host services + HTTP/WebSocket transport. */
export async function runWebShell(options: {
  config: KioskConfig;
  platformUrl: string;
  logger?: Logger;
  token?: string;
  rendererDir?: string;
}): Promise<RunningWebShell> {
  const logger = options.logger ?? createLogger({ level: options.config.log.level });
  const host = await createHost({ config: options.config, platformUrl: options.platformUrl, logger });
  const shell = await startWebShell({
    host,
    logger,
    port: options.config.http.port,
    rendererDir: options.rendererDir ?? RENDERER_DIST,
    ...(options.token ? { token: options.token } : {}),
  });
  logger.info({ url: shell.url, mode: options.config.mode }, 'web shell listening');
  return {
    host,
    shell,
    logger,
    async close() {
      await shell.close();
      await host.close();
    },
  };
}
