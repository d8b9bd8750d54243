import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useNavigate } from 'react-router';
import type { KioskApi, MethodName, Result } from '../../../contract';
import { useKiosk } from '../app/kiosk-context';

/** The technician's token lives in memory only: a reload or a resident never inherits it. */
export interface MaintenanceSession {
  readonly token: string | null;
  begin(token: string, idleSeconds: number): void;
  leave(): Promise<void>;
  /** Calls a maintenance method with the token added. */
  call<M extends MaintenanceMethod>(method: M, input: Omit<Parameters<KioskApi[M]>[0], 'token'>): ReturnType<KioskApi[M]>;
}

/** Methods that carry the maintenance token (`requires: 'maintenance'`), called with it filled in. */
type MaintenanceMethod = Exclude<Extract<MethodName, `maintenance.${string}`>, 'maintenance.status' | 'maintenance.login'> | 'receipts.notPrinted';

const Ctx = createContext<MaintenanceSession | null>(null);

export function useMaintenance(): MaintenanceSession {
  const s = useContext(Ctx);
  if (!s) throw new Error('useMaintenance outside MaintenanceProvider');
  return s;
}

/**
 * Holds the token, ends maintenance after 2 idle minutes (the host lapses the
 * token at the same time and says so with `maintenance.ended`), and always
 * returns to the attract screen when it ends.
 */
export function MaintenanceProvider({ children }: { children: ReactNode }) {
  const { client } = useKiosk();
  const navigate = useNavigate();
  const [token, setToken] = useState<string | null>(null);
  const idleMs = useRef(120_000);
  const lastActivity = useRef(Date.now());

  const end = useCallback(() => {
    setToken(null);
    navigate('/', { replace: true });
  }, [navigate]);

  useEffect(() => client.on('maintenance.ended', () => end()), [client, end]);
  // A registered technician's card opens the PIN pad for staff-card entry.
  useEffect(() => client.on('maintenance.staffCard', ({ staffNo }) => navigate('/maintenance/login', { replace: true, state: { staffNo } })), [client, navigate]);

  useEffect(() => {
    if (!token) return;
    const touch = () => {
      lastActivity.current = Date.now();
    };
    const events = ['pointerdown', 'keydown', 'input'] as const;
    for (const e of events) window.addEventListener(e, touch, { passive: true });
    const timer = window.setInterval(() => {
      if (Date.now() - lastActivity.current >= idleMs.current) {
        void client.api['maintenance.logout']({ token });
        end();
      }
    }, 1000);
    return () => {
      for (const e of events) window.removeEventListener(e, touch);
      window.clearInterval(timer);
    };
  }, [token, client, end]);

  const value = useMemo<MaintenanceSession>(
    () => ({
      token,
      begin(t, idleSeconds) {
        idleMs.current = idleSeconds * 1000;
        lastActivity.current = Date.now();
        setToken(t);
      },
      async leave() {
        if (token) await client.api['maintenance.logout']({ token });
        end();
      },
      call(method, input) {
        const fn = client.api[method] as (i: unknown) => Promise<Result<unknown>>;
        return fn({ ...input, token: token ?? '' }) as never;
      },
    }),
    [token, client, end],
  );
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}
