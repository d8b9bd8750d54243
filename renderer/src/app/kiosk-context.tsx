import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Connectivity, Session, SystemInfo } from '../../../contract';
import type { KioskClient } from '../api/client';
import type { UiLocale } from '../i18n';
import { afterPageLoad } from './after-load';

export interface KioskState {
  readonly client: KioskClient;
  readonly info: SystemInfo;
  readonly connectivity: Connectivity | null;
  readonly hostConnected: boolean;
  readonly session: Session | null;
  readonly elderly: boolean;
  setElderly(on: boolean): void;
  readonly locale: UiLocale;
  setLocale(locale: UiLocale): void;
}

const KioskContext = createContext<KioskState | null>(null);

export function useKiosk(): KioskState {
  const state = useContext(KioskContext);
  if (!state) throw new Error('useKiosk outside KioskProvider');
  return state;
}

export function KioskProvider({ client, info, children }: { client: KioskClient; info: SystemInfo; children: ReactNode }) {
  const { i18n } = useTranslation();
  const [connectivity, setConnectivity] = useState<Connectivity | null>(null);
  const [hostConnected, setHostConnected] = useState(true);
  const [session, setSession] = useState<Session | null>(null);
  const [elderly, setElderly] = useState(info.elderlyDefault);
  const [locale, setLocaleState] = useState<UiLocale>(info.locale);

  useEffect(() => {
    const offs = [
      client.on('system.connectivity', setConnectivity),
      client.on('session.changed', (s) => {
        setSession(s);
        // The privacy wipe (any end of a visit) gives the next resident the kiosk as configured:
        // elderly mode and language back to their defaults.
        if (s === null) {
          setElderly(info.elderlyDefault);
          setLocaleState(info.locale);
        }
      }),
      client.onConnectionChange(setHostConnected),
    ];
    // The catalog (and the zod schemas it comes with) is a chunk of its own, asked for once the page has
    // loaded: the attract screen does not need it, and the home screen's chunk imports the same module
    // (built-in catalog until the host's answers; docs/packaging.md "Start-up").
    let disposed = false;
    offs.push(
      afterPageLoad(() => {
        void import('../catalog/active-catalog').then(({ connectCatalog }) => {
          if (!disposed) offs.push(connectCatalog(client));
        });
      }),
    );
    void client.api['system.connectivity']({}).then((r) => r.ok && setConnectivity((c) => c ?? r.value));
    void client.api['session.current']({}).then((r) => r.ok && setSession(r.value));
    return () => {
      disposed = true;
      offs.forEach((off) => off());
    };
  }, [client, info]);

  useEffect(() => {
    document.documentElement.lang = locale;
    document.documentElement.classList.toggle('elderly', elderly);
    void i18n.changeLanguage(locale);
  }, [locale, elderly, i18n]);

  const value = useMemo<KioskState>(
    () => ({ client, info, connectivity, hostConnected, session, elderly, setElderly, locale, setLocale: setLocaleState }),
    [client, info, connectivity, hostConnected, session, elderly, locale],
  );
  return <KioskContext.Provider value={value}>{children}</KioskContext.Provider>;
}
