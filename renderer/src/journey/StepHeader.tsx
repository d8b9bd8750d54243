import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { VoicePrompt } from '../voice/VoicePrompt';

/** Heading, "第 2 步，共 5 步", and the spoken prompt of one journey screen. Focus moves to the heading for screen readers. */
export function StepHeader({ title, step, total, prompt }: { title: string; step?: number; total?: number; prompt: string }) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [title]);
  return (
    <header className="step-header">
      {step !== undefined && total !== undefined && (
        <p className="step-progress" data-testid="step-progress">
          {t('journey.step.of', { n: step, total })}
        </p>
      )}
      <h1 ref={heading} tabIndex={-1} id="step-heading">
        {title}
      </h1>
      <VoicePrompt text={prompt} />
    </header>
  );
}
