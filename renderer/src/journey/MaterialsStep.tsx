import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FoundCertificate, MaterialProvision } from '../../../contract';
import { eCertificateByNumber } from '../../../contract/catalog';
import type { MaterialDef } from '../../../contract/journeys/schema';
import { useKiosk } from '../app/kiosk-context';
import { DocumentCapture } from './DocumentCapture';
import { StepHeader } from './StepHeader';
import { pick } from './text';

/**
 * 材料最简化: each material is exempted by an e-certificate looked up on the
 * platform, photographed with the camera, or — where the item allows it —
 * promised later under 告知承诺 with an explicit confirmation.
 */
export function MaterialsStep({
  materials,
  provided,
  previews,
  step,
  total,
  onProvide,
  onUnprovide,
  onNext,
}: {
  materials: readonly MaterialDef[];
  provided: Readonly<Record<string, MaterialProvision>>;
  previews: Readonly<Record<string, string>>;
  step: number;
  total: number;
  onProvide: (p: MaterialProvision, preview?: string) => void;
  onUnprovide: (materialId: string) => void;
  onNext: () => void;
}) {
  const { t } = useTranslation();
  const { client, locale } = useKiosk();
  const [lookup, setLookup] = useState<'looking' | 'done' | 'offline'>('looking');
  const [capturing, setCapturing] = useState<string | null>(null);
  const [committing, setCommitting] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const types = [...new Set(materials.map((m) => (m.exemptedBy ? eCertificateByNumber(m.exemptedBy)?.name : undefined)).filter((x): x is string => !!x))];
    if (types.length === 0) return setLookup('done');
    let cancelled = false;
    void client.api['journey.lookupCertificates']({ types }).then((r) => {
      if (cancelled) return;
      if (!r.ok || !r.value.online) return setLookup('offline');
      setLookup('done');
      const byType = new Map<string, FoundCertificate>(r.value.found.map((c) => [c.type, c]));
      for (const m of materials) {
        const type = m.exemptedBy ? eCertificateByNumber(m.exemptedBy)?.name : undefined;
        const found = type ? byType.get(type) : undefined;
        if (found) onProvide({ kind: 'e-certificate', materialId: m.id, certificateId: found.certificateId, certificateType: found.type });
      }
    });
    return () => {
      cancelled = true;
    };
  }, []); // looked up once per visit of this step

  const use = async (materialId: string, dataUrl: string) => {
    const r = await client.api['journey.capture']({ materialId, dataUrl });
    if (!r.ok) return setError(r.message);
    setError(null);
    setCapturing(null);
    onProvide({ kind: 'capture', materialId, attachmentId: r.value.attachmentId }, dataUrl);
  };
  const retake = async (materialId: string) => {
    const p = provided[materialId];
    if (p?.kind === 'capture') await client.api['journey.discardCapture']({ attachmentId: p.attachmentId });
    onUnprovide(materialId);
    setCapturing(materialId);
  };

  const missing = materials.filter((m) => !provided[m.id]).length;
  const prompt = lookup === 'looking' ? t('journey.materials.looking') : t('journey.materials.lead');
  return (
    <section className="journey materials" aria-labelledby="step-heading">
      <StepHeader title={t('journey.materials.heading')} step={step} total={total} prompt={prompt} />
      {lookup === 'offline' && <p className="warning">{t('journey.materials.eCertOffline')}</p>}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      {materials.length === 0 && <p>{t('journey.materials.none')}</p>}
      <ul className="material-list">
        {materials.map((m) => {
          const p = provided[m.id];
          const name = pick(m.name, locale);
          return (
            <li key={m.id} className="material" data-testid={`material-${m.id}`} data-provided={p?.kind ?? 'none'}>
              <h2 className="material-name">{name}</h2>
              {p?.kind === 'e-certificate' && (
                <p className="done-mark">
                  <span aria-hidden="true">✓ </span>
                  {t('journey.materials.eCert')}（{p.certificateType}）
                </p>
              )}
              {p?.kind === 'capture' && (
                <div className="captured">
                  <p className="done-mark">
                    <span aria-hidden="true">✓ </span>
                    {t('journey.materials.captured')}
                  </p>
                  {previews[m.id] && <img src={previews[m.id]} alt={`${name} · ${t('journey.materials.captured')}`} className="thumb" />}
                  <button type="button" onClick={() => void retake(m.id)}>
                    {t('journey.materials.retake')}
                  </button>
                </div>
              )}
              {p?.kind === 'commitment' && (
                <p className="done-mark">
                  <span aria-hidden="true">✓ </span>
                  {t('journey.materials.committed')}
                  <button type="button" className="link-button" onClick={() => onUnprovide(m.id)}>
                    {t('journey.step.change')}
                  </button>
                </p>
              )}
              {!p && capturing === m.id && <DocumentCapture onUse={(d) => void use(m.id, d)} onCancel={() => setCapturing(null)} />}
              {!p && committing === m.id && (
                <div className="commitment" data-testid="commitment">
                  <h3>{t('journey.materials.commitmentTitle')}</h3>
                  <p>{t('journey.materials.commitmentText', { name })}</p>
                  <button
                    type="button"
                    className="primary"
                    data-testid="commitment-confirm"
                    onClick={() => {
                      setCommitting(null);
                      onProvide({ kind: 'commitment', materialId: m.id, confirmedAt: new Date().toISOString() });
                    }}
                  >
                    {t('journey.materials.commitmentConfirm')}
                  </button>
                  <button type="button" onClick={() => setCommitting(null)}>
                    {t('nav.back')}
                  </button>
                </div>
              )}
              {!p && capturing !== m.id && committing !== m.id && (
                <div className="material-actions">
                  {m.capturable && (
                    <button type="button" onClick={() => setCapturing(m.id)} data-testid={`capture-${m.id}`}>
                      <span aria-hidden="true">◎ </span>
                      {t('journey.materials.capture')}
                    </button>
                  )}
                  {m.commitmentAllowed && (
                    <button type="button" onClick={() => setCommitting(m.id)} data-testid={`commit-${m.id}`}>
                      {t('journey.materials.commitment')}
                    </button>
                  )}
                </div>
              )}
            </li>
          );
        })}
      </ul>
      {missing > 0 && <p className="hint">{t('journey.materials.missing', { count: missing })}</p>}
      <div className="step-actions">
        <button type="button" className="primary huge" disabled={missing > 0 || lookup === 'looking'} onClick={onNext} data-testid="materials-next">
          {t('journey.step.next')}
        </button>
      </div>
    </section>
  );
}
