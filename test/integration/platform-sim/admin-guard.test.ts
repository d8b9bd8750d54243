import { writeFileSync } from 'node:fs';
import { request } from 'node:http';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { adminHostAllowed } from '../../../platform-sim/admin/guard';
import { startPlatformSim, type PlatformSim } from '../../../platform-sim/server';
import { tempDir } from '../../support/processes';

interface Answer {
  readonly status: number;
  readonly body: string;
  readonly setCookie: string | undefined;
}

/** A raw request, so the Host header is what a rebinding page's browser would send. */
function get(sim: PlatformSim, pathname: string, headers: Record<string, string> = {}): Promise<Answer> {
  const port = Number(new URL(sim.url).port);
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: pathname, method: 'GET', headers: { host: `127.0.0.1:${port}`, ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const cookie = res.headers['set-cookie'];
        resolve({ status: res.statusCode!, body: Buffer.concat(chunks).toString('utf8'), setCookie: cookie?.[0] });
      });
    });
    req.on('error', reject);
    req.end();
  });
}

async function withSim(options: Parameters<typeof startPlatformSim>[0], run: (sim: PlatformSim) => Promise<void>): Promise<void> {
  const sim = await startPlatformSim(options);
  try {
    await run(sim);
  } finally {
    await sim.close();
  }
}

describe('platform-sim /admin: token and Host check', () => {
  it('a demo simulator without a token still refuses a foreign Host (DNS rebinding), on every admin path', async () => {
    await withSim({ port: 0, dataDir: tempDir('sim-demo') }, async (sim) => {
      expect(sim.adminToken).toBeNull();
      expect((await get(sim, '/admin/faults')).status).toBe(200);
      const port = new URL(sim.url).port;
      for (const p of ['/admin', '/admin/faults', '/admin/received.json', '/admin/fleet']) {
        const r = await get(sim, p, { host: `evil.example:${port}` });
        expect(r.status).toBe(403);
        expect(r.body).toContain('Host header not allowed');
      }
      // The kiosk-facing API is not the admin surface: a proxied name reaches /v1.
      expect((await get(sim, '/v1/health', { host: 'platform.example.gov.cn' })).status).toBe(200);
    });
  });

  it('with a token: refused without it or with a wrong one; Bearer works; ?token= once sets an HttpOnly cookie for the pages', async () => {
    await withSim({ port: 0, dataDir: tempDir('sim-token'), adminToken: 'operator-token-4711' }, async (sim) => {
      const none = await get(sim, '/admin/received.json');
      expect(none.status).toBe(401);
      expect(none.body).toContain('admin token');
      expect((await get(sim, '/admin/received.json', { authorization: 'Bearer operator-token-4712' })).status).toBe(401);
      expect((await get(sim, '/admin/received.json', { authorization: 'Bearer operator-token-4711' })).status).toBe(200);
      const first = await get(sim, '/admin?token=operator-token-4711');
      expect(first.status).toBe(200);
      expect(first.setCookie).toMatch(/^sim_admin=operator-token-4711; Path=\/admin; HttpOnly; SameSite=Strict$/);
      expect((await get(sim, '/admin/fleet', { cookie: first.setCookie!.split(';')[0]! })).status).toBe(200);
      expect((await get(sim, '/admin/fleet', { cookie: 'sim_admin=guess' })).status).toBe(401);
    });
  });

  it('a production simulator started without a token makes a random one: /admin is never open there', async () => {
    const dataDir = tempDir('sim-prod');
    writeFileSync(path.join(dataDir, 'keys.json'), JSON.stringify({ kiosks: [] }));
    await withSim({ port: 0, dataDir, production: true }, async (sim) => {
      expect(sim.adminToken).toMatch(/^[A-Za-z0-9_-]{32}$/);
      expect((await get(sim, '/admin/faults')).status).toBe(401);
      expect((await get(sim, '/admin/faults', { authorization: `Bearer ${sim.adminToken}` })).status).toBe(200);
    });
  });

  it('names the hosts a reverse proxy may use', () => {
    expect(adminHostAllowed('127.0.0.1:8790', 8790)).toBe(true);
    expect(adminHostAllowed('localhost:8790', 8790)).toBe(true);
    expect(adminHostAllowed('127.0.0.1:8791', 8790)).toBe(false);
    expect(adminHostAllowed(undefined, 8790)).toBe(false);
    expect(adminHostAllowed('sim.test.internal', 8790, ['sim.test.internal'])).toBe(true);
    expect(adminHostAllowed('sim.test.internal:443', 8790, ['sim.test.internal'])).toBe(true);
    expect(adminHostAllowed('sim.test.internal.evil.example', 8790, ['sim.test.internal'])).toBe(false);
  });
});
