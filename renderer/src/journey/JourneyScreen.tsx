import { useEffect, useMemo, useReducer } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate, useParams } from 'react-router';
import type { FormValues } from '../../../contract';
import { oneThingById } from '../catalog/active-catalog';
import { applicableSubItems, hallVisitsFor, validateForm } from '../../../contract/journeys/engine';
import { useKiosk } from '../app/kiosk-context';
import { ConsentStep } from './ConsentStep';
import { DoneStep } from './DoneStep';
import { EvaluationStep } from './EvaluationStep';
import { FormStep } from './FormStep';
import { GuideStep } from './GuideStep';
import { IdentifyStep } from './IdentifyStep';
import { journeyFor } from './journeys-source';
import { MaterialsStep } from './MaterialsStep';
import { PartyStep } from './PartyStep';
import { createJourneyModel, stepCount } from './model';
import { QuestionStep } from './QuestionStep';
import { ReviewStep } from './ReviewStep';
import { initialJourneyState, journeyReducer, type JourneyStep } from './state';
import { pick } from './text';
import { useShareJourney } from '../video/useShareJourney';
import { AppointmentScreen } from '../screens/AppointmentScreen';

/**
 * One 一件事 from guide to 好差评. The state lives here and nowhere else in
 * the renderer: leaving the route (home, idle wipe) drops it with the
 * camera previews; the host keeps its own copy of the draft for the session.
 */
