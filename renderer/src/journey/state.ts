import type { Answers, FormValues, MaterialProvision, Submitted } from '../../../contract';

/** Where the resident is in one 一件事. Questions are addressed by index in the list asked now. */
export type JourneyStep =
  | { readonly kind: 'guide' }
  | { readonly kind: 'question'; readonly index: number }
  | { readonly kind: 'identify' }
  /** One screen per other party the answers need (`parties`), after identify, before the form. */
  | { readonly kind: 'party'; readonly index: number }
  | { readonly kind: 'form' }
  | { readonly kind: 'materials' }
  | { readonly kind: 'review' }
  /** 预约到大厅办理 for a sub-item that needs a hall visit; 返回 goes back to the review with everything kept. */
  | { readonly kind: 'appointment'; readonly subItem: string }
  | { readonly kind: 'consent' }
  | { readonly kind: 'done' }
  | { readonly kind: 'evaluate' };

export interface JourneyState {
  readonly step: JourneyStep;
  readonly answers: Answers;
  readonly form: FormValues;
  readonly materials: Readonly<Record<string, MaterialProvision>>;
  /** Capture previews (data URLs) by material: camera frames, dropped with the state. */
  readonly previews: Readonly<Record<string, string>>;
  readonly submitted: Submitted | null;
  /** After 修改 on the review page, "next" returns to the review. */
  readonly returnToReview: boolean;
}

export const initialJourneyState: JourneyState = {
  step: { kind: 'guide' },
  answers: {},
  form: {},
  materials: {},
  previews: {},
  submitted: null,
  returnToReview: false,
};

export type JourneyAction =
  | { readonly type: 'go'; readonly step: JourneyStep; readonly returnToReview?: boolean }
  | { readonly type: 'answer'; readonly id: string; readonly value: string | boolean }
  | { readonly type: 'field'; readonly id: string; readonly value: string }
  | { readonly type: 'material'; readonly provision: MaterialProvision; readonly preview?: string }
  | { readonly type: 'unprovide'; readonly materialId: string }
  | { readonly type: 'submitted'; readonly submitted: Submitted };

export function journeyReducer(state: JourneyState, action: JourneyAction): JourneyState {
  switch (action.type) {
    case 'go':
      return { ...state, step: action.step, returnToReview: action.returnToReview ?? (action.step.kind === 'review' ? false : state.returnToReview) };
    case 'answer':
      return { ...state, answers: { ...state.answers, [action.id]: action.value } };
    case 'field':
      return { ...state, form: { ...state.form, [action.id]: action.value } };
    case 'material': {
      const previews = { ...state.previews };
      if (action.preview) previews[action.provision.materialId] = action.preview;
      else delete previews[action.provision.materialId];
      return { ...state, materials: { ...state.materials, [action.provision.materialId]: action.provision }, previews };
    }
    case 'unprovide': {
      const { [action.materialId]: _gone, ...materials } = state.materials;
      const { [action.materialId]: _frame, ...previews } = state.previews;
      return { ...state, materials, previews };
    }
    case 'submitted':
      // The form and the camera frames are not kept once the store has them.
      return { ...state, submitted: action.submitted, form: {}, previews: {}, materials: {}, step: { kind: 'done' } };
  }
}
