import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useKiosk } from '../app/kiosk-context';

function wavUrl(base64: string): string {
  const bin = atob(base64);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return URL.createObjectURL(new Blob([bytes], { type: 'audio/wav' }));
}

/**
 * Voice guidance (适老化): in elderly mode each screen's prompt is spoken by
 * the host's synthesiser. The same words are always on screen, here, so a
 * resident who cannot hear still reads them.
 */
export function VoicePrompt({ text }: { text: string }) {
  const { t } = useTranslation();
  const { client, elderly, locale } = useKiosk();
  const audio = useRef<HTMLAudioElement | null>(null);
  const spoken = useRef<HTMLParagraphElement | null>(null);

  useEffect(() => {
    if (!elderly) return;
    let cancelled = false;
    let url: string | null = null;
    void client.api['voice.speak']({ text, locale }).then((r) => {
      if (cancelled || !r.ok || !audio.current) return;
      url = wavUrl(r.value.base64);
      audio.current.src = url;
      spoken.current?.setAttribute('data-spoken', 'true');
      // Autoplay may be refused before the first touch; the text is on screen regardless.
      audio.current.play().catch(() => undefined);
    });
    return () => {
      cancelled = true;
      audio.current?.pause();
      if (url) URL.revokeObjectURL(url);
    };
  }, [client, elderly, locale, text]);

  return (
    <>
      <p className="voice-prompt" data-testid="voice-prompt" ref={spoken} data-spoken="false">
        {elderly && (
          <span className="voice-label">
            <span aria-hidden="true">♪ </span>
            {t('journey.voice.label')}：
          </span>
        )}
        {text}
      </p>
      <audio ref={audio} data-testid="voice-audio" />
    </>
  );
}
