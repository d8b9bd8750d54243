import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MaterialProvision } from '../../../contract';
import { eCertificateByNumber } from '../catalog/active-catalog';
import type { MaterialDef } from '../../../contract/journeys/schema';
import { useKiosk } from '../app/kiosk-context';
import { DocumentCapture } from './DocumentCapture';
import { StepHeader } from './StepHeader';
import { pick } from './text';

type LookupState = 'looking' | 'found' | 'none' | 'failed';

const certificateTypeOf = (m: MaterialDef): string | undefined => (m.exemptedBy ? eCertificateByNumber(m.exemptedBy)?.name : undefined);

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
  // One lookup per material: a failed one is offered 重试 on its own and never cancels the others.
  const [lookups, setLookups] = useState<Readonly<Record<string, LookupState>>>(() =>
    Object.fromEntries(materials.flatMap((m) => (certificateTypeOf(m) && !provided[m.id] ? [[m.id, 'looking' as const]] : []))),
  );
  const [capturing, setCapturing] = useState<string | null>(null);
  const [committing, setCommitting] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const alive = useRef(true);

  const lookUp = async (m: MaterialDef) => {
    const type = certificateTypeOf(m);
    if (!type) return;
    setLookups((l) => ({ ...l, [m.id]: 'looking' }));
    const r = await client.api['journey.lookupCertificates']({ types: [type] });
    if (!alive.current) return;
    const found = r.ok && r.value.online ? r.value.found.find((c) => c.type === type) : undefined;
    setLookups((l) => ({ ...l, [m.id]: !r.ok || !r.value.online ? 'failed' : found ? 'found' : 'none' }));
    if (found) onProvide({ kind: 'e-certificate', materialId: m.id, certificateId: found.certificateId, certificateType: found.type });
  };
  useEffect(() => {
    alive.current = true;
    for (const m of materials) if (certificateTypeOf(m) && !provided[m.id]) void lookUp(m);
    return () => {
      alive.current = false;
    };
  }, []); // looked up once per visit of this step; 重试 asks again for one material

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
  const looking = Object.values(lookups).includes('looking');
  const anyFailed = Object.values(lookups).includes('failed');
  const prompt = looking ? t('journey.materials.looking') : t('journey.materials.lead');
  return (
    <section className="journey materials" aria-labelledby="step-heading">
      <StepHeader title={t('journey.materials.heading')} step={step} total={total} prompt={prompt} />
      {anyFailed && <p className="warning">{t('journey.materials.eCertOffline')}</p>}
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
              {!p && lookups[m.id] === 'looking' && <p className="hint">{t('journey.materials.lookingOne')}</p>}
              {!p && lookups[m.id] === 'failed' && (
                <p className="warning" data-testid={`ecert-failed-${m.id}`}>
                  {t('journey.materials.eCertFailed')}
                  <button type="button" onClick={() => void lookUp(m)} data-testid={`ecert-retry-${m.id}`} aria-label={`${t('journey.materials.retry')} · ${name}`}>
                    {t('journey.materials.retry')}
                  </button>
                </p>
              )}
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
        <button type="button" className="primary huge" disabled={missing > 0 || looking} onClick={onNext} data-testid="materials-next">
          {t('journey.step.next')}
        </button>
      </div>
    </section>
  );
}
