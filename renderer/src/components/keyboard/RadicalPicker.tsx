import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CandidateBar } from './CandidateBar';
import type { Radical } from './ime/hanzi-table';
import { ime } from './ime/load';

/**
 * 部首查字: the way to a character neither pinyin nor handwriting finds.
 * Choose the radical's stroke count, the radical, then the strokes left
 * over; every character of the table (Ext A and the name characters beyond
 * the BMP included) sits under exactly one radical.
 */
export function RadicalPicker({ onChoose }: { onChoose: (ch: string) => void }) {
  const { t } = useTranslation();
  const [radicals, setRadicals] = useState<readonly Radical[] | null>(null);
  const [strokes, setStrokes] = useState<number | null>(null);
  const [radical, setRadical] = useState<string | null>(null);
  const [residual, setResidual] = useState<number | null>(null);
  const [under, setUnder] = useState<readonly { char: string; residual: number }[]>([]);
  useEffect(() => {
    let live = true;
    void ime.radicals().then((r) => live && setRadicals(r));
    return () => {
      live = false;
    };
  }, []);
  useEffect(() => {
    let live = true;
    setUnder([]);
    if (radical) void ime.underRadical(radical).then((u) => live && setUnder(u));
    return () => {
      live = false;
    };
  }, [radical]);
  const strokeCounts = useMemo(() => [...new Set((radicals ?? []).map((r) => r.strokes))].sort((a, b) => a - b), [radicals]);
  const residuals = useMemo(() => [...new Set(under.map((c) => c.residual))].sort((a, b) => a - b), [under]);
  const chars = useMemo(() => under.filter((c) => c.residual === residual).map((c) => c.char), [under, residual]);
  if (!radicals) return <span className="pinyin-buffer">{t('journey.keyboard.loading')}</span>;
  const chosen = radicals.find((r) => r.id === radical);

  return (
    <div className="radical-picker" data-testid="radical-picker">
      <div className="key-row wrap" role="group" aria-label={t('journey.keyboard.radicalStrokes')}>
        {strokeCounts.map((n) => (
          <button key={n} type="button" className="key small" aria-pressed={strokes === n} onClick={() => (setStrokes(n), setRadical(null), setResidual(null))} data-testid={`radical-strokes-${n}`}>
            {t('journey.keyboard.strokes', { count: n })}
          </button>
        ))}
      </div>
      {strokes !== null && radical === null && (
        <div className="key-row wrap" role="group" aria-label={t('journey.keyboard.radicals')}>
          {radicals
            .filter((r) => r.strokes === strokes)
            .map((r) => (
              <button key={r.id} type="button" className="key candidate" lang="zh-CN" onClick={() => (setRadical(r.id), setResidual(null))} data-testid="radical">
                {r.char}
              </button>
            ))}
        </div>
      )}
      {chosen && (
        <div className="key-row wrap" role="group" aria-label={t('journey.keyboard.residualStrokes', { radical: chosen.char })}>
          <button type="button" className="key small" onClick={() => (setRadical(null), setResidual(null))} data-testid="radical-back">
            {t('journey.keyboard.otherRadical', { radical: chosen.char })}
          </button>
          {residuals.map((n) => (
            <button key={n} type="button" className="key small" aria-pressed={residual === n} onClick={() => setResidual(n)} data-testid={`residual-${n}`}>
              {t('journey.keyboard.plusStrokes', { count: n })}
            </button>
          ))}
        </div>
      )}
      {residual !== null && <CandidateBar candidates={chars} onChoose={(i) => onChoose(chars[i]!)} />}
    </div>
  );
}
