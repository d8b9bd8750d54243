import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../../host/config';
import { tempDir } from '../../support/processes';

const load = (env: Record<string, string>, cwd = tempDir('cfg')) => loadConfig({ env, cwd });

describe('configuration', () => {
  it('defaults to a demo kiosk with simulated devices and the local platform simulator', () => {
    const c = load({});
    expect(c.mode).toBe('demo');
    expect(c.devices).toMatchObject({ idcard: 'sim', printer: 'sim', scanner: 'sim', idcardBaud: 115200 });
    expect(c.platform.url).toBeNull();
    expect(c.ui).toMatchObject({ idleSeconds: 60, countdownSeconds: 15, locale: 'zh-CN' });
    expect(path.isAbsolute(c.dataDir)).toBe(true);
  });

  it('lets environment variables override the config file', () => {
    const cwd = tempDir('cfg');
    const file = path.join(cwd, 'kiosk.json');
    writeFileSync(file, JSON.stringify({ kioskId: 'SX-TY-0042', http: { port: 9000 }, devices: { idcard: '/dev/ttyUSB0' } }));
    const c = load({ KIOSK_CONFIG: file, KIOSK_HTTP_PORT: '9100', KIOSK_PLATFORM_URL: 'https://zwfw.example.cn/kiosk' }, cwd);
    expect(c.kioskId).toBe('SX-TY-0042');
    expect(c.http.port).toBe(9100);
    expect(c.devices.idcard).toBe('/dev/ttyUSB0');
    expect(c.platform.url).toBe('https://zwfw.example.cn/kiosk');
  });

  it.each([
    ['KIOSK_HTTP_PORT', 'abc', /KIOSK_HTTP_PORT/],
    ['KIOSK_HTTP_PORT', '70000', /KIOSK_HTTP_PORT/],
    ['KIOSK_IDCARD', 'ttyUSB0', /KIOSK_IDCARD: expected 'sim', 'auto', 'none', a device path/],
    ['KIOSK_OPEN', 'firefox', /KIOSK_OPEN/],
    ['KIOSK_PLATFORM_URL', 'ftp://x', /KIOSK_PLATFORM_URL: expected an http\(s\) URL/],
    ['KIOSK_IDCARD_BAUD', '12345', /KIOSK_IDCARD_BAUD: expected 115200, 57600/],
    ['KIOSK_MODE', 'prod', /KIOSK_MODE/],
  ])('%s=%s stops start-up with one line naming the key', (key, value, message) => {
    let error: unknown;
    try {
      load({ [key]: value });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).not.toContain('\n');
  });

  it('names the file when it is not valid JSON', () => {
    const cwd = tempDir('cfg');
    const file = path.join(cwd, 'bad.json');
    writeFileSync(file, '{ kioskId: ');
    expect(() => load({ KIOSK_CONFIG: file }, cwd)).toThrow(/bad\.json: expected valid JSON/);
  });

  it('rejects unknown keys in the file, naming them', () => {
    const cwd = tempDir('cfg');
    const file = path.join(cwd, 'k.json');
    writeFileSync(file, JSON.stringify({ devices: { idcrad: 'sim' } }));
    expect(() => load({ KIOSK_CONFIG: file }, cwd)).toThrow(/devices/);
  });
});
