import { describe, expect, it } from 'vitest';
import {
  allowDevicePermission,
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
  it('refuses the microphone and every other permission', () => {
    expect(allowPermission('media', 'app://kiosk/', ['audio'])).toBe(false);
    expect(allowPermission('media', 'app://kiosk/', ['video', 'audio'])).toBe(false);
    expect(allowPermission('media', 'app://kiosk/', [])).toBe(false);
    for (const p of ['geolocation', 'notifications', 'clipboard-read', 'hid', 'serial', 'usb', 'openExternal', 'fullscreen']) {
      expect(allowPermission(p, 'app://kiosk/', ['video'])).toBe(false);
    }
    expect(allowPermissionCheck('media', 'app://kiosk')).toBe(true);
    expect(allowPermissionCheck('geolocation', 'app://kiosk')).toBe(false);
    expect(allowPermissionCheck('media', 'https://evil.example')).toBe(false);
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
