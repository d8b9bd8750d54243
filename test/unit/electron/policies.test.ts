import { describe, expect, it } from 'vitest';
import { methodNames } from '../../../contract';
import { appCsp, APP_CSP } from '../../../electron/main/app-protocol';
import { VideoTickets } from '../../../host/resident/video';
import {
  allowDevicePermission,
  CALL_CLOSING_METHODS,
  CALL_OPENING_METHODS,
  CallMediaWindow,
  allowNavigation,
  allowPermission,
  allowPermissionCheck,
  chooserRefusal,
  devToolsAllowed,
  DEVICE_CHOOSERS,
  kioskWindowOptions,
  secondInstanceAction,
  swallowInput,
} from '../../../electron/main/policies';

const key = (k: string, mods: Partial<{ control: boolean; alt: boolean; meta: boolean; shift: boolean }> = {}) => ({
  type: 'keyDown' as const,
  key: k,
  code: k,
  control: false,
  alt: false,
  meta: false,
  shift: false,
  ...mods,
});

describe('kiosk window options', () => {
  const prod = kioskWindowOptions({ preloadPath: '/app/preload.cjs', dev: false });
  it('isolates the renderer: context isolation, sandbox, no node integration, no webview', () => {
    expect(prod.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      devTools: false,
      preload: '/app/preload.cjs',
    });
    expect(prod.kiosk).toBe(true);
  });
  it('allows devtools only in a development build', () => {
    expect(kioskWindowOptions({ preloadPath: 'p', dev: true }).webPreferences?.devTools).toBe(true);
  });
});

describe('navigation', () => {
  it('stays inside app://kiosk', () => {
    expect(allowNavigation('app://kiosk/index.html')).toBe(true);
    expect(allowNavigation('app://kiosk/assets/x.js')).toBe(true);
  });
  it.each(['https://example.com/', 'file:///etc/passwd', 'app://other/index.html', 'http://127.0.0.1:8787/', 'javascript:alert(1)', 'not a url'])(
    'refuses %s',
    (url) => expect(allowNavigation(url)).toBe(false),
  );
});

describe('permissions', () => {
  it('grants the camera to our own origin only', () => {
    expect(allowPermission('media', 'app://kiosk/index.html', ['video'])).toBe(true);
    expect(allowPermission('media', 'https://evil.example/', ['video'])).toBe(false);
    expect(allowPermission('media', undefined, ['video'])).toBe(false);
  });
  it('refuses the microphone outside a video call, and every other permission', () => {
    expect(allowPermission('media', 'app://kiosk/', ['audio'])).toBe(false);
    expect(allowPermission('media', 'app://kiosk/', ['video', 'audio'])).toBe(false);
    expect(allowPermissionCheck('media', 'app://kiosk', 'audio')).toBe(false);
    expect(allowPermission('media', 'app://kiosk/', [])).toBe(false);
    for (const p of ['geolocation', 'notifications', 'clipboard-read', 'hid', 'serial', 'usb', 'openExternal', 'fullscreen']) {
      expect(allowPermission(p, 'app://kiosk/', ['video'])).toBe(false);
    }
    expect(allowPermissionCheck('media', 'app://kiosk')).toBe(true);
    expect(allowPermissionCheck('geolocation', 'app://kiosk')).toBe(false);
    expect(allowPermissionCheck('media', 'https://evil.example')).toBe(false);
  });
});

describe('camera and microphone for a video call', () => {
  it('grants camera and microphone together to our own origin during a call, and still nothing else', () => {
    expect(allowPermission('media', 'app://kiosk/index.html', ['video', 'audio'], true)).toBe(true);
    expect(allowPermission('media', 'app://kiosk/index.html', ['audio'], true)).toBe(true);
    expect(allowPermissionCheck('media', 'app://kiosk', 'audio', true)).toBe(true);
    expect(allowPermission('media', 'https://desk.example/', ['video', 'audio'], true)).toBe(false);
    expect(allowPermissionCheck('media', 'https://desk.example', 'audio', true)).toBe(false);
    expect(allowPermission('media', 'app://kiosk/', [], true)).toBe(false);
    expect(allowPermission('media', 'app://kiosk/', ['video', 'screen'], true)).toBe(false);
    for (const p of ['display-capture', 'geolocation', 'notifications', 'clipboard-read', 'hid', 'openExternal']) expect(allowPermission(p, 'app://kiosk/', ['video', 'audio'], true)).toBe(false);
  });

  it('opens the call window with a ticket and closes it at the end of the visit or after its bound', () => {
    const w = new CallMediaWindow(60_000);
    expect(w.inCall(1_000)).toBe(false);
    w.open(1_000);
    expect(w.inCall(1_000)).toBe(true);
    expect(w.inCall(61_000)).toBe(true);
    expect(w.inCall(61_001)).toBe(false);
    expect(w.inCall(999)).toBe(false);
    w.open(100_000);
    w.close();
    expect(w.inCall(100_001)).toBe(false);
    expect(CALL_OPENING_METHODS).toEqual(['video.ticket']);
    expect(CALL_CLOSING_METHODS).toEqual(['video.callEnded']);
    for (const m of [...CALL_OPENING_METHODS, ...CALL_CLOSING_METHODS]) expect(methodNames).toContain(m);
  });
});

