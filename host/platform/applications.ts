import { timingSafeEqual } from 'node:crypto';
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
import { asStoreUnavailable, type StoreUnavailable } from '../../offline-cache/store/store-errors';
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
    private readonly options: { readonly diskFloorBytes: number } = { diskFloorBytes: 0 },
  ) {}

  /**
   * Whether the kiosk can take an application now: checked before a journey
   * starts and again before the commit. Below the disk floor it refuses
   * plainly (queued items keep being delivered).
   */
  canAccept(): Result<void> {
    const free = this.cache.store.freeBytes();
    if (free !== null && free < this.options.diskFloorBytes) {
      this.logger.error({ freeBytes: free, floorBytes: this.options.diskFloorBytes }, 'disk below the floor: refusing new applications (DISK-LOW)');
      return err('store-unavailable', STORE_FULL_MESSAGE, { detail: `disk-low: ${free} bytes free, floor ${this.options.diskFloorBytes}` });
    }
    return ok(undefined);
  }

  submit(sessionId: string, s: ApplicationSubmission): Result<SubmittedApplication> {
    if (this.currentSessionId() !== sessionId) return err('no-session', '本次办理已结束，请重新刷身份证开始。');
    const room = this.canAccept();
    if (!room.ok) return room;
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
          // The platform's public progress page shows a status only to the holder of the receipt's code.
          const checked = ApplicationPayloadSchema.safeParse({ ...built.value, receiptCode: this.cache.ledger.receiptCode(localNumber) });
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
      const broken = asStoreUnavailable(e);
      if (broken) return this.notStored(broken);
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

  /** The unguessable code the receipt QR carries beside the local number (`c=`). */
  receiptCode(localNumber: string): string {
    return this.cache.ledger.receiptCode(localNumber);
  }

  /**
   * Whether the asker may see the application a receipt number names: they
   * hold the receipt's code (QR), or the applicant's ID number is in the session.
   */
  mayRead(number: string, proof: { readonly code: string | null; readonly idNumber: string | null }): boolean {
    const app = this.cache.ledger.findByAnyNumber(number.trim());
    if (!app) return false;
    if (proof.code !== null) {
      const expected = Buffer.from(this.cache.ledger.receiptCode(app.localNumber));
      const given = Buffer.from(proof.code);
      if (given.length === expected.length && timingSafeEqual(given, expected)) return true;
    }
    return proof.idNumber !== null && this.cache.ledger.listByIdNumber(proof.idNumber).some((a) => a.localNumber === app.localNumber);
  }

  /** By the local number (receipt CODE128/QR) or the platform number. */
  find(code: string): ApplicationProgress | null {
    const app = this.cache.ledger.findByAnyNumber(code.trim());
    return app ? toProgress(app) : null;
  }

  /** Rolled back, nothing kept: the resident is told it did not go through, the kiosk stays up. */
  private notStored(e: StoreUnavailable): Result<never> {
    this.logger.error({ reason: e.reason, detail: e.detail }, 'a submission could not be made durable and was rolled back');
    return err('store-unavailable', e.reason === 'disk-full' ? STORE_FULL_MESSAGE : STORE_FAILED_MESSAGE, { detail: `${e.reason}: ${e.detail}`.slice(0, 300) });
  }

  private enqueue(kind: 'evaluation' | 'feedback', payload: unknown): Result<Queued> {
    const at = Date.now();
    let queued;
    try {
      queued = this.cache.outbox.enqueue(kind, payload);
    } catch (e) {
      const broken = asStoreUnavailable(e);
      if (broken) return this.notStored(broken);
      throw e;
    }
    this.kick();
    return ok({ reference: queued.clientId, queuedAt: new Date(at).toISOString() });
  }
}

class PayloadRefused extends Error {}

/** Shown to the resident as is: zh-CN first, English second (the message is the whole screen text). */
export const STORE_FULL_MESSAGE =
  '本机存储空间已满，暂时不能受理申请，您的申请没有提交。请拨打 12345 政务服务便民热线，或到大厅窗口办理。 This kiosk cannot take applications right now (its storage is full); your application was NOT submitted. Please call 12345 or go to a service window in the hall.';
export const STORE_FAILED_MESSAGE =
  '本机存储出现故障，您的申请没有提交成功，信息未保存。请稍后再试，或拨打 12345、到大厅窗口办理。 The kiosk could not save your application: it was NOT submitted and nothing was kept. Please try again later, call 12345 or go to a service window in the hall.';

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
