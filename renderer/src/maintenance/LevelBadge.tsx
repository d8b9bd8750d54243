import { useTranslation } from 'react-i18next';
import type { HealthLevel } from '../../../contract';

const ICON: Record<HealthLevel, string> = { ok: '✓', warn: '!', fault: '✕' };

/** Red/amber/green always with a symbol and a word: never colour alone. */
export function LevelBadge({ level, testId }: { level: HealthLevel; testId?: string }) {
  const { t } = useTranslation();
  return (
    <span className={`level level-${level}`} data-level={level} data-testid={testId}>
      <span aria-hidden="true">{ICON[level]} </span>
      {t(`maintenance.level.${level}`)}
    </span>
  );
}
