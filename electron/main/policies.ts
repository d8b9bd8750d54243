/**
 * Lockdown policy of the kiosk window as plain data and functions, so every
 * rule is unit-tested without launching Electron.
 */
import type { BrowserWindowConstructorOptions, Input } from 'electron';

export const APP_SCHEME = 'app';
export const APP_HOST = 'kiosk';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

export interface WindowPolicyOptions {
  readonly preloadPath: string;
  /** Development builds may open devtools; production never. */
  readonly dev: boolean;
}

export function kioskWindowOptions({ preloadPath, dev }: WindowPolicyOptions): BrowserWindowConstructorOptions {
  return {
    kiosk: !dev,
    fullscreen: !dev,
    frame: dev,
    autoHideMenuBar: true,
    backgroundColor: '#f6f7f9',
    show: false,
    width: 1080,
    height: 1920,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      // Middle-click must not open links in new windows.
      disableBlinkFeatures: 'Auxclick',
      devTools: dev,
      safeDialogs: true,
      disableDialogs: true,
      autoplayPolicy: 'no-user-gesture-required',
    },
  };
}

/** Only our own bundle: app://kiosk/… */
export function isAppUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST;
  } catch {
    return false;
  }
}

/** Navigation away from the bundle is never allowed; in-app routes are in memory. */
export function allowNavigation(url: string): boolean {
  return isAppUrl(url);
}

/**
 * The camera (materials capture, receipt scan) for our own origin; the
 * microphone only while a video call is open (`inCall`, see CallMediaWindow);
 * nothing else, for nobody else.
 */
export function allowPermission(permission: string, requestingUrl: string | undefined, mediaTypes: readonly string[] = [], inCall = false): boolean {
  if (!requestingUrl || !isAppUrl(requestingUrl)) return false;
  if (permission !== 'media') return false;
  if (mediaTypes.length === 0) return false;
  return mediaTypes.every((t) => t === 'video' || (inCall && t === 'audio'));
}

/** Chromium's synchronous checks (enumerateDevices, permissions.query): the same rule as requests. */
export function allowPermissionCheck(permission: string, requestingOrigin: string | undefined, mediaType?: string, inCall = false): boolean {
  if (permission !== 'media' || requestingOrigin === undefined || !isAppUrl(requestingOrigin)) return false;
  return mediaType !== 'audio' || inCall;
}

/**
 * When camera and microphone together may be granted: from the moment the
 * host hands the renderer a video desk ticket (a call is being placed) until
 * the visit ends (the privacy wipe, card removed, finished) — and never
 * longer than `maxMs` after the ticket, whatever the renderer does.
 */
export class CallMediaWindow {
  private openedAt: number | null = null;
  constructor(private readonly maxMs: number = 2 * 3600_000) {}

  /** A video desk ticket was issued. */
  open(nowMs: number): void {
    this.openedAt = nowMs;
  }

  /** The visit ended: no more microphone until the next call. */
  close(): void {
    this.openedAt = null;
  }

  inCall(nowMs: number): boolean {
    return this.openedAt !== null && nowMs >= this.openedAt && nowMs - this.openedAt <= this.maxMs;
  }
}

/** Host methods whose success opens the call window. */
export const CALL_OPENING_METHODS: readonly string[] = ['video.ticket'];
/** Host methods that close it (the renderer's video help is over). */
export const CALL_CLOSING_METHODS: readonly string[] = ['video.callEnded'];

type KeyInput = Pick<Input, 'type' | 'key' | 'code' | 'control' | 'alt' | 'meta' | 'shift'>;

/**
 * Keys that would let someone leave, reload or inspect the kiosk. Residents
 * have no keyboard, but a USB keyboard or a keyboard-wedge scanner may be
 * plugged in; ordinary typing (and a scanner's digits + Enter) passes.
 */
export function swallowInput(input: KeyInput, dev: boolean): boolean {
  if (input.type !== 'keyDown' && input.type !== 'rawKeyDown') return false;
  const key = input.key.toLowerCase();
  const mod = input.control || input.meta;
  if (dev && (key === 'f12' || (mod && input.shift && key === 'i') || (mod && key === 'r'))) return false;
  if (/^f\d{1,2}$/.test(key)) return true; // F5 reload, F11 fullscreen, F12 devtools…
  if (input.alt && (key === 'f4' || key === 'tab' || key === 'arrowleft' || key === 'arrowright' || key === 'home')) return true;
  if (mod && ['r', 'w', 'q', 'n', 't', 'p', 's', 'o', 'l', 'h', 'j', 'u', 'f', 'g', '+', '=', '-', '0'].includes(key)) return true;
  if (mod && input.shift && ['i', 'j', 'c', 'delete', 'r'].includes(key)) return true;
  if (input.meta || key === 'meta' || key === 'os' || key === 'contextmenu') return true;
  if (key === 'browserback' || key === 'browserforward' || key === 'browserrefresh' || key === 'browserhome') return true;
  return false;
}

/**
 * A second start of the app (Windows keep-alive task, nightly task, a
 * technician) reaches the running instance: `--restart` relaunches it, but
 * never under a resident; anything else just brings the window forward.
 */
export function secondInstanceAction(argv: readonly string[], residentSessionActive: boolean): 'relaunch' | 'focus' | 'ignore' {
  if (argv.includes('--restart')) return residentSessionActive ? 'ignore' : 'relaunch';
  return 'focus';
}

/**
 * DevTools (and the dev window: frame, no kiosk mode) only in an unpackaged
 * build started with KIOSK_ELECTRON_DEV=1; an installed package ignores the
 * variable, so nobody at a kiosk can open them by setting it.
 */
export function devToolsAllowed(isPackaged: boolean, env: Readonly<Record<string, string | undefined>>): boolean {
  return !isPackaged && env['KIOSK_ELECTRON_DEV'] === '1';
}

/** WebHID, Web Serial, WebUSB and Web Bluetooth: the host drives the devices; the page never gets one. */
export const DEVICE_CHOOSERS = ['select-hid-device', 'select-serial-port', 'select-usb-device'] as const;

/** `setDevicePermissionHandler`: no device for any origin, ours included. */
export function allowDevicePermission(_details: { readonly deviceType?: string; readonly origin?: string }): false {
  return false;
}

/**
 * What a chooser callback is given: nothing chosen. HID, serial and Bluetooth
 * choosers take a device id ('' = cancel); the USB chooser takes none.
 */
export function chooserRefusal(chooser: (typeof DEVICE_CHOOSERS)[number] | 'select-bluetooth-device'): '' | undefined {
  return chooser === 'select-usb-device' ? undefined : '';
}
