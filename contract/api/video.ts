import { z } from 'zod';
import { method } from './define';

/** 远程视频帮办: the renderer asks its host for a short-lived ticket, then talks WebRTC signalling with the video desk itself. */
export const videoMethods = {
  'video.ticket': method({
    doc: 'A ticket for the video desk (HMAC-signed by the host, valid for video.ticketTtlSeconds) and where the desk is; not-found when video help is not configured.',
    input: z.object({}).strict(),
    output: z.object({ deskUrl: z.string(), socketUrl: z.string(), ticket: z.string() }),
  }),
  'video.callEnded': method({
    doc: 'The video help is over (hung up, refused, closed): the shell stops granting the microphone until the next ticket.',
    input: z.object({}).strict(),
    output: z.object({ ended: z.literal(true) }),
  }),
} as const;
