import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { channelsMessages } from './channels';
import { devicesMessages } from './devices';
import { en } from './en';
import { identityMessages } from './identity';
import { journeyMessages } from './journey';
import { maintenanceMessages } from './maintenance';
import { receiptMessages } from './receipt';
import { scanMessages } from './scan';
import { videoMessages } from './video';
import { a4Messages } from './a4';
import { zhCN } from './zh-CN';

export type UiLocale = 'zh-CN' | 'en';

/**
 * A domain's messages: `{ 'zh-CN': {...}, en: {...} }` in
 * `renderer/src/i18n/<domain>.ts`, registered below under its key, then used as
 * t('<domain>.some.key'). zh-CN is written first; en must have the same keys.
 */
export interface DomainMessages<T> {
  readonly 'zh-CN': T;
  readonly en: T;
}

const domains: Record<string, DomainMessages<object>> = {
  journey: journeyMessages,
  maintenance: maintenanceMessages,
  scan: scanMessages,
  receipt: receiptMessages,
  devices: devicesMessages,
  identity: identityMessages,
  channels: channelsMessages,
  video: videoMessages,
  a4: a4Messages,
};

export function initI18n(locale: UiLocale) {
  const build = (lng: UiLocale, core: object) =>
    Object.fromEntries([...Object.entries(core), ...Object.entries(domains).map(([k, m]) => [k, m[lng]])]);
  void i18next.use(initReactI18next).init({
    resources: { 'zh-CN': { translation: build('zh-CN', zhCN) }, en: { translation: build('en', en) } },
    lng: locale,
    fallbackLng: 'zh-CN',
    interpolation: { escapeValue: false },
  });
  return i18next;
}
