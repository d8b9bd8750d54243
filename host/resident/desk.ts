import { journeyFor } from '../../contract/journeys';
import type { OfflineCache } from '../../offline-cache/offline-cache';
import type { EventBus } from '../api/events';
import type { HandlerTable } from '../api/dispatch';
import { a4Handlers } from './handlers/a4';
import type { A4DocumentService } from './a4-documents';
import { appointmentHandlers } from './handlers/appointments';
import { identityHandlers } from './handlers/identity';
import { residentHandlers } from './handlers/journeys';
import type { KioskConfig } from '../config';
import type { ApplicationsService } from '../platform/applications';
import { AppointmentDesk } from './appointments';
import { JourneyService } from './journeys';
import { platformLookups } from '../platform/lookups';
import { BUILT_IN_CATALOG, type CatalogLookup } from '../platform/active-catalog';
import { ProgressDesk } from './progress';
import type { ReceiptService } from './receipts';
import { receiptsForJourneys } from './receipts-for-journeys';
import type { SessionService } from './session';
import type { AssistingClerk } from './journeys';
import { VoiceGuide } from './voice';

export interface ResidentDeskDeps {
  readonly config: KioskConfig;
  readonly bus: EventBus;
  readonly session: SessionService;
  readonly applications: ApplicationsService;
  readonly cache: OfflineCache;
  /** The catalog in use (offline.catalog); the built-in one when absent. */
  readonly catalog?: CatalogLookup;
  readonly receipts: ReceiptService;
  /** Assisted mode: the clerk signed in at this kiosk, if any (the staff room owns sign-in). */
  readonly staff: AssistingClerk;
  /** A4 documents through the kiosk's CUPS queue (absent printer: the service says the kiosk has none). */
  readonly a4: A4DocumentService;
}

/** How long the confirmation waits for the outbox to deliver before saying "saved here, sent later". */
const DELIVERY_WAIT_MS = 3000;

/**
 * The resident's side of the host, composed once: journeys, progress query,
 * 好差评 and 办不成事, and voice guidance. The composition root
 * spreads `handlers` into its table.
 */
export function createResidentDesk(deps: ResidentDeskDeps) {
  const { config, session, applications, cache, staff } = deps;
  const catalog = deps.catalog ?? BUILT_IN_CATALOG;
  const platform = platformLookups(cache, { timeoutMs: Math.min(config.platform.timeoutMs, 4000), catalog: () => catalog.current().catalog });
  const awaitDelivery = async (localNumber: string): Promise<boolean> => {
    const deadline = Date.now() + DELIVERY_WAIT_MS;
    while (Date.now() < deadline) {
      if (applications.find(localNumber)?.delivered) return true;
      if (!cache.engine.status().online) return false;
      await new Promise((r) => setTimeout(r, 100));
    }
    return applications.find(localNumber)?.delivered ?? false;
  };
  const journeys = new JourneyService({
    session,
    journeyFor: (id) => journeyFor(id) ?? null,
    applications,
    receipts: receiptsForJourneys(deps.receipts),
    staff,
    awaitDelivery,
    catalog,
  });
  const progress = new ProgressDesk(session, applications, platform);
  const voice = new VoiceGuide();
  const appointments = new AppointmentDesk(cache, session, deps.receipts, Math.min(config.platform.timeoutMs, 4000), catalog);
  const handlers = {
    ...residentHandlers({ session, journeys, progress, applications, platform, voice, catalog }),
    ...identityHandlers({ session, journeys, platform }),
    ...appointmentHandlers(appointments),
    ...a4Handlers({ a4: deps.a4, journeys, appointments, receipts: deps.receipts, session }),
  };
  return { journeys, platform, handlers } satisfies { handlers: Partial<HandlerTable> } & Record<string, unknown>;
}
