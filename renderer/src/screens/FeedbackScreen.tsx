import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { FeedbackCategorySchema, type FeedbackCategory } from '../../../contract';
import { oneThingById } from '../catalog/active-catalog';
import { useKiosk } from '../app/kiosk-context';
import { OnScreenKeyboard, type KeyboardLayout } from '../components/keyboard/OnScreenKeyboard';
import { VoicePrompt } from '../voice/VoicePrompt';

/** "办不成事" feedback: what could not be done, an optional call-back number, queued to the platform. */
export function FeedbackScreen() {
  const { t } = useTranslation();
  const { client, locale } = useKiosk();
  // Reached from a matter's guide: the feedback names that 一件事.
  const thingId = ((useLocation().state ?? {}) as { thingId?: string }).thingId ?? null;
  const thing = thingId ? oneThingById(thingId) : undefined;
  const [category, setCategory] = useState<FeedbackCategory>('other');
  const [text, setText] = useState('');
  const [mobile, setMobile] = useState('');
  const [editing, setEditing] = useState<'text' | 'mobile' | null>(null);
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [reference, setReference] = useState<string | null>(null);

  const send = async () => {
    const r = await client.api['feedback.submit']({ category, text, mobile: mobile.trim() ? mobile.trim() : null, thingId: thing ? thing.id : null });
    if (r.ok) return setReference(r.value.reference);
    setProblems(Object.fromEntries((r.issues ?? [{ path: 'text', message: r.message }]).map((i) => [i.path, i.message])));
  };
  if (reference) {
    return (
      <section className="feedback" aria-labelledby="feedback-heading">
        <h1 id="feedback-heading">{t('journey.feedback.heading')}</h1>
        <p role="status" className="ok-note" data-testid="feedback-thanks">
          {t('journey.feedback.thanks', { ref: reference })}
        </p>
      </section>
    );
  }
  const field = (id: 'text' | 'mobile', label: string, value: string, set: (v: string) => void, layout: KeyboardLayout) => (
    <div className={`field${problems[id] ? ' has-error' : ''}`}>
      <label htmlFor={`fb-${id}`} className="field-label">
        {label}
      </label>
      {id === 'text' ? (
        <textarea id={`fb-${id}`} className="text-input" rows={3} value={value} inputMode="none" onFocus={() => setEditing(id)} onChange={(e) => set(e.target.value)} aria-invalid={problems[id] ? true : undefined} aria-describedby={problems[id] ? `fb-${id}-error` : undefined} data-testid={`feedback-${id}`} />
      ) : (
        <input id={`fb-${id}`} className="text-input" value={value} inputMode="none" onFocus={() => setEditing(id)} onChange={(e) => set(e.target.value)} aria-invalid={problems[id] ? true : undefined} aria-describedby={problems[id] ? `fb-${id}-error` : undefined} data-testid={`feedback-${id}`} />
      )}
      {problems[id] && (
        <p className="field-error" id={`fb-${id}-error`}>
          <span aria-hidden="true">⚠ </span>
          {problems[id]}
        </p>
      )}
      {editing === id && <OnScreenKeyboard layout={layout} value={value} onChange={set} onDone={() => setEditing(null)} />}
    </div>
  );
  return (
    <section className="feedback" aria-labelledby="feedback-heading">
      <h1 id="feedback-heading">{t('journey.feedback.heading')}</h1>
      <VoicePrompt text={t('journey.feedback.lead')} />
      {thing && (
        <p data-testid="feedback-thing" data-thing={thing.id}>
          {t('channels.feedback.about', { name: locale === 'en' ? thing.nameEn : thing.name })}
        </p>
      )}
      <fieldset className="field">
        <legend className="field-label">{t('journey.feedback.category')}</legend>
        <div className="choices">
          {FeedbackCategorySchema.options.map((c) => (
            <button key={c} type="button" className={`answer small${category === c ? ' chosen' : ''}`} aria-pressed={category === c} onClick={() => setCategory(c)}>
              {t(`journey.feedback.categories.${c}`)}
            </button>
          ))}
        </div>
      </fieldset>
      {field('text', t('journey.feedback.text'), text, setText, 'pinyin')}
      {field('mobile', t('journey.feedback.mobile'), mobile, setMobile, 'digits')}
      <div className="step-actions">
        <button type="button" className="primary huge" onClick={() => void send()} data-testid="feedback-submit">
          {t('journey.feedback.submit')}
        </button>
      </div>
    </section>
  );
}
