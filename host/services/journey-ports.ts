import type { ApplicationProgress, EvaluationLevel, EvaluationReason, FoundCertificate, Result } from '../../contract';

/**
 * What the journey service needs from the rest of the host. Each port is
 * implemented by the service that owns the subject (applications store +
 * outbox, receipt printer, platform client); the
 * composition root wires them, tests may wire real ones over temp dirs.
 */

export interface PlannedSubItem {
  readonly code: string;
  readonly name: string;
  readonly department: string;
}

export interface CapturedAttachment {
  readonly attachmentId: string;
  readonly materialId: string;
  readonly mediaType: 'image/jpeg' | 'image/png';
  readonly bytes: Uint8Array;
  readonly sha256: string;
}

/**
 * One application as the store takes it: what progress query needs in
 * clear (masked), the attachments, and a builder for the platform payload
 * that runs once the store has assigned the local number.
 */
export interface JourneySubmission {
  readonly matterCode: string;
  readonly matterTitle: string;
  readonly deadline: string | null;
  readonly applicantIdNumber: string;
  readonly applicantMasked: string;
  readonly subItems: readonly PlannedSubItem[];
  readonly attachments: readonly { readonly content: Uint8Array; readonly mediaType: string; readonly role: string }[];
  payload(localNumber: string): unknown;
}

export interface StoredApplication {
  readonly localNumber: string;
  readonly submittedAt: string;
  readonly delivered: boolean;
}

export interface ApplicationsPort {
  /** Resolves only after the application, its attachments and its outbox row are committed. */
  submit(application: JourneySubmission): Promise<Result<StoredApplication>>;
  /** Applications known on this kiosk for this ID number, with the last known status. */
  listByIdNumber(idNumber: string): Promise<Result<readonly ApplicationProgress[]>>;
  findByLocalNumber(localNumber: string): Promise<Result<ApplicationProgress | null>>;
  enqueueEvaluation(evaluation: {
    readonly applicationNumber: string | null;
    readonly thingId: string | null;
    readonly level: EvaluationLevel;
    readonly reasons: readonly EvaluationReason[];
    readonly comment: string;
    readonly assistedBy: string | null;
  }): Promise<Result<{ reference: string; queuedAt: string }>>;
  enqueueFeedback(feedback: { readonly text: string; readonly mobile: string | null; readonly thingId: string | null }): Promise<Result<{ reference: string; queuedAt: string }>>;
}

export interface PlatformLookups {
  lookupCertificates(idNumber: string, types: readonly string[], holderMasked: string): Promise<Result<readonly FoundCertificate[]>>;
  /** Live status of these applications; an error when the platform does not answer. */
  progress(localNumbers: readonly string[]): Promise<Result<readonly ApplicationProgress[]>>;
}

export interface ReceiptLine {
  readonly label: string;
  readonly value: string;
}

export interface ReceiptsPort {
  print(
    sessionId: string,
    receipt: {
      readonly localNumber: string;
      readonly thingName: string;
      readonly subItems: readonly PlannedSubItem[];
      readonly applicantName: string;
      readonly applicantIdNumber: string;
      readonly submittedAt: string;
      readonly deadline: string;
    },
  ): Promise<Result<{ printed: boolean; problem: { message: string; code: string } | null; qrText: string; lines: readonly ReceiptLine[] }>>;
}

