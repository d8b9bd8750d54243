import { readdirSync, statSync, statfsSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import type { SystemHealth, Versions } from '../../../contract';

/** Disk, memory, uptime and versions of the machine the host runs on. */
export function systemHealth(dataDir: string, bootedAt: Date): SystemHealth {
  let disk: SystemHealth['disk'];
  try {
    const fs = statfsSync(dataDir);
    disk = { path: dataDir, freeBytes: fs.bavail * fs.bsize, totalBytes: fs.blocks * fs.bsize };
  } catch {
    disk = null;
  }
  return {
    uptimeSec: Math.round((Date.now() - bootedAt.getTime()) / 1000),
    osUptimeSec: Math.round(os.uptime()),
    memory: { rssBytes: process.memoryUsage.rss(), systemFreeBytes: os.freemem(), systemTotalBytes: os.totalmem() },
    disk,
    dataDir,
    dataDirBytes: directorySize(dataDir),
  };
}

/** Bytes under a folder; bounded so a huge attachment store cannot stall the dashboard. */
export function directorySize(dir: string, limit = 200_000): number {
  let total = 0;
  let seen = 0;
  const stack = [dir];
  while (stack.length && seen < limit) {
    const d = stack.pop()!;
    let names: string[];
    try {
      names = readdirSync(d);
    } catch {
      continue;
    }
    for (const n of names) {
      seen++;
      const p = path.join(d, n);
      try {
        const st = statSync(p);
        if (st.isDirectory()) stack.push(p);
        else total += st.size;
      } catch {
        /* vanished while we looked */
      }
    }
  }
  return total;
}

let sqliteVersion: string | null | undefined;

function readSqliteVersion(): string | null {
  if (sqliteVersion !== undefined) return sqliteVersion;
  try {
    const require = createRequire(import.meta.url);
    const Database = require('better-sqlite3') as new (file: string) => { prepare(sql: string): { get(): unknown }; close(): void };
    const db = new Database(':memory:');
    sqliteVersion = (db.prepare('select sqlite_version() as v').get() as { v: string }).v;
    db.close();
  } catch {
    sqliteVersion = null;
  }
  return sqliteVersion;
}

export function versions(app: string): Versions {
  return {
    app,
    node: process.versions.node,
    electron: process.versions['electron'] ?? null,
    chromium: process.versions['chrome'] ?? null,
    sqlite: readSqliteVersion(),
  };
}
