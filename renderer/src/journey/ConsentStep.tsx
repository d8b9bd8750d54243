import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Submitted } from '../../../contract';
import { useStaff } from '../assisted/staff';
import { useKiosk } from '../app/kiosk-context';
import { StepHeader } from './StepHeader';

/**
 * Consent, then submit. "已提交" is said only by the next screen, after the
 * host answered — which it does only once the application is committed on disk.
 */
export function ConsentStep({ step, total, onSubmitted, onFix }: { step: number; total: number; onSubmitted: (s: Submitted) => void; onFix: (issuePath: string) => void }) {
  const { t } = useTranslation();
  const { client } = useKiosk();
  const [state, setState] = useState<'ready' | 'submitting' | { failed: string; path: string | null }>('ready');
  const staff = useStaff();

  const submit = async () => {
    setState('submitting');
    const r = await client.api['journey.submit']({ consent: true });
    if (r.ok) return onSubmitted(r.value);
    setState({ failed: r.message, path: r.issues?.[0]?.path ?? null });
  };
  return (
    <section className="journey consent" aria-labelledby="step-heading">
      <StepHeader title={t('journey.consent.heading')} step={step} total={total} prompt={staff ? t('journey.consent.assisted', { name: staff.displayName, id: staff.staffId }) : t('journey.consent.text')} />
      {staff && (
        <p className="assisted-note" data-testid="assisted-consent">
          {t('journey.consent.assisted', { name: staff.displayName, id: staff.staffId })}
        </p>
      )}
      <p className="consent-text">{t('journey.consent.text')}</p>
      {state === 'submitting' ? (
        <p role="status" className="busy" data-testid="submitting">
          {t('journey.consent.submitting')}
        </p>
      ) : (
        <div className="step-actions">
          {typeof state === 'object' && (
            <div className="field-error" role="alert" data-testid="submit-error">
              <p>{t('journey.consent.failed', { message: state.failed })}</p>
              {state.path && (
                <button type="button" onClick={() => onFix(state.path!)}>
                  {t('journey.step.change')}
                </button>
              )}
            </div>
          )}
          <button type="button" className="primary huge" onClick={() => void submit()} data-testid="consent-submit">
            {typeof state === 'object' ? t('journey.consent.retry') : t('journey.consent.agree')}
          </button>
        </div>
      )}
    </section>
  );
}
