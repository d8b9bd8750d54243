import {
  ApplicationPayloadSchema,
  EvaluationPayloadSchema,
  FeedbackPayloadSchema,
  type ApplicationPayload,
  type EvaluationPayload,
  type FeedbackPayload,
} from '../../contract/platform';
import { describeIssues, err, issuesFromZod, maskIdNumber, maskName, ok, type ApplicationProgress, type Identity, type Result } from '../../contract';
import type { LocalApplication } from '../../offline-cache/applications/ledger';
import type { OfflineCache } from '../../offline-cache/offline-cache';
import type { Logger } from '../log';

export interface ApplicationSubmission {
  readonly matterCode: string;
  readonly matterTitle: string;
  /** Promised completion as printed on the receipt. */
  readonly deadline: string | null;
  readonly applicant: Identity;
  readonly subItems: readonly { readonly code: string; readonly name: string; readonly department: string }[];
  readonly attachments: readonly { readonly bytes: Uint8Array; readonly mediaType: 'image/jpeg' | 'image/png' | 'application/pdf'; readonly materialCode: string }[];
  /** Builds the platform payload once the local number is known (it goes on the receipt and to the platform). */
  buildPayload(localNumber: string): Result<ApplicationPayload>;
}

export interface SubmittedApplication {
  readonly localNumber: string;
  readonly clientId: string;
  readonly submittedAt: string;
}

export interface Queued {
  readonly reference: string;
  readonly queuedAt: string;
}

const SUB_ITEM_STATUS = {
  queued: 'queued',
  received: 'received',
  'in-review': 'processing',
  completed: 'done',
  returned: 'rejected',
} as const;

/**
 * What journeys, progress query and 好差评 call to put things in the outbox.
 * `submit` resolves only after the application, its attachments and its
 * outbox row are committed with synchronous=FULL: the UI may then say "已提交".
 */
export class ApplicationsService {
  constructor(
    private readonly cache: OfflineCache,
    private readonly currentSessionId: () => string | null,
    private readonly logger: Logger,
    private readonly kick: () => void,
  ) {}

  submit(sessionId: string, s: ApplicationSubmission): Result<SubmittedApplication> {
    if (this.currentSessionId() !== sessionId) return err('no-session', '本次办理已结束，请重新刷身份证开始。');
    // The payload is checked before anything is written: a bad one is refused whole, nothing half-stored.
    let problem: Result<never> | null = null;
    let receipt;
    try {
      receipt = this.cache.ledger.submit({
        matterCode: s.matterCode,
        matterTitle: s.matterTitle,
        deadline: s.deadline,
        applicantIdNumber: s.applicant.idNumber,
        applicantMasked: `${maskName(s.applicant.name)} ${maskIdNumber(s.applicant.idNumber)}`,
        subItems: s.subItems,
        attachments: s.attachments.map((a) => ({ content: a.bytes, mediaType: a.mediaType, role: a.materialCode })),
        payload: (localNumber) => {
          const built = s.buildPayload(localNumber);
          if (!built.ok) {
            problem = built;
            throw new PayloadRefused();
          }
          const checked = ApplicationPayloadSchema.safeParse(built.value);
          if (!checked.success) {
            const issues = issuesFromZod(checked.error);
            problem = err('invalid-input', `申请内容不完整：${describeIssues(issues)}`, { issues });
            throw new PayloadRefused();
          }
          return checked.data;
        },
      });
    } catch (e) {
      if (e instanceof PayloadRefused && problem) return problem;
      throw e;
    }
    this.logger.info({ localNumber: receipt.localNumber, matter: s.matterCode, attachments: s.attachments.length }, 'application committed to the outbox');
    this.kick();
    return ok({ localNumber: receipt.localNumber, clientId: receipt.clientId, submittedAt: new Date(receipt.submittedAt).toISOString() });
  }

  enqueueEvaluation(payload: EvaluationPayload): Result<Queued> {
    const checked = EvaluationPayloadSchema.safeParse(payload);
    if (!checked.success) return invalid(checked.error);
    return this.enqueue('evaluation', checked.data);
  }

  enqueueFeedback(payload: FeedbackPayload): Result<Queued> {
    const checked = FeedbackPayloadSchema.safeParse(payload);
    if (!checked.success) return invalid(checked.error);
    return this.enqueue('feedback', checked.data);
  }

  /** Applications submitted on this kiosk by the holder of this ID number, newest first. */
  listByIdNumber(idNumber: string): ApplicationProgress[] {
    return this.cache.ledger.listByIdNumber(idNumber).map(toProgress);
  }

  /** By the local number (receipt CODE128/QR) or the platform number. */
  find(code: string): ApplicationProgress | null {
    const app = this.cache.ledger.findByAnyNumber(code.trim());
    return app ? toProgress(app) : null;
  }

  private enqueue(kind: 'evaluation' | 'feedback', payload: unknown): Result<Queued> {
    const at = Date.now();
    const queued = this.cache.outbox.enqueue(kind, payload);
    this.kick();
    return ok({ reference: queued.clientId, queuedAt: new Date(at).toISOString() });
  }
}

class PayloadRefused extends Error {}

function invalid(error: import('zod').ZodError): Result<never> {
  const issues = issuesFromZod(error);
  return err('invalid-input', `内容不完整：${describeIssues(issues)}`, { issues });
}

export function toProgress(app: LocalApplication): ApplicationProgress {
  const stateTimes = app.subItems.map((s) => s.stateAt).filter((t): t is number => t !== null);
  return {
    applicationNumber: app.platformNumber ?? app.localNumber,
    thingName: app.matterTitle,
    submittedAt: new Date(app.submittedAt).toISOString(),
    applicant: app.applicantMasked.split(' ')[0] ?? '',
    delivered: app.delivery === 'accepted',
    subItems: app.subItems.map((s) => ({
      name: s.name,
      department: s.department,
      status: SUB_ITEM_STATUS[s.state as keyof typeof SUB_ITEM_STATUS] ?? 'unknown',
      ...(s.state === 'completed' && s.note ? { result: s.note } : {}),
    })),
    statusAsOf: stateTimes.length ? new Date(Math.max(...stateTimes)).toISOString() : null,
  };
}
