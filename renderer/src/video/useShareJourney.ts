import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { FormValues } from '../../../contract';
import type { Field } from '../../../contract/journeys/schema';
import { useKiosk } from '../app/kiosk-context';
import { formRows } from '../journey/form-rows';
import { publishJourneyView } from './store';
import { maskedFields } from './view';

/** A journey screen offers its name and masked form to video help (sent only during a call the resident agreed to share). */
export function useShareJourney(screen: string | null, fields: readonly Field[], form: FormValues, thingId?: string): void {
  const { t } = useTranslation();
  const { locale } = useKiosk();
  const fromCard = t('journey.form.fromCard');
  useEffect(() => {
    publishJourneyView(screen === null ? null : { screen, fields: maskedFields(formRows(fields, form, locale, fromCard)), ...(thingId ? { thingId } : {}) });
  }, [screen, fields, form, locale, fromCard, thingId]);
  useEffect(() => () => publishJourneyView(null), []);
}