describe('Content-Security-Policy of app://kiosk', () => {
  const connect = (csp: string) => csp.split('; ').find((d) => d.startsWith('connect-src '))!.split(' ').slice(1);
  it('connects to nothing but itself without video help', () => {
    expect(connect(APP_CSP)).toEqual(["'self'"]);
    expect(connect(appCsp(VideoTickets.connectSources({ video: { deskUrl: null } as never })))).toEqual(["'self'"]);
  });
  it('adds exactly the configured video desk: its https origin and its wss signalling, nothing else', () => {
    const csp = appCsp(VideoTickets.connectSources({ video: { deskUrl: 'https://desk.sx.gov.example:8443/console' } as never }));
    expect(connect(csp)).toEqual(["'self'", 'https://desk.sx.gov.example:8443', 'wss://desk.sx.gov.example:8443']);
    expect(csp).not.toMatch(/\*/);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("media-src 'self' blob: mediastream:");
    expect(csp).toContain("frame-ancestors 'none'");
    const plain = appCsp(VideoTickets.connectSources({ video: { deskUrl: 'http://127.0.0.1:8790' } as never }));
    expect(connect(plain)).toEqual(["'self'", 'http://127.0.0.1:8790', 'ws://127.0.0.1:8790']);
  });
  it('refuses a source that is not one origin (a wildcard, a path, a second directive)', () => {
    for (const bad of ['https://*.example', 'wss://desk.example/ws', "https://desk.example; script-src 'unsafe-inline'", '*', 'desk.example']) expect(() => appCsp([bad])).toThrow(/not an origin/);
  });
});

describe('keyboard escape shortcuts', () => {
  it.each([
    ['F5 reload', key('F5')],
    ['F11 fullscreen', key('F11')],
    ['F12 devtools', key('F12')],
    ['Ctrl+R', key('r', { control: true })],
    ['Ctrl+W', key('w', { control: true })],
    ['Ctrl+Shift+I', key('I', { control: true, shift: true })],
    ['Alt+F4', key('F4', { alt: true })],
    ['Alt+Left (history back)', key('ArrowLeft', { alt: true })],
    ['Super key', key('Meta', { meta: true })],
    ['Ctrl+P print dialog', key('p', { control: true })],
    ['Ctrl++ zoom', key('+', { control: true })],
  ])('swallows %s', (_name, input) => expect(swallowInput(input, false)).toBe(true));

  it.each([
    ['a digit from a wedge scanner', key('7')],
    ['Enter (scanner suffix)', key('Enter')],
    ['a letter', key('x')],
    ['Shift+X', key('X', { shift: true })],
    ['Backspace', key('Backspace')],
  ])('lets %s through', (_name, input) => expect(swallowInput(input, false)).toBe(false));

  it('ignores key-up events and lets a developer open devtools in dev builds', () => {
    expect(swallowInput({ ...key('F5'), type: 'keyUp' } as never, false)).toBe(false);
    expect(swallowInput(key('F12'), true)).toBe(false);
    expect(swallowInput(key('F12'), false)).toBe(true);
  });
});

describe('a second start of the app', () => {
  it('relaunches on --restart only when no resident is using the kiosk', () => {
    expect(secondInstanceAction(['kiosk.exe', '--restart'], false)).toBe('relaunch');
    expect(secondInstanceAction(['kiosk.exe', '--restart'], true)).toBe('ignore');
    expect(secondInstanceAction(['kiosk.exe', '--keepalive'], false)).toBe('focus');
  });
});

describe('devices and DevTools', () => {
  it('denies every device permission, for our own origin too, and cancels every chooser', () => {
    for (const deviceType of ['hid', 'serial', 'usb', 'bluetooth']) {
      expect(allowDevicePermission({ deviceType, origin: 'app://kiosk' })).toBe(false);
      expect(allowPermissionCheck(deviceType, 'app://kiosk')).toBe(false);
      expect(allowPermission(deviceType, 'app://kiosk/index.html')).toBe(false);
    }
    expect([...DEVICE_CHOOSERS].sort()).toEqual(['select-hid-device', 'select-serial-port', 'select-usb-device']);
    expect(chooserRefusal('select-hid-device')).toBe('');
    expect(chooserRefusal('select-serial-port')).toBe('');
    expect(chooserRefusal('select-bluetooth-device')).toBe('');
    expect(chooserRefusal('select-usb-device')).toBeUndefined();
  });

  it('opens DevTools only in an unpackaged build asked for them; a package ignores KIOSK_ELECTRON_DEV', () => {
    expect(devToolsAllowed(false, { KIOSK_ELECTRON_DEV: '1' })).toBe(true);
    expect(devToolsAllowed(false, {})).toBe(false);
    expect(devToolsAllowed(true, { KIOSK_ELECTRON_DEV: '1' })).toBe(false);
    expect(kioskWindowOptions({ preloadPath: '/p', dev: devToolsAllowed(true, { KIOSK_ELECTRON_DEV: '1' }) }).webPreferences?.devTools).toBe(false);
  });
});
