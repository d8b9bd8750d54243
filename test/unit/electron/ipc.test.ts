import { describe, expect, it, vi } from 'vitest';
import { methodNames } from '../../../contract';
import { channelFor, isTrustedSender, methodFromChannel } from '../../../electron/main/ipc-guard';
import { mimeFor, resolveAppFile } from '../../../electron/main/app-protocol';
import { buildBridge } from '../../../electron/preload/bridge';

describe('IPC sender validation', () => {
  const ours = { webContentsId: 7, frameUrl: 'app://kiosk/index.html', isMainFrame: true };
  it('answers our own top frame', () => {
    expect(isTrustedSender(ours, 7)).toBe(true);
  });
  it('refuses other windows, sub-frames, foreign origins and a missing window', () => {
    expect(isTrustedSender({ ...ours, webContentsId: 8 }, 7)).toBe(false);
    expect(isTrustedSender({ ...ours, isMainFrame: false }, 7)).toBe(false);
    expect(isTrustedSender({ ...ours, frameUrl: 'https://evil.example/' }, 7)).toBe(false);
    expect(isTrustedSender({ ...ours, frameUrl: undefined }, 7)).toBe(false);
    expect(isTrustedSender(ours, null)).toBe(false);
  });
  it('maps channels to contract methods and nothing else', () => {
    expect(methodFromChannel(channelFor('system.ping'))).toBe('system.ping');
    expect(methodFromChannel('kiosk:shell.openExternal')).toBeNull();
    expect(methodFromChannel('system.ping')).toBeNull();
  });
});

describe('preload bridge', () => {
  it('exposes one fixed function per contract method, bound to its own channel', async () => {
    const invoke = vi.fn(async (channel: string, input: unknown) => ({ channel, input }));
    const bridge = buildBridge(invoke, () => () => undefined);
    const count = Object.values(bridge.methods).reduce((n, d) => n + Object.keys(d).length, 0);
    expect(count).toBe(methodNames.length);
    await expect(bridge.methods['system']!['ping']!({ nonce: 'x' })).resolves.toEqual({ channel: 'kiosk:system.ping', input: { nonce: 'x' } });
    expect(Object.isFrozen(bridge.methods)).toBe(true);
    expect(Object.keys(bridge).sort()).toEqual(['methods', 'onEvent']);
    expect(JSON.stringify(Object.keys(bridge.methods))).not.toMatch(/invoke|ipc|process|require/);
  });
  it('passes on contract events and drops anything else', () => {
    let push: (m: unknown) => void = () => undefined;
    const bridge = buildBridge(async () => null, (l) => {
      push = l;
      return () => undefined;
    });
    const seen: string[] = [];
    bridge.onEvent((m) => seen.push(m.event));
    push({ event: 'session.changed', payload: null });
    push({ event: 'evil.event', payload: 1 });
    push('garbage');
    push(null);
    expect(seen).toEqual(['session.changed']);
  });
});

describe('app:// protocol', () => {
  it('serves files inside the bundle', () => {
    expect(resolveAppFile('app://kiosk/', '/r')).toBe('/r/index.html');
    expect(resolveAppFile('app://kiosk/assets/a.js', '/r')).toBe('/r/assets/a.js');
    expect(mimeFor('/r/x.wasm')).toBe('application/wasm');
  });
  it('refuses traversal, other hosts and other schemes', () => {
    expect(resolveAppFile('app://kiosk/..%2F..%2Fetc%2Fpasswd', '/r')).toBeNull();
    // The URL parser folds %2e%2e segments; whatever it yields stays inside the bundle.
    expect(resolveAppFile('app://kiosk/%2e%2e/%2e%2e/secret', '/r')).toBe('/r/secret');
    expect(resolveAppFile('app://other/index.html', '/r')).toBeNull();
    expect(resolveAppFile('file:///etc/passwd', '/r')).toBeNull();
    expect(resolveAppFile('app://kiosk/a%00b', '/r')).toBeNull();
  });
});
