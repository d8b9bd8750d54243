import { ok } from '../../contract';
import type { HandlerTable } from '../api/dispatch';
import type { StaffDesk } from './staff';

type StaffMethods = 'staff.signIn' | 'staff.signInWithCard' | 'staff.current' | 'staff.signOut';

/** Assisted mode (帮代办): a village clerk signs in with their own card or id + PIN and helps the resident at the screen. */
export function staffHandlers(staff: StaffDesk): Pick<HandlerTable, StaffMethods> {
  return {
    'staff.signIn': ({ staffId, pin }) => staff.signIn(staffId, pin),
    'staff.signInWithCard': () => staff.signInWithCard(),
    'staff.current': () => ok(staff.current()),
    'staff.signOut': () => ok({ signedOut: staff.signOut() }),
  };
}
