import type { TFunction } from 'i18next';

export function ago(t: TFunction, iso: string | null, now = Date.now()): string {
  if (!iso) return t('maintenance.units.never');
  return t('maintenance.units.ago', { t: duration(t, (now - Date.parse(iso)) / 1000) });
}

export function duration(t: TFunction, seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 120) return t('maintenance.units.seconds', { n: s });
  if (s < 7200) return t('maintenance.units.minutes', { n: Math.round(s / 60) });
  return t('maintenance.units.hours', { n: Math.round(s / 3600) });
}

export function size(bytes: number): string {
  if (bytes >= 1024 ** 3) return `${(bytes / 1024 ** 3).toFixed(1)} GB`;
  if (bytes >= 1024 ** 2) return `${(bytes / 1024 ** 2).toFixed(1)} MB`;
  return `${Math.round(bytes / 1024)} KB`;
}
