import type { FoundCertificate, Result } from '../../contract';
import type { EidVerifyResponse, EnterpriseLookupResponse, HolderCasesResponse } from '../../contract/platform';
import type { ApplicationsService } from './applications';

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
 * The applications store as the journey service uses it: the host's
 * `ApplicationsService` (offline-first, durable before it answers).
 */
export type ApplicationsPort = Pick<ApplicationsService, 'submit' | 'listByIdNumber' | 'find' | 'enqueueEvaluation' | 'enqueueFeedback'> & Partial<Pick<ApplicationsService, 'canAccept'>>;

export interface PlatformLookups {
  lookupCertificates(idNumber: string, types: readonly string[], holderMasked: string): Promise<Result<readonly FoundCertificate[]>>;
  /** The enterprise registry's record for a USCC (or not found); `platform-unreachable` when offline. */
  lookupEnterprise(uscc: string): Promise<Result<EnterpriseLookupResponse>>;
  /** The platform's verdict on an e-ID QR: verified once (with the identity) or refused with the reason. */
  verifyEid(code: string): Promise<Result<EidVerifyResponse>>;
  /** Pull the latest statuses from the platform into the store; false when it did not answer. */
  refreshStatuses(): Promise<boolean>;
  /** Every case the platform holds for this ID number (any kiosk, any hall window); `platform-unreachable` offline. */
  casesByHolder?(idNumber: string): Promise<Result<HolderCasesResponse>>;
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
      /** Whom the matter is for when the form names them (孩子姓名), masked. */
      readonly subject?: { readonly label: string; readonly name: string };
      readonly submittedAt: string;
      readonly deadline: string;
      readonly commitments?: readonly string[];
    },
  ): Promise<Result<{ printed: boolean; problem: { message: string; code: string } | null; qrText: string; lines: readonly ReceiptLine[] }>>;
}

