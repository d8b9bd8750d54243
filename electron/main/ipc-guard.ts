import { isMethodName } from '../../contract';
import { isAppUrl } from './policies';

export const CHANNEL_PREFIX = 'kiosk:';
export const EVENT_CHANNEL = 'kiosk:event';

export function channelFor(method: string): string {
  return `${CHANNEL_PREFIX}${method}`;
}

export function methodFromChannel(channel: string): string | null {
  if (!channel.startsWith(CHANNEL_PREFIX)) return null;
  const name = channel.slice(CHANNEL_PREFIX.length);
  return isMethodName(name) ? name : null;
}

/**
 * An IPC message is answered only when it comes from the top frame of our
 * own kiosk window showing our own bundle. (Check the polarity in tests: a
 * desktop app once shipped this check inverted.)
 */
export function isTrustedSender(sender: { webContentsId: number; frameUrl: string | undefined; isMainFrame: boolean }, trustedWebContentsId: number | null): boolean {
  if (trustedWebContentsId === null) return false;
  if (sender.webContentsId !== trustedWebContentsId) return false;
  if (!sender.isMainFrame) return false;
  return sender.frameUrl !== undefined && isAppUrl(sender.frameUrl);
}
