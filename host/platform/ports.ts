import type { FoundCertificate, Result } from '../../contract';
import type { EidVerifyResponse, EnterpriseLookupResponse, HolderCasesResponse } from '../../contract/platform';
import type { ApplicationsService } from './applications';

/**
 * What the resident's services need from the platform side of the host: the
 * applications store (offline-first, with its outbox) and the platform's
 * lookups. The resident room depends on these; nothing here depends on it.
 */

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

