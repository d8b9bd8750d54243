import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CardField } from '../../../contract';
import { useKiosk } from '../app/kiosk-context';

/**
 * Personal data stay masked on screen; the resident holds 显示 to read one
 * field, and it hides the moment the finger lifts. The clear value is asked
 * from the host on press and dropped on release.
 */
export function HoldToReveal({ field, value, masked, labelId, testId }: { field?: CardField; value?: string; masked: string; labelId: string; testId?: string }) {
  const { t } = useTranslation();
  const { client } = useKiosk();
  const [clear, setClear] = useState<string | null>(null);
  // A card field is asked from the host; a value the resident typed is already here and only shown while held.
  const show = () => {
    if (value !== undefined) setClear(value);
    else if (field) void client.api['journey.revealCardField']({ field }).then((r) => r.ok && setClear(r.value.value));
  };
  const hide = () => setClear(null);
  return (
    <span className="reveal">
      <output className="card-value" aria-labelledby={labelId} data-testid={testId ?? `card-${field}`} data-masked={clear === null}>
        {clear ?? masked}
      </output>
      <button
        type="button"
        className="reveal-button"
        onPointerDown={show}
        onPointerUp={hide}
        onPointerLeave={hide}
        onPointerCancel={hide}
        onKeyDown={(e) => (e.key === ' ' || e.key === 'Enter') && !e.repeat && show()}
        onKeyUp={hide}
        onBlur={hide}
        onContextMenu={(e) => e.preventDefault()}
        aria-describedby={`${labelId}-hint`}
      >
        {t('journey.form.reveal')}
      </button>
      <span id={`${labelId}-hint`} className="visually-hidden">
        {t('journey.form.revealHint')}
      </span>
    </span>
  );
}
