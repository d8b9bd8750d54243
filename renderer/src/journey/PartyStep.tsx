import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { messageIn, type Err } from '../../../contract';
import type { Party } from '../../../contract/journeys/schema';
import { useKiosk } from '../app/kiosk-context';
import { StepHeader } from './StepHeader';
import { pick } from './text';

/**
 * Another person of the application (the other parent, a spouse, the buyer):
 * they put their own card on the reader — the host gives a card read while
 * this screen shows to them, never replacing the applicant — see their
 * identity masked, and confirm consent. An optional party may be skipped;
 * their fields are then typed on the form.
 */
export function PartyStep({ party, step, total, onDone }: { party: Party; step: number; total: number; onDone: () => void }) {
  const { t } = useTranslation();
  const { client, session, locale } = useKiosk();
  const [problem, setProblem] = useState<Err | null>(null);
  const who = pick(party.label, locale);
  const read = session?.parties?.find((p) => p.partyId === party.id) ?? null;

  useEffect(() => {
    void client.api['party.await']({ partyId: party.id }).then((r) => !r.ok && setProblem(r));
    // Leaving the screen: cards belong to the applicant again.
    return () => void client.api['party.await']({ partyId: null });
  }, [client, party.id]);

  const consent = () => {
    void client.api['party.consent']({ partyId: party.id }).then((r) => (r.ok ? onDone() : setProblem(r)));
  };
  const skip = () => {
    void client.api['party.skip']({ partyId: party.id }).then((r) => (r.ok ? onDone() : setProblem(r)));
  };

  return (
    <section className="journey party" aria-labelledby="step-heading" data-testid={`party-${party.id}`}>
      <StepHeader title={t('identity.party.heading', { who })} step={step} total={total} prompt={`${t('identity.party.heading', { who })}。${t('identity.party.lead', { who })}`} />
      <p className="lead">{t('identity.party.lead', { who })}</p>
      {!read && (
        <>
          <div className="card-slot" aria-hidden="true">
            <span className="card-drawing" />
            <span className="card-arrow">▼</span>
          </div>
          <p role="status">{t('identity.party.waiting', { who })}</p>
        </>
      )}
      {read && (
        <div className="party-read">
          <p role="status">
            {t('identity.party.read', { who })}{' '}
            <strong data-testid={`party-identity-${party.id}`}>
              {read.identity.name}（{read.identity.idNumber}）
            </strong>
          </p>
          {read.consented ? (
            <p>{t('identity.party.consented', { who })}</p>
          ) : (
            <>
              <p className="consent-text">{t('identity.party.consentText', { who })}</p>
              <div className="step-actions">
                <button type="button" className="primary huge" onClick={consent} data-testid={`party-consent-${party.id}`}>
                  {t('identity.party.consent')}
                </button>
              </div>
            </>
          )}
          {read.consented && (
            <div className="step-actions">
              <button type="button" className="primary huge" onClick={onDone} data-testid={`party-next-${party.id}`}>
                {t('journey.step.next')}
              </button>
            </div>
          )}
        </div>
      )}
      {problem && (
        <p className="field-error" role="alert">
          {messageIn(problem, locale)}
        </p>
      )}
      {party.presence === 'optional' && !read?.consented && (
        <div className="step-actions">
          <button type="button" onClick={skip} data-testid={`party-skip-${party.id}`}>
            {t('identity.party.skip')}
          </button>
          <p className="hint">{t('identity.party.skipHint')}</p>
        </div>
      )}
    </section>
  );
}
