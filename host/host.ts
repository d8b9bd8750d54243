import { mkdirSync } from 'node:fs';
import { ConfigError, type KioskConfig } from './config';
import { EventBus } from './api/events';
import { dispatch, type CallContext, type HandlerTable } from './api/dispatch';
import { devdockHandlers } from './devices/handlers/devdock';
import { eidDockHandlers } from './devices/handlers/eid-dock';
import { devicesHandlers, type DeviceDirectory } from './devices/handlers/devices';
import { receiptsHandlers } from './resident/handlers/receipts';
import { scannerHandlers } from './resident/handlers/scanner';
import { DeviceManager } from '../drivers/device';
import { createIdCardDevice } from './devices/idcard-device';
import { createReceiptDevices } from './devices/receipt-devices';
import { wireIdentification } from './resident/identification';
import { ReceiptService } from './resident/receipts';
import { A4DocumentService } from './resident/a4-documents';
import { A4Printer } from '../drivers/printer/a4/a4-printer';
import { IppQueue } from '../drivers/printer/a4/ipp';
import { sessionMarkerFile } from './resident/session-marker';
import { ScanHub } from './resident/scans';
import { sessionHandlers } from './resident/handlers/session';
import { systemHandlers } from './operations/handlers/system';
import { videoHandlers } from './resident/handlers/video';
import type { SecretSealer } from '../offline-cache/crypto/key-vault';
import { platformFetch, PlatformTlsError, readPlatformTls, type FetchLike } from '../offline-cache/sync/platform-fetch';
import type { Logger } from './log';
import { LogRing } from './log-ring';
import { Operations } from './operations';
import { composeFleetLink, type FleetLink } from './operations/fleet-link';
import { selfTestPortFrom } from './operations/self-test';
import { uploadBundle } from './operations/diagnostics/upload';
import { ConnectivityMonitor } from './platform/connectivity';
import type { PlatformPort } from '../offline-cache/sync/platform-port';
import { VideoTickets } from './resident/video';
import { composeOffline, plugOfflineIntoOperations, type Offline } from './offline';
import { createResidentDesk } from './resident/desk';
import { staffHandlers } from './staff/handlers';
import { StaffDesk } from './staff/staff';
import { SessionService } from './resident/session';
import { readVersion } from './version';

export interface HostOptions {
  readonly config: KioskConfig;
  /** Resolved platform URL (the simulator's when none is configured). */
  readonly platformUrl: string;
  readonly logger: Logger;
  /** The logger's in-memory tail (maintenance live log, diagnostics bundle). */
  readonly logRing?: LogRing;
  /** How keys are sealed at rest: the web shell passes host/key-sealing.ts's choice, Electron safeStorage; default a 0600 key file. */
  readonly sealer?: SecretSealer;
  /** How headerless key files from before sealing are read (then sealed in place). */
  readonly legacySealers?: readonly SecretSealer[];
}

export interface Host {
  readonly config: KioskConfig;
  readonly bus: EventBus;
  readonly handlers: HandlerTable;
  readonly session: SessionService;
  /** Receipts (回执): the journey service prints through this (`receiptsForJourneys`). */
  readonly receipts: ReceiptService;
  /** Maintenance, diagnostics, watchdog, heartbeat: shells plug their recoverer in here. */
  readonly operations: Operations;
  /** Offline store, outbox, sync, applications (offline-cache composed). */
  readonly offline: Offline;
  /** Live MQTT 5 fleet link, when `fleet.brokerUrl` is set (docs/fleet.md). */
  readonly fleet: FleetLink | null;
  /** Settles once every configured device has been opened (or failed to, which its status says). */
  readonly devicesOpened: Promise<void>;
  /** The A4 printer asked and the jobs kept from before the start followed or dropped (after ready; tests await it). */
  readonly a4Reconciled: Promise<void>;
  /**
   * What starts once the shell serves the UI: the first connectivity probe, the heartbeat, outbox
   * delivery and the fleet link (each talks to the network). Once only; createHost does not call it.
   */
  start(): void;
  call(name: string, input: unknown, ctx: CallContext): ReturnType<typeof dispatch>;
  close(): Promise<void>;
}

