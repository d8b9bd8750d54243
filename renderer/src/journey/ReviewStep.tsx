import { useTranslation } from 'react-i18next';
import type { Answers, FormValues, MaterialProvision } from '../../../contract';
import type { SubItem } from '../../../contract/catalog';
import type { Field, HallVisit, MaterialDef, Question } from '../../../contract/journeys/schema';
import { useKiosk } from '../app/kiosk-context';
import { HoldToReveal } from '../components/HoldToReveal';
import { formRows } from './form-rows';
import { maskIdentifier } from './identifiers';
import { StepHeader } from './StepHeader';
import { pick } from './text';

/** Check answers: every section with 修改, then on to consent. */
export function ReviewStep(props: {
  questions: readonly Question[];
  answers: Answers;
  fields: readonly Field[];
  form: FormValues;
  materials: readonly MaterialDef[];
  provided: Readonly<Record<string, MaterialProvision>>;
  subItems: readonly SubItem[];
  /** Sub-items that need a hall visit: each offers 预约到大厅办理. */
  visits?: readonly HallVisit[];
  onBookVisit?: (subItem: SubItem) => void;
  step: number;
  total: number;
  onChange: (section: 'answers' | 'form' | 'materials') => void;
  onNext: () => void;
}) {
  const { t } = useTranslation();
  const { locale } = useKiosk();
  const answerText = (q: Question) => {
    const a = props.answers[q.id];
    if (typeof a === 'boolean') return a ? t('journey.step.yes') : t('journey.step.no');
    return pick(q.options?.find((o) => o.value === a)?.label, locale);
  };
  const provisionText = (p: MaterialProvision | undefined) =>
    !p ? '—' : p.kind === 'e-certificate' ? `${t('journey.materials.eCert')}（${p.certificateType}）` : p.kind === 'capture' ? t('journey.materials.captured') : t('journey.materials.committed');
  const section = (title: string, key: 'answers' | 'form' | 'materials', rows: { k: string; label: string; value: string; identifier?: boolean }[]) => (
    <section className="review-section" aria-label={title}>
      <div className="review-head">
        <h2>{title}</h2>
        <button type="button" onClick={() => props.onChange(key)} data-testid={`change-${key}`} aria-label={`${t('journey.step.change')} ${title}`}>
          {t('journey.step.change')}
        </button>
      </div>
      <dl className="review-rows">
        {rows.map((r) => (
          <div key={r.k} className="review-row">
            <dt id={`review-label-${r.k}`}>{r.label}</dt>
            <dd>{r.identifier ? <HoldToReveal value={r.value} masked={maskIdentifier(r.value)} labelId={`review-label-${r.k}`} testId={`review-${r.k}`} /> : r.value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
  return (
    <section className="journey review" aria-labelledby="step-heading">
      <StepHeader title={t('journey.review.heading')} step={props.step} total={props.total} prompt={t('journey.review.heading')} />
      {section(t('journey.review.answers'), 'answers', props.questions.map((q) => ({ k: q.id, label: pick(q.text, locale), value: answerText(q) })))}
      {section(
        t('journey.review.details'),
        'form',
        formRows(props.fields, props.form, locale, t('journey.form.fromCard')),
      )}
      {section(t('journey.review.materials'), 'materials', props.materials.map((m) => ({ k: m.id, label: pick(m.name, locale), value: provisionText(props.provided[m.id]) })))}
      <h2>{t('journey.review.subItems')}</h2>
      <ul className="plain-list sub-items" data-testid="review-sub-items">
        {props.subItems.map((s) => {
          const visit = props.visits?.find((v) => v.subItem === s.code);
          return (
            <li key={s.code} data-testid={`review-sub-item-${s.code}`}>
              {locale === 'en' ? s.nameEn : s.name}
              <span className="dept"> · {s.departments.map((d) => (locale === 'en' ? d.nameEn : d.name)).join(locale === 'en' ? ', ' : '、')}</span>
              {visit && (
                <div className="hall-visit" data-testid={`hall-visit-${s.code}`}>
                  <p className="hint">
                    <strong>{t('channels.appointments.visitNeeded')}</strong>
                    {pick(visit.why, locale)}
                  </p>
                  {props.onBookVisit && (
                    <button type="button" onClick={() => props.onBookVisit?.(s)} data-testid={`book-visit-${s.code}`}>
                      {t('channels.appointments.fromGuide')}
                    </button>
                  )}
                </div>
              )}
            </li>
          );
        })}
      </ul>
      <div className="step-actions">
        <button type="button" className="primary huge" onClick={props.onNext} data-testid="review-next">
          {t('journey.review.confirm')}
        </button>
      </div>
    </section>
  );
}
