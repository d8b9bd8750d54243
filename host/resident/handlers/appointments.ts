import type { AppointmentDesk } from '../appointments';
import type { HandlerTable } from '../../api/dispatch';

type AppointmentMethods = 'appointments.halls' | 'appointments.slots' | 'appointments.book' | 'appointments.cancel' | 'appointments.mine' | 'appointments.printSlip';

/** 预约: every call goes live to the platform through the desk. */
export function appointmentHandlers(desk: AppointmentDesk): Pick<HandlerTable, AppointmentMethods> {
  return {
    'appointments.halls': () => desk.halls(),
    'appointments.slots': ({ hallId, day }) => desk.slots(hallId, day),
    'appointments.book': (input) => desk.book(input),
    'appointments.cancel': ({ appointmentNumber }) => desk.cancel(appointmentNumber),
    'appointments.mine': () => desk.mine(),
    'appointments.printSlip': ({ appointmentNumber }) => desk.printSlip(appointmentNumber),
  };
}
