/**
 * The least a kiosk host on this stack does before it can answer, bundled and
 * run like the production bundle: zod (the config and the contract are zod
 * schemas), better-sqlite3 opening a store in WAL mode, and a node:http server
 * listening. `startup` times it against a bare node:http start: any host built
 * on zod + better-sqlite3 + node:http is at least this far from the bare start.
 */
import Database from 'better-sqlite3';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { z } from 'zod';

const Config = z.object({ kioskId: z.string().regex(/^SX-[A-Z0-9-]+$/), port: z.number().int().min(0).max(65535), dataDir: z.string().min(1) });
const config = Config.parse({ kioskId: 'SX-FLOOR', port: 0, dataDir: mkdtempSync(path.join(tmpdir(), 'kiosk-floor-')) });
const db = new Database(path.join(config.dataDir, 'floor.db'));
db.pragma('journal_mode = WAL');
db.exec('CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT)');
createServer((_req, res) => res.end()).listen(config.port, '127.0.0.1', () => console.log('READY'));
