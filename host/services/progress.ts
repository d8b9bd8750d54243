import { err, ok, type ProgressAnswer, type Result } from '../../contract';
import type { ApplicationsPort, PlatformLookups } from './journey-ports';
import type { SessionService } from './session';

/** A receipt code is the local number itself (CODE128) or the progress URL with `?n=` (QR). */
export function localNumberFromReceiptCode(code: string): string | null {
  const trimmed = code.trim();
  if (/^[A-Z0-9-]{6,64}$/.test(trimmed)) return trimmed;
  try {
    const n = new URL(trimmed).searchParams.get('n');
    return n && /^[A-Z0-9-]{6,64}$/.test(n) ? n : null;
  } catch {
    return null;
  }
}

/**
 * 办件查询. The kiosk's own records (by a keyed hash of the ID number, or by
 * the receipt number) after a fresh status pull from the platform; when the
 * platform does not answer, the last known status is shown and the answer
 * says so (`live: false`).
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
    const live = await this.platform.refreshStatuses();
    return ok({ live, applications: this.applications.listByIdNumber(identity.idNumber) });
  }

  async byReceipt(code: string): Promise<Result<ProgressAnswer>> {
    const localNumber = localNumberFromReceiptCode(code);
    if (!localNumber) return err('invalid-input', '没有认出这张回执上的编号，请对准回执上的二维码或条形码再扫一次', { detail: 'progress: unrecognised receipt code' });
    if (!this.applications.find(localNumber)) return err('not-found', '本机没有查到这份申请，请拨打 12345 查询', { detail: `progress: ${localNumber} unknown here` });
    const live = await this.platform.refreshStatuses();
    const found = this.applications.find(localNumber);
    return ok({ live, applications: found ? [found] : [] });
  }
}
