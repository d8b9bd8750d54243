import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { err, ok, type Result } from '../../contract';
import type { KioskConfig } from '../config';

/**
 * 远程视频帮办, kiosk side of the host: signs the short-lived ticket with
 * which the renderer says hello to the video desk (format in
 * contract/video.ts, checked by video-desk/auth.ts). The secret never leaves
 * the host; the renderer only ever holds a ticket that expires in minutes.
 */
export class VideoTickets {
  private readonly secret: string | null;
  constructor(
    private readonly config: Pick<KioskConfig, 'kioskId' | 'servicePoint' | 'video'>,
    private readonly now: () => number = Date.now,
  ) {
    const v = config.video;
    this.secret = v.secretFile ? readFileSync(v.secretFile, 'utf8').trim() : v.secret;
  }

  /** The desk's origins the renderer's CSP must allow (http(s) for the page checks, ws(s) for signalling). */
  static connectSources(config: Pick<KioskConfig, 'video'>): string[] {
    if (!config.video.deskUrl) return [];
    const u = new URL(config.video.deskUrl);
    return [u.origin, `${u.protocol === 'https:' ? 'wss:' : 'ws:'}//${u.host}`];
  }

  ticket(): Result<{ deskUrl: string; socketUrl: string; ticket: string }> {
    const deskUrl = this.config.video.deskUrl;
    if (!deskUrl || !this.secret) return err('not-found', '视频帮办未配置 / video help is not configured (video.deskUrl, video.secret)');
    const expires = Math.floor(this.now() / 1000) + this.config.video.ticketTtlSeconds;
    const body = `v1.${this.config.kioskId}.${Buffer.from(this.config.servicePoint, 'utf8').toString('base64url')}.${expires}`;
    const signature = createHmac('sha256', this.secret).update(body).digest('base64url');
    const socket = new URL('/ws', deskUrl);
    socket.protocol = socket.protocol === 'https:' ? 'wss:' : 'ws:';
    return ok({ deskUrl: new URL(deskUrl).origin, socketUrl: socket.toString(), ticket: `${body}.${signature}` });
  }
}
