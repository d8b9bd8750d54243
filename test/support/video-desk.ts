import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { hashPassword } from '../../video-desk/auth';
import { freeUdpTcpPort, startCoturn, type Coturn } from '../../video-desk/turn';
import { spawnTs, tempDir, type Spawned } from './processes';

export const VIDEO_SECRET = 'e2e-video-kiosk-secret-0001';
export const VIDEO_AGENT = { id: 'agent07', name: '坐席七', password: 'e2e-agent-pw' } as const;

export interface VideoDeskProcess extends Spawned {
  readonly url: string;
}

/** Debian's coturn on a free loopback port, shared-secret auth (the test's own TURN server). */
export async function startTestCoturn(): Promise<Coturn> {
  const base = 50_000 + Math.floor(Math.random() * 5000);
  return startCoturn({ port: await freeUdpTcpPort(), secret: `turn-${Math.random().toString(36).slice(2)}-secret`, minPort: base, maxPort: base + 100 });
}

/** `npm run video-desk` as the province runs it: an agents file, the kiosk secret, TURN URLs and secret, relay-only ICE. */
export async function startVideoDeskProcess(turn: Coturn | null, policy: 'all' | 'relay' = 'relay'): Promise<VideoDeskProcess> {
  const dir = tempDir('video-desk');
  const agentsFile = path.join(dir, 'agents.json');
  writeFileSync(agentsFile, JSON.stringify([{ id: VIDEO_AGENT.id, name: VIDEO_AGENT.name, password: hashPassword(VIDEO_AGENT.password) }]));
  const secretFile = path.join(dir, 'kiosk-secret');
  writeFileSync(secretFile, VIDEO_SECRET, { mode: 0o600 });
  const s = await spawnTs('video-desk/main.ts', [], {
    env: {
      VIDEO_DESK_PORT: '0',
      VIDEO_KIOSK_SECRET_FILE: secretFile,
      VIDEO_AGENTS_FILE: agentsFile,
      VIDEO_ICE_POLICY: policy,
      ...(turn ? { VIDEO_TURN_URLS: turn.url, VIDEO_TURN_SECRET: turn.secret } : {}),
    },
    readyLine: /^VIDEO_DESK_URL=(\S+)/,
  });
  return { ...s, url: s.match[1]! };
}
