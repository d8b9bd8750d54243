import { createHash } from 'node:crypto';
import { err, ok, type ApplicationProgress, type ProgressAnswer, type Result } from '../../contract';
import { maskName } from '../../contract/identity';
import type { HolderCase } from '../../contract/platform';
import type { ApplicationsService } from '../platform/applications';
import type { ApplicationsPort, PlatformLookups } from '../platform/ports';
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

const CASE_STATUS = { received: 'received', 'in-review': 'processing', completed: 'done', returned: 'rejected' } as const;

/** A case the platform holds that this kiosk did not file (another kiosk, a hall window). */
function fromPlatform(c: HolderCase, applicant: string, asOf: string): ApplicationProgress {
  return {
    applicationNumber: c.platformNumber,
    thingName: c.thingName,
    submittedAt: c.receivedAt,
    applicant,
    delivered: true,
    subItems: c.subItems.map((s) => ({ name: s.name, department: s.department, status: CASE_STATUS[s.state], ...(s.result ? { result: s.result } : {}) })),
    statusAsOf: asOf,
    channel: c.channel === 'window' ? 'window' : 'other-kiosk',
    filedAt: c.filedAt,
  };
}

/**
 * 办件查询. The kiosk's own records (by a keyed hash of the ID number, or by
 * the receipt number) after a fresh status pull from the platform; when the
 * platform does not answer, the last known status is shown and the answer
 * says so (`live: false`).
 */
export class ProgressDesk {
  /** Cases filed elsewhere, as last seen, per keyed ID number (memory only, for the offline answer). */
  private readonly lastKnown = new Map<string, ApplicationProgress[]>();

  constructor(
    private readonly session: SessionService,
    private readonly applications: ApplicationsPort & Pick<ApplicationsService, 'mayRead'>,
    private readonly platform: PlatformLookups,
  ) {}

  async byCard(): Promise<Result<ProgressAnswer>> {
    const identity = this.session.identity();
    if (!identity) return err('no-session', '请先把身份证放在感应区');
    const [live, remote] = await Promise.all([this.platform.refreshStatuses(), this.platform.casesByHolder?.(identity.idNumber)]);
    const here = this.applications.listByIdNumber(identity.idNumber).map((a) => ({ ...a, channel: 'this-kiosk' as const }));
    const key = createHash('sha256').update(identity.idNumber).digest('hex');
    let elsewhere: ApplicationProgress[];
    if (remote?.ok) {
      const known = new Set(here.map((a) => a.applicationNumber));
      const asOf = new Date().toISOString();
      const applicant = maskName(identity.name);
      elsewhere = remote.value.cases.filter((c) => !known.has(c.platformNumber)).map((c) => fromPlatform(c, applicant, asOf));
      this.lastKnown.set(key, elsewhere);
    } else {
      // Offline: what the platform last said about cases filed elsewhere (this kiosk's own are in the store).
      const known = new Set(here.map((a) => a.applicationNumber));
      elsewhere = (this.lastKnown.get(key) ?? []).filter((a) => !known.has(a.applicationNumber));
    }
    const all = [...here, ...elsewhere].sort((a, b) => b.submittedAt.localeCompare(a.submittedAt));
    return ok({ live: live && (remote === undefined || remote.ok), applications: all });
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
