import { ok } from '../../../contract';
import type { VideoTickets } from '../video';
import type { HandlerTable } from '../../api/dispatch';

export function videoHandlers(tickets: VideoTickets): Pick<HandlerTable, 'video.ticket' | 'video.callEnded'> {
  return {
    'video.ticket': () => tickets.ticket(),
    // The host keeps no call state; the Electron shell closes its microphone window on this call (electron/main/policies.ts).
    'video.callEnded': () => ok({ ended: true as const }),
  };
}
