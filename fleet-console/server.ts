import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { KioskCommandBodySchema } from '../contract/platform';
import { problemsOf } from './advice';
import type { ConsoleBroker } from './broker-link';
import { NewRolloutSchema, RolloutError, type RolloutController } from './rollouts';
import type { FleetStore, KioskRow } from './store';

const PUBLIC = path.join(path.dirname(fileURLToPath(import.meta.url)), 'public');
const STATIC: Record<string, string> = {
  '/': 'index.html',
  '/console.js': 'console.js',
  '/console.css': 'console.css',
};
const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8' };

const PageQuerySchema = z.object({
  q: z.string().max(80).optional(),
  region: z.string().max(40).optional(),
  servicePoint: z.string().max(80).optional(),
  problems: z.enum(['0', '1']).optional(),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

const SendSchema = z.object({ command: KioskCommandBodySchema, ttlSeconds: z.number().int().min(60).max(7 * 86_400).default(3600) });

export interface ConsoleServerOptions {
  readonly store: FleetStore;
  readonly broker: ConsoleBroker;
  /** Staged rollouts (fleet-console/rollouts.ts). */
  readonly rollouts?: RolloutController;
  readonly port?: number;
  readonly host?: string;
  readonly now?: () => Date;
}

export interface ConsoleServer {
  readonly url: string;
  close(): Promise<void>;
}

function view(k: KioskRow, now: Date) {
  return { ...k, problems: problemsOf(k, now) };
}

/**
 * The fleet console's HTTP side: the page (zh-CN first, English complete),
 * the per-region summary and pages of kiosks (problems first) it is built
 * from, the whole fleet as JSON for export (incremental by sequence number),
 * one kiosk's history, and signed commands out. Bound to loopback by default; put it behind the
 * province's operator sign-on to expose it (docs/fleet.md).
 */
export async function startConsoleServer(o: ConsoleServerOptions): Promise<ConsoleServer> {
  const now = o.now ?? (() => new Date());
  const json = (res: http.ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
    res.end(JSON.stringify(body));
  };
  const summaryBody = () => {
    o.store.flush();
    return { seq: o.store.latestSeq(), unchanged: false, brokerConnected: o.broker.connected, generatedAt: now().toISOString(), ...o.store.summary() };
  };
  const pageBody = (p: z.infer<typeof PageQuerySchema>) => {
    o.store.flush();
    const at = now();
    const page = o.store.page({
      ...(p.q ? { q: p.q } : {}),
      ...(p.region ? { region: p.region } : {}),
      ...(p.servicePoint ? { servicePoint: p.servicePoint } : {}),
      problems: p.problems === '1',
      offset: p.offset,
      limit: p.limit,
    });
    return { seq: o.store.latestSeq(), total: page.total, offset: p.offset, limit: p.limit, kiosks: page.kiosks.map((k) => view(k, at)) };
  };
  const firstView = () => {
    const json = JSON.stringify({
      summary: summaryBody(),
      problems: pageBody({ problems: '1', offset: 0, limit: 50 }),
      kiosks: pageBody({ offset: 0, limit: 50 }),
    });
    // `<` escaped, so no text a kiosk sent (a finding, a service point) can close the element.
    return `<script type="application/json" id="first-view">${json.replace(/</g, '\\u003c')}</script>`;
  };
  const server = http.createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://console');
      const file = STATIC[url.pathname];
      if (req.method === 'GET' && file) {
        res.writeHead(200, {
          'content-type': TYPES[path.extname(file)]!,
          'content-security-policy': "default-src 'self'; style-src 'self'; script-src 'self'; img-src 'self' data:",
          'cache-control': url.pathname === '/' ? 'no-store' : 'no-cache',
        });
        const body = readFileSync(path.join(PUBLIC, file));
        // The page's first view comes with it (the summary and the first page of each list, as the API gives
        // them), so it is usable without another round trip; a JSON data block, never executed.
        res.end(url.pathname === '/' ? body.toString('utf8').replace('<!--first-view-->', () => firstView()) : body);
        return;
      }
      if (req.method === 'GET' && url.pathname === '/api/fleet') {
        const after = Number(url.searchParams.get('after') ?? '0');
        if (!Number.isInteger(after) || after < 0) return json(res, 400, { error: 'after: expected a non-negative integer' });
        o.store.flush();
        const at = now();
        return json(res, 200, { seq: o.store.latestSeq(), brokerConnected: o.broker.connected, generatedAt: at.toISOString(), kiosks: o.store.kiosks(after).map((k) => view(k, at)) });
      }
      if (req.method === 'GET' && url.pathname === '/api/summary') {
        // The console's first view: counts per region and service point, from SQLite, not every kiosk.
        const after = Number(url.searchParams.get('after') ?? '0');
        if (!Number.isInteger(after) || after < 0) return json(res, 400, { error: 'after: expected a non-negative integer' });
        o.store.flush();
        const seq = o.store.latestSeq();
        if (after > 0 && after === seq) return json(res, 200, { seq, unchanged: true, brokerConnected: o.broker.connected });
        return json(res, 200, summaryBody());
      }
      if (req.method === 'GET' && url.pathname === '/api/kiosks') {
        const parsed = PageQuerySchema.safeParse(Object.fromEntries(url.searchParams));
        if (!parsed.success) return json(res, 400, { error: parsed.error.issues.map((i) => `${i.path.join('.') || 'query'}: ${i.message}`).join('; ') });
        return json(res, 200, pageBody(parsed.data));
      }
      const kioskMatch = /^\/api\/kiosks\/([A-Za-z0-9-]{3,40})(\/commands)?$/.exec(url.pathname);
      if (kioskMatch && req.method === 'GET' && !kioskMatch[2]) {
        o.store.flush();
        const id = kioskMatch[1]!;
        const row = o.store.kiosk(id);
        if (!row) return json(res, 404, { error: `no kiosk ${id} has reported` });
        return json(res, 200, { kiosk: view(row, now()), samples: o.store.samples(id), changes: o.store.stateChanges(id), commands: o.store.commands(id) });
      }
      if (kioskMatch && req.method === 'POST' && kioskMatch[2]) {
        const id = kioskMatch[1]!;
        let body: unknown;
        try {
          body = JSON.parse(await readBody(req));
        } catch {
          return json(res, 400, { error: 'expected a JSON body' });
        }
        const parsed = SendSchema.safeParse(body);
        if (!parsed.success) return json(res, 400, { error: parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ') });
        if (!o.broker.connected) return json(res, 503, { error: '未连接消息服务器，命令未发送 / not connected to the broker; nothing was sent' });
        const signed = await o.broker.send(id, parsed.data.command, parsed.data.ttlSeconds);
        return json(res, 201, { commandId: signed.commandId, expiresAt: signed.expiresAt });
      }
      if (url.pathname === '/api/rollouts' && o.rollouts) {
        if (req.method === 'GET') return json(res, 200, { rollouts: o.rollouts.list() });
        if (req.method === 'POST') {
          let body: unknown;
          try {
            body = JSON.parse(await readBody(req));
          } catch {
            return json(res, 400, { error: 'expected a JSON body' });
          }
          const parsed = NewRolloutSchema.safeParse(body);
          if (!parsed.success) return json(res, 400, { error: parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ') });
          if (!o.broker.connected) return json(res, 503, { error: '未连接消息服务器，发布未开始 / not connected to the broker; the rollout did not start' });
          try {
            return json(res, 201, await o.rollouts.create(parsed.data));
          } catch (e) {
            if (e instanceof RolloutError) return json(res, 409, { error: `${e.zh} / ${e.message}` });
            throw e;
          }
        }
      }
      const stopMatch = /^\/api\/rollouts\/(\d+)\/stop$/.exec(url.pathname);
      if (stopMatch && req.method === 'POST' && o.rollouts) {
        const v = o.rollouts.halt(Number(stopMatch[1]));
        return v ? json(res, 200, v) : json(res, 404, { error: 'unknown rollout' });
      }
      const cmdMatch = /^\/api\/commands\/([0-9a-f-]{36})$/.exec(url.pathname);
      if (cmdMatch && req.method === 'GET') {
        const c = o.store.command(cmdMatch[1]!);
        return c ? json(res, 200, c) : json(res, 404, { error: 'unknown command' });
      }
      json(res, 404, { error: 'not found' });
    })().catch((e: unknown) => {
      if (!res.headersSent) json(res, 500, { error: (e as Error).message });
    });
  });
  await new Promise<void>((resolve) => server.listen(o.port ?? 0, o.host ?? '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > 64 * 1024) {
        reject(new Error('body too large'));
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
