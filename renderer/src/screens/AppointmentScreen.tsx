import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { beijingTime, type BookAnswer } from '../../../contract';
import { oneThingById } from '../catalog/active-catalog';
import type { Appointment, HallsResponse, SlotsResponse } from '../../../contract/platform';
import { useKiosk } from '../app/kiosk-context';
import { RatingPanel } from '../components/RatingPanel';
import { VoicePrompt } from '../voice/VoicePrompt';
import { A4SlipPrint } from '../journey/A4Print';

/** Where the visit comes from: a guide or a sub-item that needs the hall (router state). */
export interface AppointmentIntent {
  readonly thingId?: string | null;
  /** A sub-item of that 一件事 (`18-03`): the booking and its 凭条 name it. */
  readonly subItemCode?: string | null;
}

const hhmm = (iso: string) => beijingTime(iso).slice(11, 16);

/**
 * 预约: hall → day and slot → confirm → booked, 预约凭条 printed → 好差评.
 * The card holder's appointments are listed below with cancel. Everything
 * is asked live; offline the screen says so plainly and offers 12345.
 */
export function AppointmentScreen(props: { intent?: AppointmentIntent }) {
  const { t } = useTranslation();
  const { client, session, locale } = useKiosk();
  const routed = (useLocation().state ?? {}) as AppointmentIntent;
  // Inside a journey (a sub-item's booking) the intent is given; from a guide or the home screen it rides the route.
  const intent = props.intent ?? routed;
  const thing = intent.thingId ? oneThingById(intent.thingId) : undefined;
  const subItem = thing && intent.subItemCode ? thing.subItems.find((s) => s.code === intent.subItemCode) : undefined;
  const thingName = thing ? (locale === 'en' ? thing.nameEn : thing.name) : null;
  const purpose = subItem ? (locale === 'en' ? `${thingName} (${subItem.nameEn})` : `${thingName}（${subItem.name}）`) : (thingName ?? t('channels.appointments.general'));
  const identified = session?.identity != null;
  const [halls, setHalls] = useState<HallsResponse | null>(null);
  const [offline, setOffline] = useState<string | null>(null);
  const [hallId, setHallId] = useState<string | null>(null);
  const [slots, setSlots] = useState<SlotsResponse | null>(null);
  const [chosen, setChosen] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<{ code: string; reason: string } | null>(null);
  const [booked, setBooked] = useState<Extract<BookAnswer, { booked: true }> | null>(null);
  const [rating, setRating] = useState(false);
  const [mine, setMine] = useState<Appointment[] | null>(null);
  const [note, setNote] = useState<string | null>(null);

  const loadMine = useCallback(async () => {
    const r = await client.api['appointments.mine']({});
    if (r.ok) setMine(r.value.appointments);
  }, [client]);

  useEffect(() => {
    if (!identified) return;
    void client.api['appointments.halls']({}).then((r) => {
      if (r.ok) {
        setHalls(r.value);
        setOffline(null);
      } else setOffline(r.message);
    });
    void loadMine();
  }, [client, identified, loadMine]);

  const loadSlots = useCallback(
    async (hall: string, day: string | null) => {
      const r = await client.api['appointments.slots']({ hallId: hall, day });
      if (r.ok) setSlots(r.value);
      else setOffline(r.message);
    },
    [client],
  );

  const chooseHall = (id: string) => {
    setHallId(id);
    setChosen(null);
    setRefusal(null);
    void loadSlots(id, null);
  };

  const book = async () => {
    if (!hallId || !chosen) return;
    setBusy(true);
    const r = await client.api['appointments.book']({ hallId, startsAt: chosen, thingId: intent.thingId ?? null, subItemName: subItem && thing ? `${thing.name}（${subItem.name}）` : null });
    setBusy(false);
    if (!r.ok) return setOffline(r.message);
    if (r.value.booked) {
      setBooked(r.value);
      void loadMine();
    } else {
      setRefusal({ code: r.value.code, reason: r.value.reason });
      setChosen(null);
      void loadSlots(hallId, slots?.day ?? null);
    }
  };

  const cancel = async (number: string) => {
    const r = await client.api['appointments.cancel']({ appointmentNumber: number });
    if (!r.ok) return setNote(r.message);
    setNote(r.value.cancelled ? t('channels.appointments.cancelled', { number }) : r.value.reason);
    void loadMine();
  };

  const hall = halls?.halls.find((h) => h.hallId === hallId) ?? null;
  const hallName = (h: { name: string; nameEn: string }) => (locale === 'en' ? h.nameEn : h.name);

  return (
    <section className="appointments" aria-labelledby="appointments-heading">
      <h1 id="appointments-heading">{t('channels.appointments.heading')}</h1>
      <VoicePrompt text={identified ? t('channels.appointments.lead') : t('channels.appointments.needCard')} />
      <p data-testid="appointment-purpose">{t('channels.appointments.for', { purpose })}</p>
      {!identified && (
        <p className="warning" role="status" data-testid="appointment-need-card">
          {t('channels.appointments.needCard')}
        </p>
      )}
      {offline && (
        <div className="warning" role="alert" data-testid="appointment-offline">
          <p>{offline}</p>
          <p>
            <strong>{t('channels.appointments.hotline')}</strong>
          </p>
        </div>
      )}

      {booked ? (
        <div data-testid="appointment-booked">
          <h2>{t('channels.appointments.booked')}</h2>
          <dl className="where">
            <dt>{t('channels.appointments.number')}</dt>
            <dd data-testid="appointment-number">{booked.appointment.appointmentNumber}</dd>
            <dt>{t('channels.appointments.hall')}</dt>
            <dd>{booked.appointment.hallName}</dd>
            <dt>{t('channels.appointments.when')}</dt>
            <dd data-testid="appointment-when">
              {beijingTime(booked.appointment.startsAt).slice(0, 16)}–{hhmm(booked.appointment.endsAt)}
            </dd>
          </dl>
          <p role="status" className={booked.slip.status === 'printed' ? 'ok-note' : 'warning'} data-testid="slip-state" data-state={booked.slip.status}>
            {booked.slip.status === 'printed' ? t('channels.appointments.slipPrinted') : t('channels.appointments.slipHeld', { message: booked.slip.message })}
          </p>
          <A4SlipPrint appointmentNumber={booked.appointment.appointmentNumber} />
          {rating ? (
            <RatingPanel service="appointment" reference={booked.appointment.appointmentNumber} thingId={intent.thingId ?? null} onDone={() => setRating(false)} doneLabel={t('channels.appointments.mine')} />
          ) : (
            <div className="step-actions">
              <button type="button" className="primary huge" onClick={() => setRating(true)} data-testid="appointment-rate">
                {t('channels.appointments.rate')}
              </button>
            </div>
          )}
        </div>
      ) : (
        identified &&
        halls && (
          <>
            <h2>{t('channels.appointments.chooseHall')}</h2>
            <div className="answers" role="group" aria-label={t('channels.appointments.chooseHall')}>
              {halls.halls.map((h) => (
                <button key={h.hallId} type="button" className={`answer${hallId === h.hallId ? ' chosen' : ''}`} aria-pressed={hallId === h.hallId} onClick={() => chooseHall(h.hallId)} data-testid={`hall-${h.hallId}`}>
                  {hallName(h)}
                  <span> · {t('channels.appointments.perSlot', { n: h.capacityPerSlot })}</span>
                </button>
              ))}
            </div>
            <p className="hint">{t('channels.appointments.rules', { hours: halls.rules.cancelBeforeMinutes / 60, days: halls.rules.noShowWindowDays, limit: halls.rules.noShowLimit })}</p>
            {hall && slots && (
              <>
                <h2>{t('channels.appointments.chooseSlot')}</h2>
                <div className="choices" role="group" aria-label={t('channels.appointments.chooseSlot')}>
                  {slots.days.map((d) => (
                    <button key={d} type="button" className={`answer small${slots.day === d ? ' chosen' : ''}`} aria-pressed={slots.day === d} onClick={() => void loadSlots(hall.hallId, d)} data-testid={`day-${d}`}>
                      {d.slice(5)}
                    </button>
                  ))}
                </div>
                {slots.slots.length === 0 && <p>{t('channels.appointments.noSlots')}</p>}
                <div className="choices slots" role="group" aria-label={slots.day}>
                  {slots.slots.map((s) => (
                    <button
                      key={s.startsAt}
                      type="button"
                      className={`answer small${chosen === s.startsAt ? ' chosen' : ''}`}
                      aria-pressed={chosen === s.startsAt}
                      disabled={s.remaining === 0}
                      onClick={() => {
                        setChosen(s.startsAt);
                        setRefusal(null);
                      }}
                      data-testid={`slot-${hhmm(s.startsAt).replace(':', '')}`}
                      data-remaining={s.remaining}
                    >
                      {hhmm(s.startsAt)} · {s.remaining === 0 ? t('channels.appointments.full') : t('channels.appointments.left', { n: s.remaining })}
                    </button>
                  ))}
                </div>
              </>
            )}
            {refusal && (
              <p className="field-error" role="alert" data-testid="appointment-refused" data-code={refusal.code}>
                {refusal.reason}
              </p>
            )}
            {hall && chosen && (
              <div className="next-step" data-testid="appointment-confirm-panel">
                <h2>{t('channels.appointments.confirmHeading')}</h2>
                <p>
                  {hallName(hall)} · {beijingTime(chosen).slice(0, 16)}
                </p>
                <div className="step-actions">
                  <button type="button" onClick={() => setChosen(null)}>
                    {t('channels.appointments.back')}
                  </button>
                  <button type="button" className="primary huge" disabled={busy} onClick={() => void book()} data-testid="appointment-confirm">
                    {busy ? t('channels.appointments.booking') : t('channels.appointments.confirm')}
                  </button>
                </div>
              </div>
            )}
          </>
        )
      )}

      {identified && mine && (
        <div className="my-appointments" data-testid="my-appointments">
          <h2>{t('channels.appointments.mine')}</h2>
          {note && (
            <p role="status" data-testid="appointment-note">
              {note}
            </p>
          )}
          {mine.length === 0 && <p>{t('channels.appointments.mineNone')}</p>}
          <ul className="plain-list">
            {mine.map((a) => (
              <li key={a.appointmentNumber} data-testid={`mine-${a.appointmentNumber}`} data-status={a.status}>
                {a.appointmentNumber} · {a.hallName} · {beijingTime(a.startsAt).slice(0, 16)} · <strong>{t(`channels.appointments.statuses.${a.status}`)}</strong>
                {a.status === 'booked' && (
                  <span className="step-actions">
                    <button type="button" onClick={() => void client.api['appointments.printSlip']({ appointmentNumber: a.appointmentNumber })} data-testid={`reprint-${a.appointmentNumber}`}>
                      {t('channels.appointments.printAgain')}
                    </button>
                    <button type="button" onClick={() => void cancel(a.appointmentNumber)} data-testid={`cancel-${a.appointmentNumber}`}>
                      {t('channels.appointments.cancel')}
                    </button>
                  </span>
                )}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
