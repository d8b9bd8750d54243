import type { Stroke } from './handwriting';
import type { Radical } from './hanzi-table';
import type { Candidate, LookupOptions } from './pinyin-engine';

/** Messages between the keyboard and its input-method workers. */
export type ImeRequest =
  | { readonly id: number; readonly op: 'lookup'; readonly buffer: string; readonly options: LookupOptions }
  | { readonly id: number; readonly op: 'radicals' }
  | { readonly id: number; readonly op: 'under'; readonly radical: string }
  | { readonly id: number; readonly op: 'recognize'; readonly strokes: readonly Stroke[]; readonly limit: number };

export type ImeResponse =
  | { readonly id: number; readonly op: 'lookup'; readonly candidates: readonly Candidate[]; readonly spelled: string; readonly loadMs: number }
  | { readonly id: number; readonly op: 'radicals'; readonly radicals: readonly Radical[] }
  | { readonly id: number; readonly op: 'under'; readonly chars: readonly { readonly char: string; readonly residual: number }[] }
  | { readonly id: number; readonly op: 'recognize'; readonly candidates: readonly string[] };
