import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Stroke } from './ime/handwriting';

/**
 * 手写: the resident writes one character with a finger; every finished
 * stroke is handed up so candidates follow the writing. 撤销一笔 takes the
 * last stroke back, 重写 clears the pad.
 */
export function HandwritingPad({ strokes, onStrokes }: { strokes: readonly Stroke[]; onStrokes: (s: readonly Stroke[]) => void }) {
  const { t } = useTranslation();
  const pad = useRef<SVGSVGElement | null>(null);
  const [current, setCurrent] = useState<[number, number][] | null>(null);
  const drawing = useRef<[number, number][] | null>(null);
  useEffect(() => {
    if (strokes.length === 0) drawing.current = null;
  }, [strokes]);

  const at = (e: React.PointerEvent): [number, number] => {
    const r = pad.current!.getBoundingClientRect();
    return [((e.clientX - r.left) / r.width) * 1000, ((e.clientY - r.top) / r.height) * 1000];
  };
  const down = (e: React.PointerEvent) => {
    e.preventDefault();
    (e.target as Element).setPointerCapture?.(e.pointerId);
    drawing.current = [at(e)];
    setCurrent(drawing.current);
  };
  const move = (e: React.PointerEvent) => {
    if (!drawing.current) return;
    drawing.current = [...drawing.current, at(e)];
    setCurrent(drawing.current);
  };
  const up = () => {
    const s = drawing.current;
    drawing.current = null;
    setCurrent(null);
    if (s && s.length > 0) onStrokes([...strokes, s]);
  };
  const path = (s: Stroke) => s.map(([x, y]) => `${x.toFixed(0)},${y.toFixed(0)}`).join(' ');

  return (
    <div className="handwriting">
      <svg
        ref={pad}
        className="handwriting-pad"
        viewBox="0 0 1000 1000"
        role="img"
        aria-label={t('journey.keyboard.padLabel', { count: strokes.length })}
        data-testid="handwriting-pad"
        data-strokes={strokes.length}
        onPointerDown={down}
        onPointerMove={move}
        onPointerUp={up}
        onPointerCancel={up}
      >
        <line x1="500" y1="0" x2="500" y2="1000" className="guide" />
        <line x1="0" y1="500" x2="1000" y2="500" className="guide" />
        {strokes.map((s, i) => (
          <polyline key={i} points={path(s)} className="ink" />
        ))}
        {current && <polyline points={path(current)} className="ink" />}
      </svg>
      <div className="handwriting-actions">
        <button type="button" className="key" disabled={strokes.length === 0} onClick={() => onStrokes(strokes.slice(0, -1))} data-testid="handwriting-undo">
          {t('journey.keyboard.undoStroke')}
        </button>
        <button type="button" className="key" disabled={strokes.length === 0} onClick={() => onStrokes([])} data-testid="handwriting-clear">
          {t('journey.keyboard.rewrite')}
        </button>
      </div>
    </div>
  );
}
