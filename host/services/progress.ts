import { err, ok, type ProgressAnswer, type Result } from '../../contract';
import type { ApplicationsService } from './applications';
import type { ApplicationsPort, PlatformLookups } from './journey-ports';
import type { SessionService } from './session';

const NUMBER = /^[A-Z0-9-]{6,64}$/;
const CODE = /^[0-9A-HJKMNP-TV-Z]{10}$/;

/**
 * A receipt code is the local number itself (CODE128, or typed), or the
 * progress URL with `?n=` and the receipt's code `&c=` (QR).
 */
export function receiptQueryFrom(text: string): { readonly localNumber: string; readonly code: string | null } | null {
  const trimmed = text.trim();
  if (NUMBER.test(trimmed)) return { localNumber: trimmed, code: null };
  try {
    const url = new URL(trimmed);
    const n = url.searchParams.get('n');
    const c = url.searchParams.get('c');
    return n && NUMBER.test(n) ? { localNumber: n, code: c && CODE.test(c) ? c : null } : null;
  } catch {
    return null;
  }
}

const NEEDS_CARD_OR_QR = '请扫描回执上的二维码，或先刷申请人本人的身份证再查询这个编号';

/**
 * 办件查询. The kiosk's own records (by a keyed hash of the ID number, or by
 * the receipt number) after a fresh status pull from the platform; when the
 * platform does not answer, the last known status is shown and the answer
 * says so (`live: false`).
 */
export class ProgressDesk {
  constructor(
    private readonly session: SessionService,
    private readonly applications: ApplicationsPort & Pick<ApplicationsService, 'mayRead'>,
    private readonly platform: PlatformLookups,
  ) {}

  async byCard(): Promise<Result<ProgressAnswer>> {
    const identity = this.session.identity();
    if (!identity) return err('no-session', '请先把身份证放在感应区');
    const live = await this.platform.refreshStatuses();
    return ok({ live, applications: this.applications.listByIdNumber(identity.idNumber) });
  }

  /**
   * One application by its receipt, shown only to whoever proves a right to
   * it: the receipt QR's code, or the applicant's own card in the session. A
   * typed or scanned number alone answers nothing, whether it exists or not,
   * so sequential numbers reveal no other resident's application.
   */
  async byReceipt(text: string): Promise<Result<ProgressAnswer>> {
    const query = receiptQueryFrom(text);
    if (!query) return err('invalid-input', '没有认出这张回执上的编号，请对准回执上的二维码或条形码再扫一次', { detail: 'progress: unrecognised receipt code' });
    const identity = this.session.identity();
    if (!query.code && !identity) return err('forbidden', NEEDS_CARD_OR_QR, { detail: 'progress: receipt number without its code or the card' });
    if (!this.applications.mayRead(query.localNumber, { code: query.code, idNumber: identity?.idNumber ?? null })) {
      return err('not-found', '没有查到与这张回执或这张身份证相符的申请，请拨打 12345 查询', { detail: 'progress: no application for this receipt and credential' });
    }
    const live = await this.platform.refreshStatuses();
    const found = this.applications.find(query.localNumber);
    return ok({ live, applications: found ? [found] : [] });
  }
}
