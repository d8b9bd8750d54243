import { useTranslation } from 'react-i18next';
import type { Question } from '../../../contract/journeys/schema';
import { useKiosk } from '../app/kiosk-context';
import { StepHeader } from './StepHeader';
import { pick } from './text';

/** One question per screen (智能导办); the answers are the biggest things on it. */
export function QuestionStep({ question, value, step, total, onAnswer }: { question: Question; value: string | boolean | undefined; step: number; total: number; onAnswer: (v: string | boolean) => void }) {
  const { t } = useTranslation();
  const { locale } = useKiosk();
  const options: { value: string | boolean; label: string }[] =
    question.kind === 'yes-no' ? [{ value: true, label: t('journey.step.yes') }, { value: false, label: t('journey.step.no') }] : (question.options ?? []).map((o) => ({ value: o.value, label: pick(o.label, locale) }));
  const text = pick(question.text, locale);
  return (
    <section className="journey question" aria-labelledby="step-heading">
      <StepHeader title={text} step={step} total={total} prompt={question.hint ? `${text} ${pick(question.hint, locale)}` : text} />
      {question.hint && <p className="hint">{pick(question.hint, locale)}</p>}
      <div className="answers" role="group" aria-labelledby="step-heading">
        {options.map((o) => (
          <button key={String(o.value)} type="button" className={`answer${value === o.value ? ' chosen' : ''}`} aria-pressed={value === o.value} onClick={() => onAnswer(o.value)} data-testid={`answer-${String(o.value)}`}>
            {o.label}
          </button>
        ))}
      </div>
    </section>
  );
}
