import { existsSync, readdirSync } from 'node:fs';
import type { ByteLinkHandlers, LinkOpener } from '../device/link';
import { done, failed } from '../device/result';
import { listSerialPaths, SerialLink } from '../device/serial-link';
import { COMMANDS } from './commands';
import { FrameExchange } from './exchange';

/** Serial ports worth asking: what the OS lists plus the usual USB-serial and on-board names. */
export async function candidateSerialPaths(): Promise<string[]> {
  const listed = await listSerialPaths();
  let dev: string[] = [];
  try {
    dev = readdirSync('/dev')
      .filter((n) => /^tty(USB|ACM)\d+$/.test(n))
      .map((n) => `/dev/${n}`);
  } catch {
    // not Linux
  }
  return [...new Set([...listed, ...dev])].filter((p) => existsSync(p) || /^COM\d+$/i.test(p));
}

/**
 * A link opener for `KIOSK_IDCARD=auto`: asks each candidate port for the
 * SAM status (`11 FF`) and keeps the first one that answers like a reader.
 * Runs again on every reconnect, so a reader moved to another USB socket is
 * found again.
 */
export function autoProbeOpener(
  baudRate: number,
  candidates: () => Promise<string[]> = candidateSerialPaths,
  onChosen: (path: string) => void = () => undefined,
  probeTimeoutMs = 400,
): LinkOpener {
  return async (handlers) => {
    for (const path of await candidates()) {
      let target: ByteLinkHandlers | null = null;
      let probe: FrameExchange | null = null;
      const opened = await SerialLink.open(path, baudRate, {
        onBytes: (chunk) => (target ? target.onBytes(chunk) : probe?.receive(chunk)),
        onLost: (reason) => (target ? target.onLost(reason) : probe?.fail('PORT-GONE')),
      });
      if (!opened.ok) continue;
      probe = new FrameExchange(opened.value, { count: () => undefined });
      const answer = await probe.request(...COMMANDS.samStatus, probeTimeoutMs);
      if (answer.ok && answer.value.sw3 === 0x90) {
        target = handlers;
        onChosen(path);
        return done(opened.value);
      }
      await opened.value.close();
    }
    return failed('no-hardware', 'NO-READER-FOUND', '未找到身份证阅读器，请联系工作人员。');
  };
}
