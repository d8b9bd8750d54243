import type { VideoTickets } from '../../services/video';
import type { HandlerTable } from '../dispatch';

export function videoHandlers(tickets: VideoTickets): Pick<HandlerTable, 'video.ticket'> {
  return { 'video.ticket': () => tickets.ticket() };
}
