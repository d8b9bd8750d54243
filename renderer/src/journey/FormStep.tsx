import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CardField, FormValues } from '../../../contract';
import type { FieldProblem } from '../../../contract/journeys/engine';
import type { Field } from '../../../contract/journeys/schema';
import { useKiosk } from '../app/kiosk-context';
import { useHostScans } from '../scan/useHostScans';
import { EnterpriseLookup, useEnterpriseLookup } from './EnterpriseLookup';
import { HoldToReveal } from '../components/HoldToReveal';
import { OnScreenKeyboard } from '../components/keyboard/OnScreenKeyboard';
import { layoutFor } from './field-layout';
import { StepHeader } from './StepHeader';
import { pick } from './text';

/** Digits typed for a date become 2024-05-01 as they come. */
function formatDateDigits(v: string): string {
  const d = v.replace(/\D/g, '').slice(0, 8);
  return [d.slice(0, 4), d.slice(4, 6), d.slice(6, 8)].filter(Boolean).join('-');
}

/**
 * 一表申请: one consolidated form. Card fields are filled and masked (hold
 * 显示 to read); the rest are typed on the on-screen keyboard or chosen with
 * big buttons. Problems appear next to their field, in plain words.
 */
export function FormStep({
  fields,
  values,
  step,
  total,
  onChange,
  onNext,
  check,
  enterpriseNameField,
}: {
  fields: readonly Field[];
  /** The form field holding the enterprise's registered name (payload map), filled by a registry lookup. */
  enterpriseNameField?: string | undefined;
  /** The engine's problems for these values (card fields are checked by the host with the clear card). */
  check: (values: FormValues) => readonly FieldProblem[];
  values: FormValues;
  step: number;
  total: number;
  onChange: (id: string, value: string) => void;
  onNext: () => void;
}) {
  const { t } = useTranslation();
  const { client, locale, session } = useKiosk();
  const [card, setCard] = useState<Record<string, string>>({});
  const [editing, setEditing] = useState<string | null>(null);
  const [shown, setShown] = useState(false);
  const identified = session?.identity != null;
  // The session event already carries the masked name and number: show them at once, the rest when the host answers.
  const fromSession = (field: string) => (field === 'name' ? session?.identity?.name : field === 'idNumber' ? session?.identity?.idNumber : undefined) ?? '—';


  const [cardLoaded, setCardLoaded] = useState(false);
  const consented = new Set((session?.parties ?? []).filter((p) => p.consented).map((p) => p.partyId));
  const partyKey = [...consented].join(',');
  useEffect(() => {
    void client.api['journey.cardFields']({}).then((r) => {
      if (!r.ok) return;
      setCard(r.value);
      setCardLoaded(true);
    });
  }, [client, identified, partyKey]);
  /**
   * A card field shows the card (masked) when its card has the value: the
   * applicant's card, or a party's who swiped and consented. A card without
   * it (no address on a foreigner card) or a party not present leaves it to be typed.
   */
  const shownFromCard = (f: Field): boolean => {
    if (!f.fromCard) return false;
    if (f.fromParty) return consented.has(f.fromParty) && card[`${f.fromParty}.${f.fromCard}`] !== undefined;
    return !cardLoaded || card[f.fromCard] !== undefined;
  };
  const enterprise = useEnterpriseLookup(fields, values, onChange, enterpriseNameField);
  useHostScans((scan) => enterprise.fromScan(scan.text));
  const typedIds = new Set(fields.filter((f) => !shownFromCard(f)).map((f) => f.id));
  const problems: Record<string, { zh: string; en: string }> = {};
  for (const p of check(values)) {
    const id = p.path.replace(/^form\./, '');
    if (typedIds.has(id)) problems[id] ??= { zh: p.message, en: p.messageEn };
  }
  const count = Object.keys(problems).length;
  const next = () => {
    setShown(true);
    setEditing(null);
    if (count === 0) onNext();
  };

  return (
    <section className="journey form" aria-labelledby="step-heading">
      <StepHeader title={t('journey.form.heading')} step={step} total={total} prompt={t('journey.form.lead')} />
      {shown && count > 0 && (
        <p className="error-summary" role="alert" data-testid="error-summary">
          {t('journey.form.fixErrors', { count })}
        </p>
      )}
      <div className="fields">
        {fields.map((f) => {
          const labelId = `label-${f.id}`;
          const problem = shown ? problems[f.id] : undefined;
          const errorId = `error-${f.id}`;
          if (f.fromCard && f.fromParty && shownFromCard(f)) {
            return (
              <div className="field card-field" key={f.id}>
                <span className="field-label" id={labelId}>
                  {pick(f.label, locale)} <span className="tag">{t('journey.form.fromCard')}</span>
                </span>
                <span className="masked-value" aria-labelledby={labelId} data-testid={`party-field-${f.id}`}>
                  {card[`${f.fromParty}.${f.fromCard}`]}
                </span>
              </div>
            );
          }
          if (f.fromCard && shownFromCard(f)) {
            return (
              <div className="field card-field" key={f.id}>
                <span className="field-label" id={labelId}>
                  {pick(f.label, locale)} <span className="tag">{t('journey.form.fromCard')}</span>
                </span>
                <HoldToReveal field={f.fromCard as CardField} masked={card[f.fromCard] ?? fromSession(f.fromCard)} labelId={labelId} />
              </div>
            );
          }
          const value = values[f.id] ?? '';
          if ((f.type === 'choice' || f.type === 'gender') && f.options) {
            return (
              <fieldset className="field" key={f.id} aria-describedby={problem ? errorId : undefined}>
                <legend className="field-label">
                  {pick(f.label, locale)} <span className="tag">{f.required ? t('journey.form.required') : t('journey.form.optional')}</span>
                </legend>
                <div className="choices">
                  {f.options.map((o) => (
                    <button key={o.value} type="button" className={`answer small${value === o.value ? ' chosen' : ''}`} aria-pressed={value === o.value} onClick={() => onChange(f.id, o.value)}>
                      {pick(o.label, locale)}
                    </button>
                  ))}
                </div>
                {problem && (
                  <p className="field-error" id={errorId} data-testid={`error-${f.id}`}>
                    <span aria-hidden="true">⚠ </span>
                    {locale === 'en' ? problem.en : problem.zh}
                  </p>
                )}
              </fieldset>
            );
          }
          const kb = layoutFor(f);
          return (
            <div className={`field${problem ? ' has-error' : ''}`} key={f.id}>
              <label className="field-label" htmlFor={`field-${f.id}`} id={labelId}>
                {pick(f.label, locale)} <span className="tag">{f.required ? t('journey.form.required') : t('journey.form.optional')}</span>
              </label>
              {f.type === 'date' && <span className="hint">{t('journey.form.dateHint')}</span>}
              <input
                id={`field-${f.id}`}
                className="text-input"
                value={value}
                inputMode="none"
                autoComplete="off"
                placeholder={t('journey.form.tapToType')}
                aria-invalid={problem ? true : undefined}
                aria-describedby={problem ? errorId : undefined}
                onFocus={() => setEditing(f.id)}
                onChange={(e) => onChange(f.id, f.type === 'date' ? formatDateDigits(e.target.value) : e.target.value)}
                data-testid={`field-${f.id}`}
              />
              {problem && (
                <p className="field-error" id={errorId} data-testid={`error-${f.id}`}>
                  <span aria-hidden="true">⚠ </span>
                  {locale === 'en' ? problem.en : problem.zh}
                </p>
              )}
              {f.type === 'uscc' && <EnterpriseLookup state={enterprise.state} onLookup={() => enterprise.lookup(value)} />}
              {editing === f.id && (
                <OnScreenKeyboard
                  layout={kb.layout}
                  upper={kb.upper}
                  names={f.type === 'name'}
                  value={value}
                  {...(f.maxLength !== undefined ? { maxLength: f.maxLength } : {})}
                  onChange={(v) => onChange(f.id, f.type === 'date' ? formatDateDigits(v) : v)}
                  onDone={() => setEditing(null)}
                />
              )}
            </div>
          );
        })}
      </div>
      <div className="step-actions">
        <button type="button" className="primary huge" onClick={next} data-testid="form-next">
          {t('journey.step.next')}
        </button>
      </div>
    </section>
  );
}
