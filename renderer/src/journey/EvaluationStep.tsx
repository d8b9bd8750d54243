import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EvaluationLevelSchema, EvaluationReasonSchema, evaluationNeedsReasons, type EvaluationLevel, type EvaluationReason } from '../../../contract';
import { useKiosk } from '../app/kiosk-context';
import { StepHeader } from './StepHeader';

/** 好差评: the five national levels; the two lowest ask why. Queued to the platform like an application. */
export function EvaluationStep({ applicationNumber, thingId, onDone }: { applicationNumber: string | null; thingId: string | null; onDone: () => void }) {
  const { t } = useTranslation();
  const { client } = useKiosk();
  const [level, setLevel] = useState<EvaluationLevel | null>(null);
  const [reasons, setReasons] = useState<EvaluationReason[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const [sent, setSent] = useState(false);

  const toggle = (r: EvaluationReason) => setReasons((rs) => (rs.includes(r) ? rs.filter((x) => x !== r) : [...rs, r]));
  const send = async () => {
    if (!level) return;
    if (evaluationNeedsReasons(level) && reasons.length === 0) return setProblem(t('journey.evaluation.needReason'));
    const r = await client.api['evaluation.submit']({ applicationNumber, thingId, level, reasons: evaluationNeedsReasons(level) ? reasons : [], comment: '' });
    if (!r.ok) return setProblem(r.message);
    setSent(true);
  };

  if (sent) {
    return (
      <section className="journey evaluation" aria-labelledby="step-heading">
        <StepHeader title={t('journey.evaluation.thanks')} prompt={t('journey.evaluation.thanks')} />
        <div className="step-actions">
          <button type="button" className="primary huge" onClick={onDone} data-testid="evaluation-finish">
            {t('journey.done.finish')}
          </button>
        </div>
      </section>
    );
  }
  return (
    <section className="journey evaluation" aria-labelledby="step-heading">
      <StepHeader title={t('journey.evaluation.heading')} prompt={t('journey.evaluation.heading')} />
      <div className="answers levels" role="group" aria-labelledby="step-heading">
        {EvaluationLevelSchema.options.map((l) => (
          <button key={l} type="button" className={`answer${level === l ? ' chosen' : ''}`} aria-pressed={level === l} onClick={() => { setLevel(l); setProblem(null); }} data-testid={`level-${l}`}>
            {t(`journey.evaluation.levels.${l}`)}
          </button>
        ))}
      </div>
      {level && evaluationNeedsReasons(level) && (
        <fieldset className="reasons">
          <legend>{t('journey.evaluation.reasonsHeading')}</legend>
          {EvaluationReasonSchema.options.map((r) => (
            <button key={r} type="button" className={`answer small${reasons.includes(r) ? ' chosen' : ''}`} aria-pressed={reasons.includes(r)} onClick={() => toggle(r)} data-testid={`reason-${r}`}>
              {t(`journey.evaluation.reasons.${r}`)}
            </button>
          ))}
        </fieldset>
      )}
      {problem && (
        <p className="field-error" role="alert" data-testid="evaluation-error">
          {problem}
        </p>
      )}
      <div className="step-actions">
        <button type="button" className="primary huge" disabled={!level} onClick={() => void send()} data-testid="evaluation-submit">
          {t('journey.evaluation.submit')}
        </button>
      </div>
    </section>
  );
}
