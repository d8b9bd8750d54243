import { useTranslation } from 'react-i18next';
import { RatingPanel } from '../components/RatingPanel';
import { StepHeader } from './StepHeader';

/** 好差评 after an application: the shared rating panel under the journey's step heading. */
export function EvaluationStep({ applicationNumber, thingId, onDone }: { applicationNumber: string | null; thingId: string | null; onDone: () => void }) {
  const { t } = useTranslation();
  return (
    <RatingPanel
      service="application"
      applicationNumber={applicationNumber}
      thingId={thingId}
      header={(sent) => {
        const title = t(sent ? 'journey.evaluation.thanks' : 'journey.evaluation.heading');
        return <StepHeader title={title} prompt={title} />;
      }}
      onDone={onDone}
    />
  );
}
