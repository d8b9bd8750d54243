import { z } from 'zod';
import { ApplicantSchema, ApplicationBatchRequestSchema, ApplicationItemSchema, ApplicationPayloadSchema, EnterpriseSchema, MaterialSchema } from './applications';
import { AttachmentStatusSchema } from './attachments';
import { ProvisionRequestSchema, ProvisionResponseSchema } from './auth';
import { SignedCatalogSchema } from './catalog';
import { CertificateLookupRequestSchema, CertificateLookupResponseSchema, ElectronicCertificateSchema } from './certificates';
import {
  AcceptedResultSchema,
  BatchResponseSchema,
  ClientIdSchema,
  DuplicateResultSchema,
  IsoTimeSchema,
  ItemResultSchema,
  KioskIdSchema,
  PlatformErrorSchema,
  PlatformNumberSchema,
  RejectedResultSchema,
  Sha256HexSchema,
} from './common';
import { EvaluationBatchRequestSchema, EvaluationItemSchema, EvaluationLevelSchema, EvaluationPayloadSchema, FeedbackBatchRequestSchema, FeedbackItemSchema, FeedbackPayloadSchema } from './feedback';
import { CommandAckSchema, HeartbeatDeviceSchema, HeartbeatResponseSchema, HeartbeatSchema, KioskCommandBodySchema, KioskCommandSchema } from './heartbeat';
import { HealthResponseSchema } from './routes';
import { CaseStateSchema, StatusChangeSchema, StatusPageSchema } from './status';

/** Plain strings: the same JSON Schema whether read as request or response. */
const SHARED = { ClientId: ClientIdSchema, IsoTime: IsoTimeSchema, KioskId: KioskIdSchema, PlatformNumber: PlatformNumberSchema, Sha256Hex: Sha256HexSchema } as const;

/** Named in `components.schemas` as the kiosk sends them (defaults optional). */
export const REQUEST_COMPONENTS: Readonly<Record<string, z.ZodType>> = {
  ...SHARED,
  ProvisionRequest: ProvisionRequestSchema,
  ApplicationBatchRequest: ApplicationBatchRequestSchema,
  ApplicationItem: ApplicationItemSchema,
  ApplicationPayload: ApplicationPayloadSchema,
  Applicant: ApplicantSchema,
  Enterprise: EnterpriseSchema,
  Material: MaterialSchema,
  EvaluationBatchRequest: EvaluationBatchRequestSchema,
  EvaluationItem: EvaluationItemSchema,
  EvaluationPayload: EvaluationPayloadSchema,
  EvaluationLevel: EvaluationLevelSchema,
  FeedbackBatchRequest: FeedbackBatchRequestSchema,
  FeedbackItem: FeedbackItemSchema,
  FeedbackPayload: FeedbackPayloadSchema,
  CertificateLookupRequest: CertificateLookupRequestSchema,
  Heartbeat: HeartbeatSchema,
  HeartbeatDevice: HeartbeatDeviceSchema,
  CommandAck: CommandAckSchema,
};

/** Named in `components.schemas` as the platform answers (defaults filled in). */
export const RESPONSE_COMPONENTS: Readonly<Record<string, z.ZodType>> = {
  ...SHARED,
  Health: HealthResponseSchema,
  PlatformError: PlatformErrorSchema,
  ProvisionResponse: ProvisionResponseSchema,
  SignedCatalog: SignedCatalogSchema,
  BatchResponse: BatchResponseSchema,
  ItemResult: ItemResultSchema,
  AcceptedResult: AcceptedResultSchema,
  DuplicateResult: DuplicateResultSchema,
  RejectedResult: RejectedResultSchema,
  AttachmentStatus: AttachmentStatusSchema,
  StatusPage: StatusPageSchema,
  StatusChange: StatusChangeSchema,
  CaseState: CaseStateSchema,
  CertificateLookupResponse: CertificateLookupResponseSchema,
  ElectronicCertificate: ElectronicCertificateSchema,
  HeartbeatResponse: HeartbeatResponseSchema,
  KioskCommand: KioskCommandSchema,
  KioskCommandBody: KioskCommandBodySchema,
};
