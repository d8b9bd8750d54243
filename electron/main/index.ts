/**
 * Composition root of the Electron shell: the host services over IPC and a
 * locked-down kiosk window showing the renderer bundle from app://kiosk.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { app, BrowserWindow, crashReporter, ipcMain, powerSaveBlocker, protocol, safeStorage, session } from 'electron';
import { methodNames } from '../../contract';
import { ConfigError, loadConfig } from '../../host/config';
import { createHost, type Host } from '../../host/host';
import { createLogger } from '../../host/log';
import { LogRing } from '../../host/log-ring';
import { VideoTickets } from '../../host/resident/video';
import { appCsp, mimeFor, resolveAppFile } from './app-protocol';
import { channelFor, EVENT_CHANNEL, isTrustedSender } from './ipc-guard';
import {
  allowDevicePermission,
  allowNavigation,
  allowPermission,
  allowPermissionCheck,
  APP_ORIGIN,
  CALL_CLOSING_METHODS,
  CALL_OPENING_METHODS,
  CallMediaWindow,
  APP_SCHEME,
  chooserRefusal,
  devToolsAllowed,
  DEVICE_CHOOSERS,
  kioskWindowOptions,
  secondInstanceAction,
  swallowInput,
} from './policies';
import { wireOperations } from './operations-wiring';
import { safeStorageLegacySealers, safeStorageSealer } from './safe-storage-sealer';

const dev = devToolsAllowed(app.isPackaged, process.env);
const appRoot = app.getAppPath();
const rendererRoot = path.join(appRoot, 'dist', 'renderer');
const preloadPath = path.join(appRoot, 'dist-electron', 'preload.cjs');

crashReporter.start({ uploadToServer: false, compress: true });

if (!app.requestSingleInstanceLock()) {
  app.quit();
  process.exit(0);
}

protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true, codeCache: true } },
]);

let mainWindow: BrowserWindow | null = null;

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig({ cwd: app.getPath('userData') });
  } catch (e) {
    console.error(e instanceof ConfigError ? e.message : e);
    app.exit(2);
    return;
  }
  const logRing = new LogRing();
  const logger = createLogger({ level: config.log.level, ring: logRing });
  if (!config.platform.url) {
    logger.fatal('KIOSK_PLATFORM_URL (platform.url) must be configured for the Electron shell');
    app.exit(2);
    return;
  }
  await app.whenReady();

  const host: Host = await createHost({ config, platformUrl: config.platform.url, logger, logRing, sealer: safeStorageSealer(safeStorage), legacySealers: safeStorageLegacySealers(safeStorage) });

  const csp = appCsp(VideoTickets.connectSources(config));
  // Camera and microphone together only while a video call is being placed or held.
  const callMedia = new CallMediaWindow();
  host.session.onEnd(() => callMedia.close());

  protocol.handle(APP_SCHEME, async (request) => {
    const file = resolveAppFile(request.url, rendererRoot);
    if (!file) return new Response('not found', { status: 404 });
    try {
      const body = await readFile(file);
      return new Response(body, { headers: { 'content-type': mimeFor(file), 'content-security-policy': csp, 'x-content-type-options': 'nosniff' } });
    } catch {
      return new Response('not found', { status: 404 });
    }
  });

  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_wc, permission, callback, details) => {
    const mediaTypes = 'mediaTypes' in details ? (details.mediaTypes ?? []) : [];
    callback(allowPermission(permission, details.requestingUrl, mediaTypes, callMedia.inCall(Date.now())));
  });
  ses.setPermissionCheckHandler((_wc, permission, requestingOrigin, details) => allowPermissionCheck(permission, requestingOrigin, details.mediaType, callMedia.inCall(Date.now())));
  ses.setDevicePermissionHandler((details) => allowDevicePermission(details));
  for (const chooser of DEVICE_CHOOSERS) {
    ses.on(chooser as 'select-hid-device', (e, _details, callback: (id?: string) => void) => {
      e.preventDefault();
      callback(chooserRefusal(chooser));
    });
  }

  for (const method of methodNames) {
    ipcMain.handle(channelFor(method), async (event, input: unknown) => {
      const trusted = isTrustedSender(
        { webContentsId: event.sender.id, frameUrl: event.senderFrame?.url, isMainFrame: event.senderFrame?.parent === null },
        mainWindow?.webContents.id ?? null,
      );
      if (!trusted) return { ok: false, code: 'forbidden', message: 'untrusted sender' };
      const result = await host.call(method, input, { transport: 'electron' });
      if (CALL_OPENING_METHODS.includes(method) && (result as { ok?: boolean }).ok === true) callMedia.open(Date.now());
      if (CALL_CLOSING_METHODS.includes(method)) callMedia.close();
      return result;
    });
  }
  host.bus.subscribe((message) => {
    if (mainWindow && !mainWindow.isDestroyed()) mainWindow.webContents.send(EVENT_CHANNEL, message);
  });
  // The host's network work (connectivity, heartbeat, outbox delivery, fleet link) once the UI can be served.
  await Promise.all([host.devicesOpened, host.operations.pinProvisioned]);
  host.start();

  app.on('web-contents-created', (_e, contents) => {
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
    contents.on('will-navigate', (e, url) => {
      if (!allowNavigation(url)) e.preventDefault();
    });
    contents.on('will-redirect', (e, url) => {
      if (!allowNavigation(url)) e.preventDefault();
    });
    contents.on('will-attach-webview', (e) => e.preventDefault());
    contents.on('select-bluetooth-device', (e, _devices, callback) => {
      e.preventDefault();
      callback(chooserRefusal('select-bluetooth-device') ?? '');
    });
    contents.on('before-input-event', (e, input) => {
      if (swallowInput(input, dev)) e.preventDefault();
    });
  });

  app.on('second-instance', (_e, argv) => {
    const action = secondInstanceAction(argv, host.session.currentId !== null);
    if (action === 'relaunch') {
      app.relaunch();
      app.exit(0);
    } else if (action === 'focus' && mainWindow && !mainWindow.isDestroyed()) {
      mainWindow.show();
      mainWindow.focus();
    }
  });

  powerSaveBlocker.start('prevent-display-sleep');

  mainWindow = new BrowserWindow(kioskWindowOptions({ preloadPath, dev }));
  const wc = mainWindow.webContents;
  // Crashes and hangs go to the host's UI watchdog, which shares one escalation rule
  // (reload, then relaunch) with its own silence detection; wireOperations gives it
  // webContents.reload and app.relaunch, and starts the updater.
  const stopOperations = wireOperations(host, wc, logger);
  wc.on('render-process-gone', (_e, details) => host.operations.watchdog.failed(`render-process-gone:${details.reason}`));
  mainWindow.on('unresponsive', () => host.operations.watchdog.failed('unresponsive'));
  mainWindow.once('ready-to-show', () => mainWindow?.show());
  await mainWindow.loadURL(`${APP_ORIGIN}/index.html`);

  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      stopOperations();
      void host.close().then(() => app.exit(0));
    });
  }
  app.on('window-all-closed', () => {
    stopOperations();
    void host.close().then(() => app.quit());
  });
}

void main();