export function JourneyScreen() {
  const { thingId = '' } = useParams();
  const navigate = useNavigate();
  const location = useLocation();
  const { t } = useTranslation();
  const { client, session, locale } = useKiosk();
  const [state, dispatch] = useReducer(journeyReducer, initialJourneyState);
  const thing = oneThingById(thingId);
  const journey = journeyFor(thingId);
  const model = useMemo(() => (journey ? createJourneyModel(journey) : null), [journey]);
  const identified = session?.identity != null;
  // Each step is a history entry of the memory router, so 返回 in the action bar goes one step back.
  const routeStep = (location.state as { step?: JourneyStep } | null)?.step ?? { kind: 'guide' as const };
  const currentStep: JourneyStep = state.submitted && routeStep.kind !== 'done' && routeStep.kind !== 'evaluate' ? { kind: 'done' } : routeStep;

  // The host's draft mirrors every change, so the session (and its wipe) covers it.
  useEffect(() => {
    if (!model?.wired || currentStep.kind === 'guide' || state.submitted) return;
    void client.api['journey.saveDraft']({ step: currentStep.kind, answers: state.answers, form: state.form, materials: Object.values(state.materials) });
  }, [client, model, currentStep.kind, state.answers, state.form, state.materials, state.submitted]);
  const sharedFields = useMemo(() => (model?.wired ? model.fields(state.answers) : []), [model, state.answers]);
  useShareJourney(thing ? (locale === 'en' ? thing.nameEn : thing.name) : null, sharedFields, state.form, thing?.id);

  if (!thing) {
    return (
      <section className="journey" aria-labelledby="missing-heading">
        <h1 id="missing-heading">{t('journey.home.noMatch', { q: thingId })}</h1>
      </section>
    );
  }
  const wired = model?.wired ?? null;
  const questions = model ? model.questions(state.answers) : [];
  const go = (step: JourneyStep, returnToReview?: boolean) => {
    dispatch({ type: 'go', step, ...(returnToReview !== undefined ? { returnToReview } : {}) });
    navigate(location.pathname, { state: { step }, replace: step.kind === 'done' });
  };
  const parties = model ? model.parties(state.answers) : [];
  const partiesFrom = (index: number): JourneyStep => (index < parties.length ? { kind: 'party', index } : { kind: 'form' });
  const afterQuestions = (): JourneyStep => (state.returnToReview ? { kind: 'review' } : identified ? partiesFrom(0) : { kind: 'identify' });
  const firstQuestionOrNext = (): JourneyStep => (questions.length ? { kind: 'question', index: 0 } : afterQuestions());
  if (!model || !wired || currentStep.kind === 'guide') {
    return (
      <GuideStep
        thing={thing}
        guide={journey?.guide ?? null}
        wired={wired !== null}
        visits={wired?.hallVisits ?? []}
        onStart={() => {
          void client.api['journey.start']({ thingId }).then((r) => r.ok && go(firstQuestionOrNext()));
        }}
      />
    );
  }

  const total = stepCount(model, state.answers);
  const step = currentStep;
  const present = new Set((session?.parties ?? []).filter((p) => p.consented).map((p) => p.partyId));
  const np = parties.length;
  const codes = applicableSubItems(thing, wired, state.answers);
  const check = (values: FormValues) => validateForm(wired, { answers: state.answers, subItems: codes, values, today: new Date() });
  const deadline = pick(journey?.guide.timeLimit, locale) || thing.deadline.text;

  switch (step.kind) {
    case 'question': {
      const q = questions[step.index];
      if (!q) return null;
      return (
        <QuestionStep
          key={q.id}
          question={q}
          value={state.answers[q.id]}
          step={step.index + 1}
          total={total}
          onAnswer={(v) => {
            dispatch({ type: 'answer', id: q.id, value: v });
            // Follow-up questions appear once their trigger is answered: recompute with the new answer.
            const nextQuestions = model.questions({ ...state.answers, [q.id]: v });
            if (step.index + 1 < nextQuestions.length) return go({ kind: 'question', index: step.index + 1 });
            const nextParties = model.parties({ ...state.answers, [q.id]: v });
            go(state.returnToReview ? { kind: 'review' } : !identified ? { kind: 'identify' } : nextParties.length ? { kind: 'party', index: 0 } : { kind: 'form' });
          }}
        />
      );
    }
    case 'identify':
      return <IdentifyStep onIdentified={() => go(partiesFrom(0))} />;
    case 'party': {
      const party = parties[step.index];
      if (!party) return null;
      return <PartyStep key={party.id} party={party} step={questions.length + step.index + 1} total={total} onDone={() => go(partiesFrom(step.index + 1))} />;
    }
    case 'form':
      return (
        <FormStep
          fields={model.fields(state.answers)}
          enterpriseNameField={wired.payload.enterprise?.nameField}
          values={state.form}
          step={questions.length + np + 1}
          total={total}
          check={check}
          onChange={(id, value) => dispatch({ type: 'field', id, value })}
          onNext={() => go(state.returnToReview ? { kind: 'review' } : { kind: 'materials' })}
        />
      );
    case 'materials':
      return (
        <MaterialsStep
          materials={model.materials(state.answers, present)}
          provided={state.materials}
          previews={state.previews}
          step={questions.length + np + 2}
          total={total}
          onProvide={(provision, preview) => dispatch({ type: 'material', provision, ...(preview ? { preview } : {}) })}
          onUnprovide={(materialId) => dispatch({ type: 'unprovide', materialId })}
          onNext={() => go({ kind: 'review' })}
        />
      );
    case 'review':
      return (
        <ReviewStep
          questions={questions}
          answers={state.answers}
          fields={model.fields(state.answers)}
          form={state.form}
          materials={model.materials(state.answers, present)}
          provided={state.materials}
          subItems={model.subItems(state.answers)}
          visits={hallVisitsFor(thing, wired, state.answers)}
          onBookVisit={(s) => go({ kind: 'appointment', subItem: s.code })}
          step={questions.length + np + 3}
          total={total}
          onChange={(section) => go(section === 'answers' ? { kind: 'question', index: 0 } : { kind: section }, true)}
          onNext={() => go({ kind: 'consent' })}
        />
      );
    case 'appointment': {
      return (
        <>
          <AppointmentScreen intent={{ thingId, subItemCode: step.subItem }} />
          <div className="step-actions">
            <button type="button" className="primary huge" onClick={() => navigate(-1)} data-testid="appointment-back-to-review">
              {t('channels.appointments.backToApplication')}
            </button>
          </div>
        </>
      );
    }
    case 'consent':
      return (
        <ConsentStep
          step={questions.length + np + 4}
          total={total}
          onSubmitted={(submitted) => {
            dispatch({ type: 'submitted', submitted });
            go({ kind: 'done' });
          }}
          onFix={(path) => {
            const partyIndex = parties.findIndex((p) => path === `parties.${p.id}`);
            go(partyIndex >= 0 ? { kind: 'party', index: partyIndex } : path.startsWith('materials') ? { kind: 'materials' } : path.startsWith('answers') ? { kind: 'question', index: 0 } : { kind: 'form' }, true);
          }}
        />
      );
    case 'done':
      return state.submitted ? (
        <DoneStep
          submitted={state.submitted}
          deadline={deadline}
          onEvaluate={() => go({ kind: 'evaluate' })}
          onFinish={() => void client.api['session.end']({ reason: 'finished' }).then(() => navigate('/'))}
        />
      ) : null;
    case 'evaluate':
      return (
        <EvaluationStep
          applicationNumber={state.submitted?.applicationNumber ?? null}
          thingId={thingId}
          onDone={() => void client.api['session.end']({ reason: 'finished' }).then(() => navigate('/'))}
        />
      );
    default:
      return null;
  }
}
