import { err, ok } from '../../../contract';
import { BUILT_IN_CATALOG, type CatalogLookup } from '../../platform/active-catalog';
import type { ApplicationsPort, PlatformLookups } from '../../platform/ports';
import type { JourneyService } from '../journeys';
import type { ProgressDesk } from '../progress';
import type { SessionService } from '../session';
import type { VoiceGuide } from '../voice';
import type { HandlerTable } from '../../api/dispatch';

export interface ResidentDeps {
  readonly session: SessionService;
  readonly journeys: JourneyService;
  readonly progress: ProgressDesk;
  readonly applications: ApplicationsPort;
  readonly platform: PlatformLookups;
  readonly voice: VoiceGuide;
  /** The catalog in use; the built-in one when absent. */
  readonly catalog?: CatalogLookup;
}

type ResidentMethods =
  | 'journey.start'
  | 'journey.saveDraft'
  | 'journey.draft'
  | 'journey.cardFields'
  | 'journey.revealCardField'
  | 'journey.lookupCertificates'
  | 'journey.capture'
  | 'journey.discardCapture'
  | 'journey.submit'
  | 'journey.printReceipt'
  | 'progress.byCard'
  | 'progress.byReceipt'
  | 'evaluation.submit'
  | 'feedback.submit'
  | 'voice.speak';

/** The resident's side of the kiosk: journeys, progress query, 好差评, help and voice. */
export function residentHandlers(deps: ResidentDeps): Pick<HandlerTable, ResidentMethods> {
  const { journeys } = deps;
  return {
    'journey.start': ({ thingId }) => journeys.start(thingId),
    'journey.saveDraft': (input) => journeys.saveDraft(input),
    'journey.draft': () => ok(journeys.draft()),
    'journey.cardFields': () => journeys.cardFields(),
    'journey.revealCardField': ({ field }) => journeys.revealCardField(field),
    'journey.lookupCertificates': async ({ types }) => {
      const identity = deps.session.identity();
      if (!identity) return err('no-session', '请先把身份证放在感应区');
      const found = await deps.platform.lookupCertificates(identity.idNumber, types, deps.session.current()?.identity?.name ?? '');
      // Only what this lookup returned may later exempt a material (the host trusts no certificate number the renderer sends).
      if (found.ok) deps.session.noteCertificates(found.value.map((c) => ({ certificateId: c.certificateId, type: c.type })));
      // Offline is not a failure: the screen offers capture or 告知承诺 instead.
      return found.ok ? ok({ online: true, found: [...found.value] }) : ok({ online: false, found: [] });
    },
    'journey.capture': ({ materialId, dataUrl }) => journeys.capture(materialId, dataUrl),
    'journey.discardCapture': ({ attachmentId }) => journeys.discardCapture(attachmentId),
    'journey.submit': () => journeys.submit(),
    'journey.printReceipt': ({ applicationNumber }) => journeys.printReceipt(applicationNumber),
    'progress.byCard': () => deps.progress.byCard(),
    'progress.byReceipt': ({ code }) => deps.progress.byReceipt(code),
    'evaluation.submit': ({ service, reference, applicationNumber, thingId, agentId, level, reasons, comment }) => {
      const itemCode = thingId ? (deps.catalog ?? BUILT_IN_CATALOG).oneThingById(thingId)?.code : undefined;
      // Only an application of this session may be named: a resident rates their own service.
      const localNumber = service === 'application' && applicationNumber && journeys.submittedHere(applicationNumber) ? applicationNumber : undefined;
      const ref = (service === 'appointment' || service === 'video') && reference?.trim() ? reference.trim() : undefined;
      return deps.applications.enqueueEvaluation({
        level,
        reasons: [...reasons],
        ...(service !== 'application' ? { service } : {}),
        ...(ref ? { reference: ref } : {}),
        ...(service === 'video' && agentId?.trim() ? { agentId: agentId.trim() } : {}),
        ...(localNumber ? { localNumber } : {}),
        ...(itemCode ? { itemCode } : {}),
        ...(comment.trim() ? { comment: comment.trim() } : {}),
      });
    },
    'feedback.submit': ({ category, text, mobile, thingId }) => {
      const itemCode = thingId ? (deps.catalog ?? BUILT_IN_CATALOG).oneThingById(thingId)?.code : undefined;
      return deps.applications.enqueueFeedback({ category, description: text, ...(itemCode ? { itemCode } : {}), ...(mobile ? { contactPhone: mobile } : {}) });
    },
    'voice.speak': async ({ text, locale }) => {
      const wav = await deps.voice.speak(text, locale);
      return wav.ok ? ok({ mime: 'audio/wav' as const, base64: wav.value, engine: deps.voice.engine }) : wav;
    },
  };
}
