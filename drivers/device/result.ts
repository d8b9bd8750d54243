import type { DeviceError, DeviceErrorCode } from '../../contract';

/**
 * Device calls return values, never throw, for every failure a device can
 * have in the field (unplugged, no reply, card read failed). Exceptions are
 * left for bugs.
 */
export type DeviceResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: DeviceError };

export function done<T>(value: T): DeviceResult<T> {
  return { ok: true, value };
}

/** Resident-facing default message per code: plain Chinese, no jargon. */
const RESIDENT_MESSAGE: Readonly<Record<DeviceErrorCode, string>> = {
  'no-hardware': '设备未连接，请联系工作人员。',
  offline: '设备暂时断开，正在自动重新连接，请稍候。',
  timeout: '设备没有响应，请稍候再试。',
  busy: '设备正忙，请稍候。',
  failure: '设备出现故障，请联系工作人员。',
  extended: '设备操作未成功，请重试。',
};

/**
 * A typed device failure. `message` is for the resident (plain Chinese);
 * `extended` is the stable technician-facing code (`SW3-41`, `PORT-GONE`).
 */
export function fault(code: DeviceErrorCode, extended: string, message?: string, at: Date = new Date()): DeviceError {
  return { code, extended, message: message ?? RESIDENT_MESSAGE[code], at: at.toISOString() };
}

export function failed<T = never>(code: DeviceErrorCode, extended: string, message?: string): DeviceResult<T> {
  return { ok: false, error: fault(code, extended, message) };
}

/**
 * Bounds a device call. The work is not cancelled (a serial write cannot be
 * taken back) but the caller gets a `timeout` value on time; `onLate` lets the
 * driver drop whatever the late answer would have been.
 */
export function withDeadline<T>(
  work: Promise<DeviceResult<T>>,
  deadlineMs: number,
  what: string,
  onLate?: () => void,
): Promise<DeviceResult<T>> {
  return new Promise((resolve) => {
    let settled = false;
    const timer = setTimeout(() => {
      if (settled) return;
      settled = true;
      onLate?.();
      resolve(failed('timeout', `TIMEOUT-${what}`));
    }, deadlineMs);
    work.then(
      (r) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        resolve(r);
      },
      (e: unknown) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        // A throw inside a driver is a bug; the caller still gets a value so the host keeps running.
        resolve(failed('failure', `BUG-${what}: ${e instanceof Error ? e.message : String(e)}`));
      },
    );
  });
}
