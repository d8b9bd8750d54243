import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { messageIn, type Err, type FormValues } from '../../../contract';
import type { Field } from '../../../contract/journeys/schema';
import { useKiosk } from '../app/kiosk-context';

export type LookupState =
  | { readonly kind: 'idle' }
  | { readonly kind: 'looking' }
  | { readonly kind: 'verified'; readonly name: string }
  | { readonly kind: 'unverified' }
  | { readonly kind: 'problem'; readonly refusal: Err };

/**
 * The enterprise named by its USCC (typed, or scanned from the 营业执照 QR or
 * an 电子营业执照 code): the host asks the registry and keeps its answer for
 * the session; the registry's name, type and legal representative fill the
 * fields marked `fromEnterprise`. Offline the fields are typed and the
 * application goes as unverified.
 */
export function useEnterpriseLookup(fields: readonly Field[], values: FormValues, onChange: (id: string, value: string) => void, nameFieldId?: string) {
  const { client } = useKiosk();
  const [state, setState] = useState<LookupState>({ kind: 'idle' });
  const usccField = fields.find((f) => f.type === 'uscc');
  const lookup = (code: string) => {
    if (!usccField || !code.trim()) return;
    setState({ kind: 'looking' });
    void client.api['enterprise.lookup']({ code }).then((r) => {
      if (!r.ok) return setState({ kind: 'problem', refusal: r });
      onChange(usccField.id, r.value.uscc);
      const e = r.value.enterprise;
      if (!e) return setState({ kind: 'unverified' });
      for (const f of fields) {
        if (f.fromEnterprise === 'name' || (!f.fromEnterprise && f.id === nameFieldId)) onChange(f.id, e.name);
        else if (f.fromEnterprise === 'type') onChange(f.id, e.type);
        else if (f.fromEnterprise === 'legalRepresentative') onChange(f.id, e.legalRepresentative);
      }
      setState({ kind: 'verified', name: e.name });
    });
  };
  return {
    state,
    lookup,
    /** A scan on the form: a licence QR or e-licence code names the enterprise. */
    fromScan: (text: string) => {
      if (usccField && (values[usccField.id] ?? '') !== text) lookup(text);
    },
  };
}

export function EnterpriseLookup({ state, onLookup }: { state: LookupState; onLookup: () => void }) {
  const { t } = useTranslation();
  const { locale } = useKiosk();
  return (
    <div className="enterprise-lookup">
      <p className="hint">{t('identity.enterprise.scanHint')}</p>
      <button type="button" onClick={onLookup} data-testid="enterprise-lookup" disabled={state.kind === 'looking'}>
        {t('identity.enterprise.lookup')}
      </button>
      <p role="status">
        {state.kind === 'looking' && t('identity.enterprise.looking')}
        {state.kind === 'verified' && <span data-testid="enterprise-verified">{t('identity.enterprise.verified', { name: state.name })}</span>}
        {state.kind === 'unverified' && <span data-testid="enterprise-unverified">{t('identity.enterprise.unverified')}</span>}
      </p>
      {state.kind === 'problem' && (
        <p className="field-error" role="alert" data-testid="enterprise-problem">
          {messageIn(state.refusal, locale)}
        </p>
      )}
    </div>
  );
}
