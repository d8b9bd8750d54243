import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useKiosk } from '../../app/kiosk-context';
import { CandidateBar } from './CandidateBar';
import { answerFor, type Keyed } from './candidate-paging';
import { HandwritingPad } from './HandwritingPad';
import { RadicalPicker } from './RadicalPicker';
import type { Stroke } from './ime/handwriting';
import { ime } from './ime/load';
import type { Candidate } from './ime/pinyin-engine';
import './keyboard.css';

import type { KeyboardLayout } from './layout';
export type { KeyboardLayout } from './layout';
/** How Chinese is entered: pinyin, handwriting (手写) or radical + strokes (部首); or plain letters. */
type Mode = 'pinyin' | 'handwriting' | 'radical' | 'letters' | 'digits' | 'id-number';

const LETTER_ROWS = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm'] as const;
const DIGIT_ROWS = ['123', '456', '789'] as const;

export interface OnScreenKeyboardProps {
  readonly layout: KeyboardLayout;
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly onDone: () => void;
  /** Upper-case letters (USCC, receipt numbers). */
  readonly upper?: boolean;
  /** Counted in characters (code points), so a character beyond the BMP counts once. */
  readonly maxLength?: number;
  /** A person's name: candidates ranked by names' usage, the surname first. */
  readonly names?: boolean;
}

/**
 * The latest answer of an asynchronous lookup, with the input it answers; an answer to older input is dropped.
 * The caller shows it only for the input now on screen (`answerFor`).
 */
function useAnswer<T, K>(ask: (() => Promise<T>) | null, key: K): Keyed<T, K> | null {
  const [answer, setAnswer] = useState<Keyed<T, K> | null>(null);
  useEffect(() => {
    if (!ask) return;
    let live = true;
    void ask().then((value) => live && setAnswer({ key, value }));
    return () => {
      live = false;
    };
  }, [ask, key]);
  return answer;
}

const NO_CANDIDATES = { candidates: [] as readonly Candidate[], spelled: '' };
const NOTHING_WRITTEN: readonly string[] = [];

/**
 * Kiosks have no keyboard. Every key is a real button (reachable, labelled,
 * ≥ the target size), laid out in the page under the field — never a pop-up.
 * Chinese comes by pinyin (phrases, full or initials, paged candidates), by
 * handwriting, or by radical and strokes; elderly mode offers handwriting
 * first, with larger keys and candidates that can be read aloud.
 */
