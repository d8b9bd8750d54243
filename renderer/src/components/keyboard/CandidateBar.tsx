import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useKiosk } from '../../app/kiosk-context';

function wavUrl(base64: string): string {
  const bin = atob(base64);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return URL.createObjectURL(new Blob([bytes], { type: 'audio/wav' }));
}

/**
 * One page of candidates, with 上一页/下一页. In elderly mode the buttons are
 * larger, fewer to a page, and each has a 读 button beside it that speaks the
 * candidate (the host's voice service) before the resident chooses it.
 */
export function CandidateBar({ candidates, onChoose, lead }: { candidates: readonly string[]; onChoose: (index: number) => void; lead?: React.ReactNode }) {
  const { t } = useTranslation();
  const { client, elderly } = useKiosk();
  const size = elderly ? 6 : 8;
  const [page, setPage] = useState(0);
  const audio = useRef<HTMLAudioElement | null>(null);
  const pages = Math.max(1, Math.ceil(candidates.length / size));
  useEffect(() => setPage(0), [candidates]);
  const shown = candidates.slice(page * size, page * size + size);
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
    <div className="candidates" aria-live="polite" data-testid="candidates" data-page={page + 1} data-pages={pages}>
      {lead}
      {shown.map((c, i) => (
        <span className="candidate-cell" key={`${page}-${c}`}>
          <button type="button" className="key candidate" lang="zh-CN" onClick={() => onChoose(page * size + i)} data-testid="candidate">
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
        <span className="candidate-pager">
          <button type="button" className="key" disabled={page === 0} onClick={() => setPage((p) => p - 1)} data-testid="candidates-prev">
            {t('journey.keyboard.prevPage')}
          </button>
          <button type="button" className="key" disabled={page + 1 >= pages} onClick={() => setPage((p) => p + 1)} data-testid="candidates-next">
            {t('journey.keyboard.nextPage')}
          </button>
        </span>
      )}
      <audio ref={audio} data-testid="candidate-audio" />
    </div>
  );
}
