/**
 * `npm run video-desk`: the 远程视频帮办 signalling service and agent console
 * (docs/video-help.md). Environment:
 *   VIDEO_DESK_PORT (8791), VIDEO_DESK_HOST (127.0.0.1),
 *   VIDEO_KIOSK_SECRET_FILE or VIDEO_KIOSK_SECRET (shared with the kiosks' video.secret),
 *   VIDEO_AGENTS_FILE (JSON: [{"id","name","password":"scrypt:…"}]; `npm run video-desk -- hash PASSWORD` makes one),
 *   VIDEO_TURN_URLS (comma-separated turn: URLs), VIDEO_TURN_SECRET_FILE or VIDEO_TURN_SECRET (coturn static-auth-secret),
 *   VIDEO_TURN_TTL (seconds, 3600), VIDEO_ICE_POLICY ('all' | 'relay'),
 *   VIDEO_LOCAL_TURN=1: start Debian's coturn on loopback (demo), port VIDEO_LOCAL_TURN_PORT (3478; 0 = any free one).
 * `--demo`: one agent `agent01` / `demo-agent`, the demo kiosk secret, a local coturn when installed.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import { hashPassword, type AgentAccount } from './auth';
import { startVideoDesk } from './server';
import { DEMO_AGENT, DEMO_KIOSK_SECRET } from './demo';
import { freeUdpTcpPort, startCoturn, type Coturn, type TurnOptions } from './turn';

const env = process.env;
const args = process.argv.slice(2);
const fail = (msg: string): never => {
  console.error(`video desk: ${msg}`);
  process.exit(2);
};

if (args[0] === 'hash') {
  console.log(hashPassword(args[1] ?? fail('hash: give the password to hash')));
  process.exit(0);
}
const demo = args.includes('--demo');

const secretFrom = (name: string): string | null => {
  const file = env[`${name}_FILE`];
  if (file) return readFileSync(file, 'utf8').trim();
  return env[name] ?? null;
};
const kioskSecret = secretFrom('VIDEO_KIOSK_SECRET') ?? (demo ? DEMO_KIOSK_SECRET : fail('VIDEO_KIOSK_SECRET_FILE: expected the file with the secret shared with the kiosks (video.secret)'));
if (kioskSecret.length < 16) fail('VIDEO_KIOSK_SECRET: expected at least 16 characters');

const AgentsSchema = z.array(z.object({ id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/), name: z.string().min(1).max(40), password: z.string().startsWith('scrypt:') }).strict()).min(1);
let agents: AgentAccount[];
if (env['VIDEO_AGENTS_FILE']) {
  const parsed = AgentsSchema.safeParse(JSON.parse(readFileSync(env['VIDEO_AGENTS_FILE'], 'utf8')));
  if (!parsed.success) fail(`VIDEO_AGENTS_FILE: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  agents = parsed.data!;
} else if (demo) agents = [{ id: DEMO_AGENT.id, name: DEMO_AGENT.name, password: hashPassword(DEMO_AGENT.password) }];
else agents = fail('VIDEO_AGENTS_FILE: expected a JSON file of agent accounts');

const port = Number(env['VIDEO_DESK_PORT'] ?? '8791');
if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`VIDEO_DESK_PORT: expected a port number (got ${JSON.stringify(env['VIDEO_DESK_PORT'])})`);
const policy = env['VIDEO_ICE_POLICY'] ?? 'all';
if (policy !== 'all' && policy !== 'relay') fail(`VIDEO_ICE_POLICY: expected 'all' or 'relay' (got ${JSON.stringify(policy)})`);
const ttl = Number(env['VIDEO_TURN_TTL'] ?? '3600');
if (!Number.isInteger(ttl) || ttl < 60) fail('VIDEO_TURN_TTL: expected whole seconds, at least 60');

let coturn: Coturn | null = null;
let turn: TurnOptions | null = null;
const turnUrls = (env['VIDEO_TURN_URLS'] ?? '').split(',').map((u) => u.trim()).filter(Boolean);
const badUrl = turnUrls.find((u) => !/^turns?:[^\s]+$/.test(u));
if (badUrl) fail(`VIDEO_TURN_URLS: expected turn: or turns: URLs (got ${JSON.stringify(badUrl)})`);
if (turnUrls.length) {
  turn = { urls: turnUrls, secret: secretFrom('VIDEO_TURN_SECRET') ?? fail('VIDEO_TURN_SECRET_FILE: expected the coturn static-auth-secret'), ttlSeconds: ttl, policy: policy as 'all' | 'relay' };
} else if (env['VIDEO_LOCAL_TURN'] === '1' || (demo && ['/usr/bin/turnserver', '/usr/sbin/turnserver'].some((p) => existsSync(p)))) {
  const secret = randomBytes(18).toString('base64url');
  try {
    const wanted = Number(env['VIDEO_LOCAL_TURN_PORT'] ?? '3478');
    coturn = await startCoturn({ port: wanted === 0 ? await freeUdpTcpPort() : wanted, secret });
    turn = { urls: [coturn.url], secret, ttlSeconds: ttl, policy: policy as 'all' | 'relay' };
  } catch (e) {
    console.error(`video desk: local TURN not started (${(e as Error).message}); calls use direct connections only`);
  }
}

const desk = await startVideoDesk({ kioskSecret, agents, turn, port, host: env['VIDEO_DESK_HOST'] ?? '127.0.0.1', log: (line) => console.error(`video desk: ${line}`) });
console.log(`VIDEO_DESK_URL=${desk.url}`);
console.error(`video desk: agent console ${desk.url}/ · TURN ${turn ? turn.urls.join(', ') : 'none'}${demo ? ` · demo agent ${DEMO_AGENT.id} / ${DEMO_AGENT.password}` : ''}`);

const shutdown = async () => {
  await desk.close();
  await coturn?.stop();
  process.exit(0);
};
process.on('SIGTERM', () => void shutdown());
process.on('SIGINT', () => void shutdown());