export function OnScreenKeyboard({ layout, value, onChange, onDone, upper = false, maxLength = 200, names = false }: OnScreenKeyboardProps) {
  const { t } = useTranslation();
  const { elderly } = useKiosk();
  const [buffer, setBuffer] = useState('');
  const [strokes, setStrokes] = useState<readonly Stroke[]>([]);
  const [mode, setMode] = useState<Mode>(layout === 'pinyin' && elderly ? 'handwriting' : layout);
  const chinese = layout === 'pinyin';
  const atStart = value === '';
  // A Chinese field warms the pinyin worker at once, in every mode: elderly mode opens on handwriting, and the
  // first letters typed after switching must not wait for the dictionary to load.
  useEffect(() => {
    if (chinese) void ime.lookup('', {});
  }, [chinese]);
  // An empty buffer still asks once, so the pinyin worker is warm before the first letter.
  const pinyinKey = `${names ? 'n' : ''}${atStart ? 's' : ''}:${buffer}`;
  const askPinyin = useMemo(() => (mode === 'pinyin' ? () => (buffer ? ime.lookup(buffer, { names, atStart }) : ime.lookup('', {})) : null), [mode, buffer, names, atStart]);
  const askWritten = useMemo(() => (mode === 'handwriting' ? () => (strokes.length ? ime.recognize(strokes, 10) : ime.recognize([], 10)) : null), [mode, strokes]);
  const lookedUp = useAnswer(askPinyin, pinyinKey);
  const recognisedAnswer = useAnswer(askWritten, strokes);
  // Only the answer to what is on screen now: never the candidates of a shorter buffer or of fewer strokes.
  const looked = answerFor(lookedUp, pinyinKey, NO_CANDIDATES);
  const pinyin = buffer ? looked.value.candidates : NO_CANDIDATES.candidates;
  const pinyinTexts = useMemo(() => pinyin.map((c) => c.text), [pinyin]);
  const recognised = answerFor(recognisedAnswer, strokes, NOTHING_WRITTEN);
  const written = strokes.length ? recognised.value : NOTHING_WRITTEN;
  const pinyinWarm = lookedUp !== null;
  const handwritingWarm = recognisedAnswer !== null;

  const append = (s: string) => {
    if (Array.from(value).length + Array.from(s).length <= maxLength) onChange(value + s);
  };
  const press = (key: string) => {
    if (mode === 'pinyin') setBuffer((b) => (b + key).slice(0, 32));
    else append(upper ? key.toUpperCase() : key);
  };
  const backspace = () => {
    if (mode === 'pinyin' && buffer) setBuffer((b) => b.slice(0, -1));
    else onChange(Array.from(value).slice(0, -1).join(''));
  };
  const choosePinyin = (i: number) => {
    const c = pinyin[i];
    if (!c) return;
    append(c.text);
    setBuffer((b) => b.slice(c.consumed));
  };
  const switchTo = (m: Mode) => {
    setBuffer('');
    setStrokes([]);
    setMode(m);
  };

  const key = (k: string, label = k) => (
    <button key={k} type="button" className="key" onClick={() => press(k)} aria-label={label.toUpperCase()}>
      {upper || mode !== 'pinyin' ? label.toUpperCase() : label}
    </button>
  );
  const tab = (m: Mode, label: string) => (
    <button type="button" className="key wide tab" aria-pressed={mode === m} onClick={() => switchTo(m)} data-testid={`keyboard-mode-${m}`}>
      {label}
    </button>
  );
  const loading = <span className="pinyin-buffer">{t('journey.keyboard.loading')}</span>;

  return (
    <div className="keyboard" role="group" aria-label={t('journey.keyboard.label')} data-testid="keyboard" data-layout={mode}>
      {chinese && (
        <div className="key-row keyboard-modes" role="group" aria-label={t('journey.keyboard.modes')}>
          {tab('pinyin', t('journey.keyboard.toChinese'))}
          {tab('handwriting', t('journey.keyboard.handwriting'))}
          {tab('radical', t('journey.keyboard.radical'))}
          {tab('letters', t('journey.keyboard.toLetters'))}
        </div>
      )}
      {mode === 'pinyin' && (
        <CandidateBar
          candidates={pinyinTexts}
          onChoose={choosePinyin}
          pending={buffer !== '' && looked.pending}
          holdTwoRows
          leadLine
          lead={
            pinyinWarm ? (
              <span className="pinyin-buffer" data-testid="pinyin-buffer">
                {buffer ? (looked.pending ? buffer : looked.value.spelled || buffer) : t('journey.keyboard.pinyinHint')}
              </span>
            ) : (
              loading
            )
          }
        />
      )}
      {mode === 'handwriting' && (
        <>
          <CandidateBar
            candidates={written}
            onChoose={(i) => {
              append(written[i]!);
              setStrokes([]);
            }}
            pending={strokes.length > 0 && recognised.pending}
            holdTwoRows
            lead={handwritingWarm ? strokes.length === 0 && <span className="pinyin-buffer">{t('journey.keyboard.handwritingHint')}</span> : loading}
          />
          <HandwritingPad strokes={strokes} onStrokes={setStrokes} />
        </>
      )}
      {mode === 'radical' && <RadicalPicker onChoose={append} />}
      {(mode === 'digits' || mode === 'id-number') && (
        <div className="key-grid digits">
          {DIGIT_ROWS.map((row) => (
            <div className="key-row" key={row}>
              {Array.from(row).map((k) => key(k))}
            </div>
          ))}
          <div className="key-row">
            {mode === 'id-number' ? key('X') : <span className="key-spacer" />}
            {key('0')}
            <button type="button" className="key" onClick={backspace}>
              {t('journey.keyboard.backspace')}
            </button>
          </div>
        </div>
      )}
      {(mode === 'letters' || mode === 'pinyin') && (
        <div className="key-grid letters">
          {mode === 'letters' && <div className="key-row">{Array.from('1234567890-').map((k) => key(k, k === '-' ? '-' : k))}</div>}
          {LETTER_ROWS.map((row) => (
            <div className="key-row" key={row}>
              {Array.from(row).map((k) => key(k))}
            </div>
          ))}
          <div className="key-row">
            {mode === 'letters' && layout === 'letters' ? null : (
              <button type="button" className="key wide" onClick={() => (mode === 'pinyin' && buffer ? choosePinyin(0) : append(' '))}>
                {t('journey.keyboard.space')}
              </button>
            )}
            <button type="button" className="key wide" onClick={backspace}>
              {t('journey.keyboard.backspace')}
            </button>
          </div>
        </div>
      )}
      {(mode === 'handwriting' || mode === 'radical') && (
        <div className="key-row">
          <button type="button" className="key wide" onClick={backspace}>
            {t('journey.keyboard.backspace')}
          </button>
        </div>
      )}
      <button type="button" className="primary key-done" onClick={() => (setBuffer(''), onDone())}>
        {t('journey.keyboard.done')}
      </button>
    </div>
  );
}
