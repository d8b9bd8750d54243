import type { UiLocale } from '../i18n';

/** Bilingual data text (zh first, en second) in the current locale. */
export function pick(text: { readonly zh: string; readonly en: string } | undefined, locale: UiLocale): string {
  if (!text) return '';
  return locale === 'en' ? text.en : text.zh;
}
