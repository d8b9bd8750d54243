import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { IdCardSimFaultSchema, type MethodOutput } from '../../../contract';
import { useKiosk } from '../app/kiosk-context';

type Cards = MethodOutput<'devdock.idcard.cards'>;

/** Place or lift a fixture card on the simulated reader, and make it misbehave. */
export function IdCardDockSection() {
  const { t } = useTranslation();
  const { client } = useKiosk();
  const [cards, setCards] = useState<Cards | null>(null);
  const [note, setNote] = useState('');

  const refresh = useCallback(async () => {
    const r = await client.api['devdock.idcard.cards']({});
    if (r.ok) setCards(r.value);
    else setNote(r.message);
  }, [client]);
  useEffect(() => void refresh(), [refresh]);

  const report = async (what: string, call: Promise<{ ok: boolean; message?: string }>) => {
    const r = await call;
    setNote(r.ok ? t('devices.dock.idcard.done', { what }) : (r.message ?? ''));
    await refresh();
  };

  if (cards && !cards.available) return <p>{t('devices.dock.idcard.unavailable')}</p>;
  return (
    <div className="devdock-idcard">
      <h4>{t('devices.dock.idcard.cards')}</h4>
      <ul className="devdock-buttons">
        {(cards?.cards ?? []).map((c) => (
          <li key={c.id}>
            <button
              type="button"
              aria-pressed={cards?.inserted === c.id}
              onClick={() => void report(c.label, client.api['devdock.idcard.insert']({ cardId: c.id }))}
              data-testid={`dock-card-${c.id}`}
            >
              {t('devices.dock.idcard.insert', { label: c.label })}
            </button>
          </li>
        ))}
        <li>
          <button type="button" onClick={() => void report(t('devices.dock.idcard.remove'), client.api['devdock.idcard.remove']({}))} data-testid="dock-card-remove">
            {t('devices.dock.idcard.remove')}
          </button>
        </li>
      </ul>
      <h4>{t('devices.dock.idcard.faults')}</h4>
      <ul className="devdock-buttons">
        {IdCardSimFaultSchema.options.map((fault) => (
          <li key={fault}>
            <button
              type="button"
              onClick={() => void report(t(`devices.dock.idcard.fault.${fault}`), client.api['devdock.idcard.fault']({ fault }))}
              data-testid={`dock-fault-${fault}`}
            >
              {t(`devices.dock.idcard.fault.${fault}`)}
            </button>
          </li>
        ))}
        <li>
          <button
            type="button"
            onClick={() => void report(t('devices.dock.idcard.unplug'), client.api['devdock.idcard.fault']({ fault: 'unplug', seconds: 3 }))}
            data-testid="dock-fault-unplug"
          >
            {t('devices.dock.idcard.unplug')}
          </button>
        </li>
      </ul>
      <p role="status" className="devdock-note" data-testid="dock-note">
        {note}
      </p>
    </div>
  );
}
