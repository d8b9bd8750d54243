import type { z } from 'zod';

export interface MethodSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  readonly input: I;
  readonly output: O;
  /** One line for the docs and for technicians reading logs. */
  readonly doc: string;
  /** Only in demo/dev mode (dev dock); the host refuses it in production. */
  readonly devOnly?: boolean;
  /** 'maintenance': input carries a maintenance `token` the dispatcher checks before the handler runs. */
  readonly requires?: 'maintenance';
  /** Largest request body the web shell reads for this method (bytes); default `DEFAULT_MAX_BODY_BYTES`. */
  readonly maxBodyBytes?: number;
}

/** Most calls are a few hundred bytes; only a camera capture carries megabytes. */
export const DEFAULT_MAX_BODY_BYTES = 256 * 1024;

export interface EventSpec<P extends z.ZodType = z.ZodType> {
  readonly payload: P;
  readonly doc: string;
  /** State events: the last payload is replayed to a (re)connecting UI. Never for one-shot events (a scan). */
  readonly sticky?: boolean;
}

export function method<I extends z.ZodType, O extends z.ZodType>(spec: MethodSpec<I, O>): MethodSpec<I, O> {
  return spec;
}

export function event<P extends z.ZodType>(spec: EventSpec<P>): EventSpec<P> {
  return spec;
}
