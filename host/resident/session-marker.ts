import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { SessionMarker, SessionMarkerPort } from './session';

const MarkerSchema = z.object({ id: z.string().min(1).max(64), startedAt: z.string(), touchedAt: z.number().int() });

/**
 * `<dataDir>/run/session.json`: the visit at the kiosk (id, start, last
 * change; nothing personal), so a host restarted while the resident stands
 * there resumes it. Written on every session change (rename over the old
 * file), removed when the visit ends. A damaged file counts as no visit.
 */
export function sessionMarkerFile(dataDir: string): SessionMarkerPort {
  const file = path.join(dataDir, 'run', 'session.json');
  return {
    load(): SessionMarker | null {
      try {
        const parsed = MarkerSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
        return parsed.success ? parsed.data : null;
      } catch {
        return null;
      }
    },
    save(marker) {
      if (!marker) {
        rmSync(file, { force: true });
        return;
      }
      mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
      const tmp = `${file}.tmp`;
      writeFileSync(tmp, JSON.stringify(marker), { mode: 0o600 });
      renameSync(tmp, file);
    },
  };
}
