import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import type { Staff } from '../../../contract';
import { useKiosk } from '../app/kiosk-context';

const StaffContext = createContext<Staff | null>(null);

/** The clerk of assisted mode (帮代办), from the sticky `staff.changed` event. */
export function StaffProvider({ children }: { children: ReactNode }) {
  const { client } = useKiosk();
  const [staff, setStaff] = useState<Staff | null>(null);
  useEffect(() => {
    const off = client.on('staff.changed', setStaff);
    // Mounted afresh for every visit: ask, since the sticky event came when the page connected.
    void client.api['staff.current']({}).then((r) => r.ok && setStaff(r.value));
    return off;
  }, [client]);
  return <StaffContext.Provider value={staff}>{children}</StaffContext.Provider>;
}

export function useStaff(): Staff | null {
  return useContext(StaffContext);
}
