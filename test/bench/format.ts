/** One benchmark figure; `bench` (the name) is added by the runner from the file name. */
export interface BenchLine {
  readonly metric: string;
  readonly value: number;
  readonly unit: string;
  readonly baseline: number | null;
  readonly ratio: number | null;
}

export type Emit = (line: BenchLine) => void;

export interface BenchModule {
  default(emit: Emit): Promise<void>;
}

/** ratio = value ÷ baseline, both measured in the same run. */
export function figure(metric: string, value: number, unit: string, baseline: number | null): BenchLine {
  const round = (n: number) => Math.round(n * 1000) / 1000;
  return {
    metric,
    value: round(value),
    unit,
    baseline: baseline === null ? null : round(baseline),
    ratio: baseline === null || baseline === 0 ? null : round(value / baseline),
  };
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}
