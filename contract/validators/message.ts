/** A validation failure the resident can act on: plain Chinese first, English second. */
export interface Problem {
  readonly zh: string;
  readonly en: string;
}

/** `null` = valid. */
export type Check = Problem | null;

export const problem = (zh: string, en: string): Problem => ({ zh, en });
