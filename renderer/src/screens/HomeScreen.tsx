import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { LIFE_EVENTS, type OneThing } from '../../../contract/catalog';
import { createCatalogSearch } from '../../../contract/catalog/search';
import { useKiosk } from '../app/kiosk-context';
import { useActiveCatalog } from '../catalog/active-catalog';
import { useStaff } from '../assisted/staff';
import { OnScreenKeyboard } from '../components/keyboard/OnScreenKeyboard';
import { journeyFor } from '../journey/journeys-source';
import { VoicePrompt } from '../voice/VoicePrompt';
import { Pictogram } from './pictograms';

const BUSINESS_EVENTS = new Set(['business-start', 'business-operation', 'business-exit', 'construction']);
const byLifeEvent = (things: readonly OneThing[], business: boolean) =>
  LIFE_EVENTS.filter((ev) => BUSINESS_EVENTS.has(ev.id) === business).flatMap((ev) => things.filter((x) => x.lifeEvent === ev.id).map((x) => x.id));
const groupsOf = (things: readonly OneThing[]) =>
  [
    { id: 'people', ids: byLifeEvent(things, false) },
    { id: 'business', ids: byLifeEvent(things, true) },
  ] as const;

/**
 * The 27 一件事 grouped the way people think of them (life events, people
 * first, then businesses), a search that takes hanzi or pinyin initials,
 * and the other services: progress query, 办不成事, assisted mode.
 */
export function HomeScreen() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { session, locale } = useKiosk();
  const staff = useStaff();
  const identity = session?.identity ?? null;
  const [query, setQuery] = useState('');
  const [typing, setTyping] = useState(false);
  // The catalog in use (a verified platform update or the built-in one): texts change, ids do not.
  const catalog = useActiveCatalog();
  const GROUPS = useMemo(() => groupsOf(catalog.oneThings), [catalog]);
  const search = useMemo(() => createCatalogSearch(catalog.oneThings), [catalog]);
  const results = useMemo(() => (query.trim() ? search(query).map((h) => h.thing) : null), [query, search]);

  const tile = (id: string) => {
    const thing = catalog.oneThings.find((x) => x.id === id)!;
    const wired = journeyFor(id)?.wired !== undefined;
    return (
      <li key={id}>
        <button type="button" className="thing-tile" onClick={() => navigate(`/journey/${id}`)} data-testid={`thing-${id}`}>
          <Pictogram id={id} locale={locale} />
          <span className="thing-name">{locale === 'en' ? thing.nameEn : thing.name}</span>
          {!wired && <span className="tag">{t('journey.home.guideOnly')}</span>}
        </button>
      </li>
    );
  };

  return (
    <section className="home" aria-labelledby="home-heading">
      <h1 id="home-heading">{identity ? t('home.greeting', { name: identity.name }) : t('home.heading')}</h1>
      <VoicePrompt text={identity ? t('home.heading') : `${t('home.heading')}。${t('home.notIdentified')}`} />
      <p className="identity-line" data-testid="identity" role="status">
        {identity ? t('home.identified', { name: identity.name, id: identity.idNumber }) : t('home.notIdentified')}
      </p>
      {identity?.expired && <p className="warning">{t('home.expired')}</p>}
      {staff && (
        <p className="assisted-note" data-testid="assisted-banner">
          {t('journey.assisted.signedIn', { name: staff.displayName })}
        </p>
      )}
      <div className="search">
        <label htmlFor="home-search" className="field-label">
          {t('journey.home.searchLabel')}
        </label>
        <div className="search-row">
          <input
            id="home-search"
            className="text-input"
            value={query}
            inputMode="none"
            autoComplete="off"
            placeholder={t('journey.home.searchPlaceholder')}
            onFocus={() => setTyping(true)}
            onChange={(e) => setQuery(e.target.value)}
            data-testid="home-search"
          />
          {query && (
            <button type="button" onClick={() => setQuery('')}>
              {t('journey.home.clear')}
            </button>
          )}
        </div>
        {typing && <OnScreenKeyboard layout="pinyin" value={query} onChange={setQuery} onDone={() => setTyping(false)} />}
      </div>
      {results ? (
        <div aria-live="polite">
          {results.length === 0 ? <p data-testid="no-match">{t('journey.home.noMatch', { q: query })}</p> : <ul className="thing-grid" data-testid="search-results">{results.map((r) => tile(r.id))}</ul>}
        </div>
      ) : (
        // Two large-tile grids in life-event order (people, then businesses): the whole catalog on about two screens.
        GROUPS.map((g) => (
          <section key={g.id} className="life-event" aria-labelledby={`ev-${g.id}`}>
            <h2 id={`ev-${g.id}`}>{t(`journey.home.${g.id}`)}</h2>
            <ul className="thing-grid">{g.ids.map(tile)}</ul>
          </section>
        ))
      )}
      <section className="life-event" aria-labelledby="ev-more">
        <h2 id="ev-more">{t('journey.home.more')}</h2>
        <ul className="thing-grid">
          <li>
            <button type="button" className="thing-tile" onClick={() => navigate('/progress')} data-testid="go-progress">
              <Pictogram id="progress" locale={locale} />
              <span className="thing-name">{t('journey.home.progress')}</span>
              <span className="tile-hint">{t('journey.home.progressHint')}</span>
            </button>
          </li>
          <li>
            <button type="button" className="thing-tile" onClick={() => navigate('/appointments')} data-testid="go-appointments">
              <Pictogram id="appointment" locale={locale} />
              <span className="thing-name">{t('journey.home.appointments')}</span>
              <span className="tile-hint">{t('journey.home.appointmentsHint')}</span>
            </button>
          </li>
          <li>
            <button type="button" className="thing-tile" onClick={() => navigate('/feedback')} data-testid="go-feedback">
              <Pictogram id="feedback" locale={locale} />
              <span className="thing-name">{t('journey.home.feedback')}</span>
              <span className="tile-hint">{t('journey.home.feedbackHint')}</span>
            </button>
          </li>
          <li>
            <button type="button" className="thing-tile" onClick={() => navigate('/assisted')} data-testid="go-assisted">
              <Pictogram id="assisted" locale={locale} />
              <span className="thing-name">{t('journey.home.assisted')}</span>
              <span className="tile-hint">{t('journey.home.assistedHint')}</span>
            </button>
          </li>
        </ul>
      </section>
    </section>
  );
}
