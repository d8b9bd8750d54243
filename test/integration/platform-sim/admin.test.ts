import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReceivedReportSchema, TrafficReportSchema } from '../../../contract/platform';
import { applicationItem, applicationPayload, startSimWithKiosk, type SimUnderTest } from './sim-client';

describe('platform-sim admin: what it received, per kiosk', () => {
  let t: SimUnderTest;
  const name = '欧阳小明';
  const idNumber = '140105199001011238';
  beforeAll(async () => {
    t = await startSimWithKiosk();
    const items = [1, 2, 4].map((seq) => applicationItem(applicationPayload({ applicant: { cardType: 'resident', name, idNumber, address: '山西省太原市小店区坞城路 1 号' } }), seq));
    await t.kiosk.request('POST', '/v1/applications/batch', { items });
    await t.kiosk.request('POST', '/v1/applications/batch', { items: [items[0], items[0]] });
    await t.kiosk.request('POST', '/v1/applications/batch', { items: [{ ...items[1]!, payload: applicationPayload() }] });
  });
  afterAll(async () => {
    await t.sim.close();
  });

  it('counts accepted, duplicates, rejections and seq gaps per kiosk in JSON', async () => {
    const report = ReceivedReportSchema.parse(await (await t.admin('GET', '/admin/received.json')).json());
    expect(report.totals).toEqual({ accepted: 3, duplicates: 2, rejected: 1 });
    expect(report.kiosks).toHaveLength(1);
    expect(report.kiosks[0]!.applications).toEqual({ accepted: 3, duplicates: 2, rejected: 1, maxSeq: 4, missingSeqs: [3] });
    expect(report.kiosks[0]!.recent.map((r) => r.duplicateCount).sort()).toEqual([0, 0, 2]);
  });

  it('renders an HTML page in Chinese with the same numbers', async () => {
    const res = await t.admin('GET', '/admin');
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    const html = await res.text();
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toMatch(/共收到 <strong>3<\/strong> 件，重复提交 <strong>2<\/strong> 次/);
    expect(html).toContain(t.kiosk.kioskId);
    expect(html).toMatch(/<td>申请<\/td><td>3<\/td><td>2<\/td><td>1<\/td><td>4<\/td><td>3<\/td>/);
  });

  it('never shows a name, ID number or address on the admin surfaces', async () => {
    for (const path of ['/admin', '/admin/received.json', '/admin/fleet', '/admin/fleet.json']) {
      const body = await (await t.admin('GET', path)).text();
      expect(body, path).not.toContain(name);
      expect(body, path).not.toContain(idNumber);
      expect(body, path).not.toContain('坞城路');
    }
  });
});

describe('platform-sim admin: traffic per second', () => {
  it('counts every /v1 request per second and route, refused ones included, and none of /admin', async () => {
    const t = await startSimWithKiosk();
    try {
      await t.kiosk.request('GET', '/v1/status');
      await fetch(`${t.sim.url}/v1/status`); // unsigned: refused, still counted
      await t.admin('GET', '/admin');
      const report = TrafficReportSchema.parse(await (await t.admin('GET', '/admin/traffic.json')).json());
      // provision + two status requests
      expect(report.totalRequests).toBe(3);
      const byRoute = report.seconds.reduce<Record<string, number>>((acc, s) => {
        for (const [r, n] of Object.entries(s.byRoute)) acc[r] = (acc[r] ?? 0) + n;
        return acc;
      }, {});
      expect(byRoute).toEqual({ '/v1/devices/provision': 1, '/v1/status': 2 });
      expect(report.peakPerSecond).toBeGreaterThanOrEqual(1);
      expect(report.peakPerSecond).toBeLessThanOrEqual(3);
    } finally {
      await t.sim.close();
    }
  });
});
