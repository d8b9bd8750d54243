import type { VideoTickets } from '../video';
import type { HandlerTable } from '../../api/dispatch';

export function videoHandlers(tickets: VideoTickets): Pick<HandlerTable, 'video.ticket'> {
  return { 'video.ticket': () => tickets.ticket() };
}
