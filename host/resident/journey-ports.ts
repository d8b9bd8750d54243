import type { Result } from '../../contract';

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

