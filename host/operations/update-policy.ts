import { verify as verifySignature, createPublicKey } from 'node:crypto';

/**
 * Update rules as plain functions: Electron's main process wires
 * electron-updater to them; the tests run them without Electron.
 *   * only from the configured provincial server, only signed artifacts;
 *   * download in the background, install only when no resident is using the kiosk;
 *   * a new version runs "on trial" until it passes its health check; if it
 *     fails (or keeps crashing before it can), the previous version comes back.
 */
export interface UpdateSource {
  readonly url: string | null;
  readonly channel: string;
  /** Windows: the Authenticode publisher electron-updater must see on the installer. */
  readonly publisherName: string | null;
  /** Ed25519 public key (base64url, 32 bytes) for detached signatures on Linux artifacts. */
  readonly signingKey: string | null;
}

/** electron-updater options, or why updates stay off. Never an unsigned source. */
export function updaterSettings(
  source: UpdateSource,
  platform: NodeJS.Platform,
): { enabled: true; feed: { provider: 'generic'; url: string; channel: string }; autoDownload: true; autoInstallOnAppQuit: false; allowDowngrade: false; publisherName: string | null } | { enabled: false; reason: string } {
  if (!source.url) return { enabled: false, reason: 'no update server configured (updates.url)' };
  if (!/^https:\/\//.test(source.url)) return { enabled: false, reason: 'update server must use https' };
  if (platform === 'win32' && !source.publisherName) return { enabled: false, reason: 'updates.publisherName is required to check installer signatures' };
  if (platform !== 'win32' && !source.signingKey) return { enabled: false, reason: 'updates.signingKey is required to check artifact signatures' };
  return {
    enabled: true,
    feed: { provider: 'generic', url: source.url, channel: source.channel },
    autoDownload: true,
    autoInstallOnAppQuit: false,
    allowDowngrade: false,
    publisherName: source.publisherName,
  };
}

/** A detached Ed25519 signature over the artifact's bytes (Linux AppImage/deb, where the OS checks nothing). */
export function artifactSignatureValid(artifact: Uint8Array, signatureB64: string, signingKeyB64url: string): boolean {
  try {
    const key = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: signingKeyB64url }, format: 'jwk' });
    return verifySignature(null, artifact, key, Buffer.from(signatureB64, 'base64'));
  } catch {
    return false;
  }
}

export interface InstallContext {
  readonly downloaded: boolean;
  readonly residentSessionActive: boolean;
  readonly maintenanceActive: boolean;
  /** Minutes since the last resident touch: don't pull the screen from someone walking up. */
  readonly idleMinutes: number;
}

export type InstallDecision = { readonly install: true } | { readonly install: false; readonly reason: string };

export function shouldInstallNow(c: InstallContext, minIdleMinutes = 5): InstallDecision {
  if (!c.downloaded) return { install: false, reason: 'nothing downloaded' };
  if (c.residentSessionActive) return { install: false, reason: 'a resident is using the kiosk' };
  if (c.maintenanceActive) return { install: false, reason: 'a technician is in maintenance mode' };
  if (c.idleMinutes < minIdleMinutes) return { install: false, reason: `waiting for ${minIdleMinutes} quiet minutes` };
  return { install: true };
}

/** Persisted in `<dataDir>/update/state.json` across the restart an update needs. */
export interface TrialState {
  readonly version: string;
  readonly previousVersion: string | null;
  /** 'trial' until the health check passes; 'committed' after. */
  readonly phase: 'trial' | 'committed';
  readonly bootsOnTrial: number;
}

export type BootVerdict =
  | { readonly action: 'none'; readonly state: TrialState }
  | { readonly action: 'wait-for-health'; readonly state: TrialState }
  | { readonly action: 'rollback'; readonly to: string; readonly reason: string };

/** At start-up: count the boot; a version that has booted too often on trial without passing is rolled back. */
export function onBoot(state: TrialState | null, runningVersion: string, maxTrialBoots = 3): BootVerdict {
  if (!state || state.version !== runningVersion) {
    return { action: 'none', state: { version: runningVersion, previousVersion: state?.version ?? null, phase: 'committed', bootsOnTrial: 0 } };
  }
  if (state.phase === 'committed') return { action: 'none', state };
  const boots = state.bootsOnTrial + 1;
  if (boots > maxTrialBoots && state.previousVersion) {
    return { action: 'rollback', to: state.previousVersion, reason: `version ${state.version} restarted ${boots - 1} times without passing its health check` };
  }
  return { action: 'wait-for-health', state: { ...state, bootsOnTrial: boots } };
}

/** After the health check of a version on trial: keep it, or go back. */
export function onHealthCheck(state: TrialState, healthy: boolean): BootVerdict {
  if (state.phase === 'committed') return { action: 'none', state };
  if (healthy) return { action: 'none', state: { ...state, phase: 'committed', bootsOnTrial: 0 } };
  if (state.previousVersion) return { action: 'rollback', to: state.previousVersion, reason: `version ${state.version} failed its health check` };
  return { action: 'wait-for-health', state };
}

/** Just before installing: the version being replaced is the rollback target. */
export function beginTrial(currentVersion: string, newVersion: string): TrialState {
  return { version: newVersion, previousVersion: currentVersion, phase: 'trial', bootsOnTrial: 0 };
}

/** A version on trial has passed when the UI beats without the watchdog having to step in and nothing is red but devices (a paper roll is not the new version's fault). */
export function trialHealthy(d: { readonly ui: { readonly lastHeartbeatAt: string | null; readonly recoveries: number }; readonly findings: readonly { readonly level: string; readonly area: string }[] }): boolean {
  if (d.ui.lastHeartbeatAt === null || d.ui.recoveries > 0) return false;
  return !d.findings.some((f) => f.level === 'fault' && !f.area.startsWith('device:'));
}

/** Where a previous version's feed lives on the generic server: one folder per version, each with its own latest.yml. */
export function rollbackFeedUrl(updateUrl: string, version: string): string {
  return `${updateUrl.replace(/\/+$/, '')}/versions/${encodeURIComponent(version)}/`;
}
