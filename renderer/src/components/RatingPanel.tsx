import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { EvaluationLevelSchema, EvaluationReasonSchema, evaluationNeedsReasons, type EvaluationLevel, type EvaluationReason, type RatedService } from '../../../contract';
import { useKiosk } from '../app/kiosk-context';
import { OnScreenKeyboard } from './keyboard/OnScreenKeyboard';

export interface RatingPanelProps {
  /** What is rated: an application, a hall-only guide, a progress query, an appointment, a video call. */
  readonly service: RatedService;
  /** The appointment number or the video call id. */
  readonly reference?: string | null;
  readonly applicationNumber?: string | null;
  readonly thingId?: string | null;
  /** A video call: the staff id of the agent who answered it. */
  readonly agentId?: string | null;
  /** The heading before and after sending (a journey step passes its StepHeader); default an h2 naming the service. */
  readonly header?: (sent: boolean) => ReactNode;
  /** After the thanks: the button that closes the panel. */
  readonly onDone: () => void;
  readonly doneLabel?: string;
}

/**
 * 好差评 for any service (GB/T 39734): five levels, the two lowest ask for
 * reason categories; an optional comment typed on the on-screen keyboard;
 * queued to the platform through the outbox like an application.
 */
export function RatingPanel({ service, reference = null, applicationNumber = null, thingId = null, agentId = null, header, onDone, doneLabel }: RatingPanelProps) {
  const { t } = useTranslation();
  const { client } = useKiosk();
  const [level, setLevel] = useState<EvaluationLevel | null>(null);
  const [reasons, setReasons] = useState<EvaluationReason[]>([]);
  const [comment, setComment] = useState('');
  const [typing, setTyping] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [sent, setSent] = useState(false);
  const headingId = `rating-heading-${service}`;

  const toggle = (r: EvaluationReason) => {
    setReasons((rs) => (rs.includes(r) ? rs.filter((x) => x !== r) : [...rs, r]));
    setProblem(null);
  };
  const send = async () => {
    if (!level) return;
    if (evaluationNeedsReasons(level) && reasons.length === 0) return setProblem(t('journey.evaluation.needReason'));
    const r = await client.api['evaluation.submit']({ service, reference, applicationNumber, thingId, ...(agentId ? { agentId } : {}), level, reasons: evaluationNeedsReasons(level) ? reasons : [], comment });
    if (!r.ok) return setProblem(r.message);
    setSent(true);
  };
  const heading = header ? header(sent) : <h2 id={headingId}>{sent ? t('journey.evaluation.thanks') : t(`channels.rating.heading.${service}`)}</h2>;
  const labelledBy = header ? 'step-heading' : headingId;

  if (sent) {
    return (
      <section className="journey evaluation rating" aria-labelledby={labelledBy} data-testid={`rating-${service}`} data-sent="true">
        {heading}
        <p role="status" className="ok-note" data-testid="evaluation-thanks">
          {t('journey.evaluation.thanks')}
        </p>
        <div className="step-actions">
          <button type="button" className="primary huge" onClick={onDone} data-testid="evaluation-finish">
            {doneLabel ?? t('journey.done.finish')}
          </button>
        </div>
      </section>
    );
  }
  return (
    <section className="journey evaluation rating" aria-labelledby={labelledBy} data-testid={`rating-${service}`}>
      {heading}
      <div className="answers levels" role="group" aria-labelledby={labelledBy}>
        {EvaluationLevelSchema.options.map((l) => (
          <button
            key={l}
            type="button"
            className={`answer${level === l ? ' chosen' : ''}`}
            aria-pressed={level === l}
            onClick={() => {
              setLevel(l);
              setProblem(null);
            }}
            data-testid={`level-${l}`}
          >
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
      {level && (
        <div className="field">
          <label htmlFor={`rating-comment-${service}`} className="field-label">
            {t('journey.evaluation.comment')}
          </label>
          <textarea
            id={`rating-comment-${service}`}
            className="text-input"
            rows={2}
            maxLength={500}
            value={comment}
            inputMode="none"
            onFocus={() => setTyping(true)}
            onChange={(e) => setComment(e.target.value)}
            data-testid="evaluation-comment"
          />
          {typing && <OnScreenKeyboard layout="pinyin" value={comment} onChange={setComment} onDone={() => setTyping(false)} />}
        </div>
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
