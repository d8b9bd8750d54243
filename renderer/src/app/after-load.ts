/**
 * Runs `work` once the page has loaded (its script, styles and fonts), or at once if it has: what the
 * first screen does not need waits for it, so it never competes with the attract screen for the network
 * or the main thread (docs/packaging.md "Start-up"). Returns a cancel function.
 */
export function afterPageLoad(work: () => void, win: Window = window): () => void {
  if (win.document.readyState === 'complete') {
    work();
    return () => undefined;
  }
  win.addEventListener('load', work, { once: true });
  return () => win.removeEventListener('load', work);
}
