import { err, ok, type ApplicationProgress, type ProgressAnswer, type Result } from '../../contract';
import type { ApplicationsPort, PlatformLookups } from './journey-ports';
import type { SessionService } from './session';

/** A receipt code is the local number itself (CODE128) or the progress URL with `?n=` (QR). */
export function localNumberFromReceiptCode(code: string): string | null {
  const trimmed = code.trim();
  if (/^[A-Z0-9-]{6,24}$/.test(trimmed)) return trimmed;
  try {
    const n = new URL(trimmed).searchParams.get('n');
    return n && /^[A-Z0-9-]{6,24}$/.test(n) ? n : null;
  } catch {
    return null;
  }
}

/**
 * 办件查询. The kiosk's own records answer first; when the platform answers
 * too its statuses replace the local ones. Offline the last known status is
 * shown and the answer says so (`live: false`).
 */
export class ProgressDesk {
  constructor(
    private readonly session: SessionService,
    private readonly applications: ApplicationsPort,
    private readonly platform: PlatformLookups,
  ) {}

  async byCard(): Promise<Result<ProgressAnswer>> {
    const identity = this.session.identity();
    if (!identity) return err('no-session', '请先把身份证放在感应区');
    const local = await this.applications.listByIdNumber(identity.idNumber);
    if (!local.ok) return local;
    return this.refresh(local.value);
  }

  async byReceipt(code: string): Promise<Result<ProgressAnswer>> {
    const localNumber = localNumberFromReceiptCode(code);
    if (!localNumber) return err('invalid-input', '没有认出这张回执上的编号，请对准回执上的二维码或条形码再扫一次', { detail: 'progress: unrecognised receipt code' });
    const found = await this.applications.findByLocalNumber(localNumber);
    if (!found.ok) return found;
    if (!found.value) return err('not-found', '本机没有查到这份申请，请拨打 12345 查询', { detail: `progress: ${localNumber} unknown here` });
    return this.refresh([found.value]);
  }

  private async refresh(local: readonly ApplicationProgress[]): Promise<Result<ProgressAnswer>> {
    if (local.length === 0) return ok({ live: true, applications: [] });
    const live = await this.platform.progress(local.map((a) => a.applicationNumber));
    if (!live.ok) return ok({ live: false, applications: [...local] });
    const byNumber = new Map(live.value.map((a) => [a.applicationNumber, a]));
    return ok({ live: true, applications: local.map((a) => byNumber.get(a.applicationNumber) ?? a) });
  }
}
