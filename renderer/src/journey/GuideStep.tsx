import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { allDepartments, departmentNameEn, leadDepartments, type OneThing } from '../../../contract/catalog';
import type { Guide, HallVisit } from '../../../contract/journeys/schema';
import { useKiosk } from '../app/kiosk-context';
import { RatingPanel } from '../components/RatingPanel';
import { StepHeader } from './StepHeader';
import { pick } from './text';

/** 办事指南: what it covers, who may apply, departments, time limit — and either 开始办理 or where to go next. */
export function GuideStep({ thing, guide, wired, visits = [], onStart }: { thing: OneThing; guide: Guide | null; wired: boolean; visits?: readonly HallVisit[]; onStart: () => void }) {
  const { t } = useTranslation();
  const { locale } = useKiosk();
  const navigate = useNavigate();
  const [rating, setRating] = useState(false);
  const leads = new Set(leadDepartments(thing));
  const name = locale === 'en' ? thing.nameEn : thing.name;
  return (
    <section className="journey guide" aria-labelledby="step-heading">
      <StepHeader title={name} prompt={wired ? `${name}。${t('journey.guide.start')}` : `${name}。${t('journey.guide.whereHeading')}`} />
      {guide && (
        <>
          <h2>{t('journey.guide.covers')}</h2>
          <p>{pick(guide.covers, locale)}</p>
          <h2>{t('journey.guide.eligibility')}</h2>
          <ul className="plain-list">
            {guide.eligibility.map((e) => (
              <li key={e.zh}>{pick(e, locale)}</li>
            ))}
          </ul>
        </>
      )}
      <h2>{t('journey.guide.subItems')}</h2>
      <ul className="plain-list sub-items">
        {thing.subItems.map((s) => {
          const visit = visits.find((v) => v.subItem === s.code);
          return (
            <li key={s.code}>
              {locale === 'en' ? s.nameEn : s.name}
              <span className="dept"> · {s.departments.map((d) => (locale === 'en' ? d.nameEn : d.name)).join(locale === 'en' ? ', ' : '、')}</span>
              {visit && (
                <div className="hall-visit" data-testid={`guide-visit-${s.code}`}>
                  <p className="hint">
                    <strong>{t('channels.appointments.visitNeeded')}</strong>
                    {pick(visit.why, locale)}
                  </p>
                  <button type="button" onClick={() => navigate('/appointments', { state: { thingId: thing.id, subItemCode: s.code } })} data-testid={`guide-book-${s.code}`}>
                    {t('channels.appointments.fromGuide')}
                  </button>
                </div>
              )}
            </li>
          );
        })}
      </ul>
      <h2>{t('journey.guide.departments')}</h2>
      <p>
        {allDepartments(thing).map((d, i) => (
          <span key={d}>
            {i > 0 && (locale === 'en' ? ', ' : '、')}
            {locale === 'en' ? departmentNameEn(d) : d}
            {leads.has(d) && <strong>（{t('journey.guide.lead')}）</strong>}
          </span>
        ))}
      </p>
      <h2>{t('journey.guide.timeLimit')}</h2>
      <p>{guide ? pick(guide.timeLimit, locale) : thing.deadline.text}</p>
      {wired ? (
        <div className="step-actions">
          <button type="button" className="primary huge" onClick={onStart} data-testid="guide-start">
            {t('journey.guide.start')}
          </button>
          <button type="button" onClick={() => navigate('/appointments', { state: { thingId: thing.id } })} data-testid="guide-appointment">
            {t('channels.appointments.preferWindow')}
          </button>
          <button type="button" onClick={() => navigate('/feedback', { state: { thingId: thing.id } })} data-testid="guide-feedback">
            {t('channels.feedback.fromGuide')}
          </button>
        </div>
      ) : (
        <div className="next-step" data-testid="next-step">
          <h2>{t('journey.guide.whereHeading')}</h2>
          <p>{t('journey.guide.whereLead')}</p>
          {guide && (
            <dl className="where">
              <dt>{t('journey.guide.hall')}</dt>
              <dd>{pick(guide.where.hall, locale)}</dd>
              <dt>{t('journey.guide.window')}</dt>
              <dd>{pick(guide.where.window, locale)}</dd>
              <dt>{t('journey.guide.appointment')}</dt>
              <dd>{pick(guide.where.appointment, locale)}</dd>
            </dl>
          )}
          <div className="step-actions">
            <button type="button" className="primary" onClick={() => navigate('/appointments', { state: { thingId: thing.id } })} data-testid="guide-appointment">
              {t('channels.appointments.fromGuide')}
            </button>
            <button type="button" onClick={() => navigate('/feedback', { state: { thingId: thing.id } })} data-testid="guide-feedback">
              {t('channels.feedback.fromGuide')}
            </button>
            <button type="button" onClick={() => setRating(true)} aria-pressed={rating} data-testid="guide-rate">
              {t('channels.rating.rateGuide')}
            </button>
            <button type="button" onClick={() => navigate('/home')}>
              {t('nav.home')}
            </button>
          </div>
          {rating && <RatingPanel service="hall-guide" thingId={thing.id} onDone={() => navigate('/home')} doneLabel={t('nav.home')} />}
        </div>
      )}
    </section>
  );
}
