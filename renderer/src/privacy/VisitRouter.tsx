import { createContext, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import { MemoryRouter, useLocation } from 'react-router';
import { useKiosk } from '../app/kiosk-context';

const ResetVisit = createContext<() => void>(() => undefined);

/**
 * The screens' memory router, started afresh for every visit. A kiosk runs
 * for weeks: without this, every step of every resident's journey stays in
 * the router's history (and in memory). Back on the attract screen with no
 * session, the router (and everything mounted under it) is remounted empty.
 */
export function VisitRouter({ children }: { children: ReactNode }) {
  const [visit, setVisit] = useState(0);
  return (
    <ResetVisit.Provider value={() => setVisit((v) => v + 1)}>
      <MemoryRouter key={visit}>
        {children}
        <EndOfVisit />
      </MemoryRouter>
    </ResetVisit.Provider>
  );
}

function EndOfVisit() {
  const { pathname } = useLocation();
  const { session } = useKiosk();
  const reset = useContext(ResetVisit);
  const visited = useRef(false);
  useEffect(() => {
    if (pathname !== '/') visited.current = true;
    else if (visited.current && session === null) reset();
  }, [pathname, session, reset]);
  return null;
}
