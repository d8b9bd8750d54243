import { z } from 'zod';
import { IsoTimeSchema } from './common';

/**
 * POST /v1/e-certificates/lookup (POST so the ID number never sits in a URL
 * or an access log). Types are the annex-3 list (电子证照重点推广应用清单),
 * addressed by their catalog code; an unknown type is 400
 * `unknown-certificate-type`.
 */
export const CertificateLookupRequestSchema = z.object({
  holderIdNumber: z.string().min(6).max(32),
  certificateTypeCode: z.string().min(1).max(16),
});
export type CertificateLookupRequest = z.infer<typeof CertificateLookupRequestSchema>;

export const ElectronicCertificateSchema = z.object({
  certificateTypeCode: z.string(),
  certificateTypeName: z.string(),
  certificateNumber: z.string(),
  issuingDepartment: z.string(),
  issuedAt: IsoTimeSchema,
  /** null = 长期有效. */
  validUntil: IsoTimeSchema.nullable(),
  /** Masked (张*三): the kiosk screen may be seen by others. */
  holderNameMasked: z.string(),
});
export type ElectronicCertificate = z.infer<typeof ElectronicCertificateSchema>;

export const CertificateLookupResponseSchema = z.discriminatedUnion('found', [
  z.object({ found: z.literal(true), certificate: ElectronicCertificateSchema }),
  z.object({ found: z.literal(false) }),
]);
export type CertificateLookupResponse = z.infer<typeof CertificateLookupResponseSchema>;
