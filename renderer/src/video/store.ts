import { useSyncExternalStore } from 'react';
import type { SharedField } from './view';

/**
 * What the video help needs from the rest of the shell, without the shell
 * knowing about calls: a request to open it (the 视频帮办 button) and the
 * journey's masked form (published while a journey screen is mounted).
 */
let openRequests = 0;
/** `thingId` stays on the kiosk (it names the 一件事 in the call's 好差评); the agent gets screen and fields. */
let journey: { readonly screen: string; readonly fields: readonly SharedField[]; readonly thingId?: string } | null = null;
const listeners = new Set<() => void>();
const notify = () => {
  for (const l of listeners) l();
};
const subscribe = (l: () => void) => {
  listeners.add(l);
  return () => listeners.delete(l);
};

export function requestVideoHelp(): void {
  openRequests += 1;
  notify();
}

export function useVideoHelpRequests(): number {
  return useSyncExternalStore(subscribe, () => openRequests);
}

/** The journey screen's part of what the agent may see; null when no journey is on screen. */
export function publishJourneyView(view: typeof journey): void {
  journey = view;
  notify();
}

export function currentJourneyView(): typeof journey {
  return journey;
}

export function onJourneyViewChange(l: () => void): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}
