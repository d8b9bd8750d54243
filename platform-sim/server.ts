import Fastify, { type FastifyInstance } from 'fastify';

export interface PlatformSimOptions {
  readonly port: number;
  readonly dataDir: string;
}

export interface PlatformSim {
  readonly url: string;
  readonly app: FastifyInstance;
  close(): Promise<void>;
}

/** Reference implementation of the provincial platform API, for demo, dev and tests. */
export async function startPlatformSim(options: PlatformSimOptions): Promise<PlatformSim> {
  const app = Fastify({ logger: false });
  app.get('/v1/health', async () => ({ ok: true, now: new Date().toISOString() }));
  await app.listen({ host: '127.0.0.1', port: options.port });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  return { url: `http://127.0.0.1:${port}`, app, close: () => app.close() };
}
