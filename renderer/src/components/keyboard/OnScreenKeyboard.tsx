import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { candidateIndex } from './pinyin-candidates';

/** Which keys a field needs: numbers only, an ID number (digits + X), letters and digits, or Chinese by pinyin. */
export type KeyboardLayout = 'digits' | 'id-number' | 'letters' | 'pinyin';

const LETTER_ROWS = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm'] as const;
const DIGIT_ROWS = ['123', '456', '789'] as const;

export interface OnScreenKeyboardProps {
  readonly layout: KeyboardLayout;
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly onDone: () => void;
  /** Upper-case letters (USCC, receipt numbers). */
  readonly upper?: boolean;
  readonly maxLength?: number;
}

/**
 * Kiosks have no keyboard. Every key is a real button (reachable, labelled,
 * ≥ the target size), laid out in the page under the field — never a pop-up.
 * In pinyin mode letters collect in a buffer and the candidate row turns
 * them into characters.
 */
export function OnScreenKeyboard({ layout, value, onChange, onDone, upper = false, maxLength = 200 }: OnScreenKeyboardProps) {
  const { t } = useTranslation();
  const [buffer, setBuffer] = useState('');
  const [mode, setMode] = useState<KeyboardLayout>(layout);
  const lookup = useMemo(() => (mode === 'pinyin' && buffer ? candidateIndex().lookup(buffer) : { consumed: 0, candidates: [] as readonly string[] }), [mode, buffer]);

  const append = (s: string) => {
    if (value.length + s.length <= maxLength) onChange(value + s);
  };
  const press = (key: string) => {
    if (mode === 'pinyin') setBuffer((b) => (b + key).slice(0, 24));
    else append(upper ? key.toUpperCase() : key);
  };
  const backspace = () => {
    if (mode === 'pinyin' && buffer) setBuffer((b) => b.slice(0, -1));
    else onChange(Array.from(value).slice(0, -1).join(''));
  };
  const choose = (ch: string) => {
    append(ch);
    setBuffer((b) => b.slice(lookup.consumed));
  };

  const key = (k: string, label = k) => (
    <button key={k} type="button" className="key" onClick={() => press(k)} aria-label={label.toUpperCase()}>
      {upper || mode !== 'pinyin' ? label.toUpperCase() : label}
    </button>
  );

  return (
    <div className="keyboard" role="group" aria-label={t('journey.keyboard.label')} data-testid="keyboard" data-layout={mode}>
      {mode === 'pinyin' && (
        <div className="candidates" aria-live="polite">
          <span className="pinyin-buffer" data-testid="pinyin-buffer">
            {buffer || t('journey.keyboard.pinyinHint')}
          </span>
          {lookup.candidates.map((c) => (
            <button key={c} type="button" className="key candidate" onClick={() => choose(c)} data-testid="candidate">
              {c}
            </button>
          ))}
        </div>
      )}
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
            {layout === 'pinyin' && (
              <button type="button" className="key wide" onClick={() => { setBuffer(''); setMode(mode === 'pinyin' ? 'letters' : 'pinyin'); }}>
                {mode === 'pinyin' ? t('journey.keyboard.toLetters') : t('journey.keyboard.toChinese')}
              </button>
            )}
            {mode === 'letters' && layout === 'letters' ? null : (
              <button type="button" className="key wide" onClick={() => (mode === 'pinyin' && buffer ? lookup.candidates[0] && choose(lookup.candidates[0]) : append(' '))}>
                {t('journey.keyboard.space')}
              </button>
            )}
            <button type="button" className="key wide" onClick={backspace}>
              {t('journey.keyboard.backspace')}
            </button>
          </div>
        </div>
      )}
      <button type="button" className="primary key-done" onClick={() => { setBuffer(''); onDone(); }}>
        {t('journey.keyboard.done')}
      </button>
    </div>
  );
}