/** The platform's CA bundle and client certificate, read once; a file that cannot be used stops start-up naming its key. */
function platformTransport(config: KioskConfig): FetchLike {
  try {
    return platformFetch(readPlatformTls(config.platform));
  } catch (e) {
    if (e instanceof PlatformTlsError) throw new ConfigError(e.key, e.reason, e.file);
    throw e;
  }
}

/**
 * The composition of application services, shared by every shell: the web
 * shell serves it over HTTP, Electron's main process over IPC.
 */
export async function createHost(options: HostOptions): Promise<Host> {
  const { config, logger } = options;
  mkdirSync(config.dataDir, { recursive: true });
  const bus = new EventBus();
  const session = new SessionService(bus, undefined, sessionMarkerFile(config.dataDir));
  const transport = platformTransport(config);
  // Connectivity asks the platform's port, which the offline store composes below (it needs the kiosk's signer).
  let platform: PlatformPort | null = null;
  const health: Pick<PlatformPort, 'health'> = {
    health: () => (platform ? platform.health() : Promise.resolve({ kind: 'unreachable', reason: 'platform not composed yet' })),
  };
  const connectivity = new ConnectivityMonitor(
    { platform: health, intervalMs: config.platform.healthIntervalMs },
    bus,
    logger,
  );
  const deviceManager = new DeviceManager();
  deviceManager.on('status', (s) => bus.emit('device.status', s));
  // The A4 printer is a CUPS queue (not a serial device): it stands in the devices list beside the others.
  const a4Printer = config.devices.a4Printer === 'none' ? null : new A4Printer(new IppQueue(config.devices.a4Printer));
  const devices: DeviceDirectory = { list: () => [...deviceManager.list(), ...(a4Printer ? [a4Printer.status()] : [])] };
  a4Printer?.on('change', () => bus.emit('device.status', a4Printer.status()));
  // The receipt devices and the ID-card reader are set up side by side (simulated ones each wait for a socat pty pair).
  const [receiptDevices, idcard] = await Promise.all([createReceiptDevices(config.devices), createIdCardDevice(config.devices)]);
  if (receiptDevices.printer) deviceManager.add(receiptDevices.printer);
  if (receiptDevices.scanner) deviceManager.add(receiptDevices.scanner);
  if (idcard.reader) {
    deviceManager.add(idcard.reader);
    wireIdentification(idcard.reader, session, bus, logger);
  }
  const scans = new ScanHub(bus, session);
  receiptDevices.scanner?.on('data', (code) => scans.publish(code));

  const operations = new Operations({
    config,
    platformUrl: options.platformUrl,
    logger,
    logRing: options.logRing ?? new LogRing(),
    bus,
    session,
    devices: () => devices.list(),
    connectivity,
    version: readVersion(),
    bootedAt: new Date(),
    ...(process.env['KIOSK_MAINTENANCE_PIN'] ? { initialPin: process.env['KIOSK_MAINTENANCE_PIN'] } : {}),
  });

  const offline = composeOffline({
    config,
    platformUrl: options.platformUrl,
    logger,
    bus,
    currentSessionId: () => session.currentId,
    fetch: transport,
    onHeartbeatReply: (reply) => void operations.heartbeat.handleReply(reply),
    ...(options.sealer ? { sealer: options.sealer } : {}),
    ...(options.legacySealers ? { legacySealers: options.legacySealers } : {}),
  });
  platform = offline.cache.client;
  plugOfflineIntoOperations(offline, operations);
  operations.useSelfTests(selfTestPortFrom(deviceManager, receiptDevices.virtualPrinter));
  operations.useBlobUpload((bytes) => uploadBundle(offline.cache.client, bytes));
  const receipts = new ReceiptService(
    { kioskId: config.kioskId, servicePoint: config.servicePoint, paperWidthMm: config.devices.paperWidthMm, progressBaseUrl: config.platform.progressUrl ?? new URL('/progress', options.platformUrl).toString() },
    receiptDevices.printer,
    session,
    bus,
    logger,
    offline.cache.printJobs,
  );
  receipts.useQueryCodes((n) => offline.applications.receiptCode(n));
  // A visit the host was serving when it stopped comes back if it is recent; then its kept print jobs are reconciled.
  session.resume((config.ui.idleSeconds + config.ui.countdownSeconds) * 1000);
  receipts.reconcile();
  const a4 = new A4DocumentService(a4Printer, offline.cache.printJobs, session, bus, logger);
  // CUPS is asked after start, not before: a scheduler slow or hung at boot (each question waits up to its
  // 10 s timeout, and once more per job left printing) must not hold the kiosk's start. Until it answers the
  // A4 printer stands as "not checked yet" in the devices list.
  const a4Reconciled = (a4Printer ? a4Printer.check() : Promise.resolve())
    .then(() => a4.reconcile())
    .catch((e: unknown) => logger.error({ err: (e as Error).message }, 'a4: reconciling the jobs kept at boot failed'));
  const staff = new StaffDesk({ dataDir: config.dataDir, mode: config.mode }, bus, session);
  const resident = createResidentDesk({ config, bus, session, applications: offline.applications, cache: offline.cache, catalog: offline.catalog, receipts, staff, a4 });

  const handlers: HandlerTable = {
    ...systemHandlers({ config, version: readVersion(), bootedAt: new Date(), connectivity }),
    ...sessionHandlers(session),
    ...devicesHandlers(devices),
    ...devdockHandlers(idcard.sim),
    ...eidDockHandlers(options.platformUrl, idcard.sim?.cards ?? [], receiptDevices.scannerSimulator),
    ...receiptsHandlers(receipts, session, receiptDevices.virtualPrinter),
    ...scannerHandlers(scans, receiptDevices.scannerSimulator),
    ...operations.handlers,
    ...offline.handlers,
    ...resident.handlers,
    ...staffHandlers(staff),
    ...videoHandlers(new VideoTickets(config)),
  };

  await operations.start();
  const fleet = composeFleetLink({ config, operations, bus, logger, version: readVersion(), catalogVersion: () => operations.heartbeat.last?.catalogVersion ?? 'unknown' });
  // Devices are being opened from here on: each reports its state as it comes (device.status), as after a replug.
  // The shell sets up its transport meanwhile and is ready once they are open (host/main.ts).
  const devicesOpened = deviceManager.start().catch((e: unknown) => logger.error({ err: (e as Error).message }, 'opening the devices failed'));
  a4Printer?.start();
  let started = false;

  return {
    config,
    bus,
    handlers,
    session,
    receipts,
    operations,
    offline,
    fleet,
    devicesOpened,
    a4Reconciled,
    start() {
      if (started) return;
      started = true;
      // After ready (docs/packaging.md "Start-up"): the first platform probe, heartbeat, outbox delivery, fleet link.
      connectivity.start();
      operations.heartbeat.start();
      fleet?.start();
      offline.sync.start();
    },
    call: (name, input, ctx) =>
      dispatch(handlers, name, input, ctx, { mode: config.mode, logger, authorizeMaintenance: (token) => operations.authorize(token) }),
    async close() {
      await devicesOpened;
      await a4Reconciled;
      await operations.pinProvisioned;
      await fleet?.stop();
      operations.stop();
      connectivity.stop();
      session.end('shutdown');
      await offline.close();
      await deviceManager.stop();
      a4Printer?.stop();
      await idcard.close();
      await receiptDevices.close();
    },
  };
}
