import { useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useKiosk } from '../../app/kiosk-context';
import { ELDERLY_BAR, pageFor, pageItems, pageStarts, PORTRAIT_BAR, type BarGeometry, type Paged } from './candidate-paging';

function wavUrl(base64: string): string {
  const bin = atob(base64);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return URL.createObjectURL(new Blob([bytes], { type: 'audio/wav' }));
}

/** The bar's width and the pager's, as drawn (a ResizeObserver follows the bar; the pager's depends on the language). */
function useBarGeometry(base: BarGeometry): [React.RefObject<HTMLDivElement | null>, React.RefObject<HTMLSpanElement | null>, BarGeometry] {
  const bar = useRef<HTMLDivElement | null>(null);
  const pager = useRef<HTMLSpanElement | null>(null);
  const [measured, setMeasured] = useState<{ width: number; pager: number } | null>(null);
  useLayoutEffect(() => {
    const el = bar.current;
    if (!el) return;
    const measure = () => {
      const width = el.clientWidth;
      const pagerWidth = pager.current?.getBoundingClientRect().width;
      setMeasured((m) => {
        const next = { width: width > 0 ? width : (m?.width ?? 0), pager: pagerWidth ? Math.ceil(pagerWidth) : (m?.pager ?? 0) };
        return m && next.width === m.width && next.pager === m.pager ? m : next;
      });
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    if (pager.current) observer.observe(pager.current);
    return () => observer.disconnect();
  });
  const geometry = useMemo(
    () => ({ ...base, width: measured?.width || base.width, pager: measured?.pager || base.pager }),
    [base, measured],
  );
  return [bar, pager, geometry];
}

/**
 * One page of candidates, with 上一页/下一页. A page is what two rows of the bar
 * hold (pageStarts): a single character is one touch target wide, so a page of
 * them holds more than a page of names. In elderly mode the buttons are larger,
 * fewer to a page, and each has a 读 button beside it that speaks the candidate
 * (the host's voice service) before the resident chooses it.
 * `pending`: the answer to what is typed now is on its way (nothing stale is shown meanwhile).
 * `holdTwoRows`: the bar keeps the height of its two rows even while empty, so what stands below it (the
 * handwriting pad, the letter keys) does not move under the resident's finger when the first candidates
 * arrive. `leadLine`: the lead (what is typed) always stands on its own line above the two rows, and that
 * line is held too.
 */
export function CandidateBar({
  candidates,
  onChoose,
  lead,
  pending = false,
  holdTwoRows = false,
  leadLine = false,
}: {
  candidates: readonly string[];
  onChoose: (index: number) => void;
  lead?: React.ReactNode;
  pending?: boolean;
  holdTwoRows?: boolean;
  leadLine?: boolean;
}) {
  const { t } = useTranslation();
  const { client, elderly } = useKiosk();
  const [barRef, pagerRef, geometry] = useBarGeometry(elderly ? ELDERLY_BAR : PORTRAIT_BAR);
  const starts = useMemo(() => pageStarts(candidates, geometry), [candidates, geometry]);
  // The page turned is kept with the list it was turned on: a new list opens on page 1 (not even one render late).
  const [paged, setPaged] = useState<Paged<readonly string[]>>({ list: candidates, page: 0 });
  const { page, pages } = pageFor(paged, candidates, starts);
  const setPage = (p: number) => setPaged({ list: candidates, page: p });
  const audio = useRef<HTMLAudioElement | null>(null);
  const shown = pageItems(candidates, page, starts);
  const speak = (text: string) => {
    void client.api['voice.speak']({ text, locale: 'zh-CN' }).then((r) => {
      if (!r.ok || !audio.current) return;
      const old = audio.current.src;
      audio.current.src = wavUrl(r.value.base64);
      audio.current.dataset['spoken'] = text;
      if (old.startsWith('blob:')) URL.revokeObjectURL(old);
      audio.current.play().catch(() => undefined);
    });
  };
  return (
    <div className={['candidates', holdTwoRows && 'two-rows', holdTwoRows && leadLine && 'with-lead'].filter(Boolean).join(' ')} ref={barRef} aria-live="polite" aria-busy={pending} data-testid="candidates" data-page={page + 1} data-pages={pages} data-pending={pending}>
      {lead}
      {shown.map(({ item: c, index }) => (
        <span className="candidate-cell" key={`${page}-${c}`}>
          <button type="button" className="key candidate" lang="zh-CN" onClick={() => onChoose(index)} data-testid="candidate">
            {c}
          </button>
          {elderly && (
            <button type="button" className="key speak" onClick={() => speak(c)} aria-label={t('journey.keyboard.readAloud', { text: c })} data-testid="candidate-speak">
              {t('journey.keyboard.read')}
            </button>
          )}
        </span>
      ))}
      {pages > 1 && (
        <span className="candidate-pager" ref={pagerRef}>
          <button type="button" className="key" disabled={page === 0} onClick={() => setPage(page - 1)} data-testid="candidates-prev">
            {t('journey.keyboard.prevPage')}
          </button>
          <button type="button" className="key" disabled={page + 1 >= pages} onClick={() => setPage(page + 1)} data-testid="candidates-next">
            {t('journey.keyboard.nextPage')}
          </button>
        </span>
      )}
      <audio ref={audio} data-testid="candidate-audio" />
    </div>
  );
}
