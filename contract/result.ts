import { z } from 'zod';

/**
 * Known failures cross every boundary as values: Electron's `invoke` drops
 * error properties, and a resident-facing screen must be able to branch on a
 * code. Only bugs throw.
 */
export const ErrorCodeSchema = z.enum([
  'invalid-input',
  'unknown-method',
  'unauthorized',
  'forbidden',
  'not-found',
  'conflict',
  'no-session',
  'device-no-hardware',
  'device-offline',
  'device-timeout',
  'device-busy',
  'device-failure',
  'device-extended',
  'platform-unreachable',
  'platform-rejected',
  'locked',
  /** The kiosk's store cannot take anything now (disk full, failing writes): nothing was kept. */
  'store-unavailable',
  'internal',
]);
export type ErrorCode = z.infer<typeof ErrorCodeSchema>;

export const FieldIssueSchema = z.object({
  path: z.string(),
  message: z.string(),
});
export type FieldIssue = z.infer<typeof FieldIssueSchema>;

export interface Ok<T> {
  readonly ok: true;
  readonly value: T;
}
export interface Err {
  readonly ok: false;
  readonly code: ErrorCode;
  readonly message: string;
  /** The same message in English, where the host has it (the renderer shows it in English mode). */
  readonly messageEn?: string;
  /** For technicians: a vendor or subsystem detail, never personal data. */
  readonly detail?: string;
  readonly issues?: readonly FieldIssue[];
}
export type Result<T> = Ok<T> | Err;

export function ok<T>(value: T): Ok<T> {
  return { ok: true, value };
}

export function err(
  code: ErrorCode,
  message: string,
  extra: { messageEn?: string; detail?: string; issues?: readonly FieldIssue[] } = {},
): Err {
  return { ok: false, code, message, ...extra };
}

export function resultSchema<T extends z.ZodType>(value: T) {
  return z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), value }),
    z.object({
      ok: z.literal(false),
      code: ErrorCodeSchema,
      message: z.string(),
      messageEn: z.string().optional(),
      detail: z.string().optional(),
      issues: z.array(FieldIssueSchema).optional(),
    }),
  ]);
}

/** Turns a zod error into field issues whose paths a form can show next to the field. */
export function issuesFromZod(error: z.ZodError): FieldIssue[] {
  return error.issues.map((i) => ({
    path: i.path.length ? i.path.map(String).join('.') : '(root)',
    message: i.message,
  }));
}

/** The message of a refusal in the resident's language: English where the host gave it, else Chinese. */
export function messageIn(e: Pick<Err, 'message' | 'messageEn'>, locale: string): string {
  return locale === 'en' && e.messageEn ? e.messageEn : e.message;
}

export function describeIssues(issues: readonly FieldIssue[]): string {
  return issues.map((i) => `${i.path}: ${i.message}`).join('; ');
}
