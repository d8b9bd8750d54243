import { spawn } from 'node:child_process';
import { err, ok, type Result } from '../../contract';

/**
 * Voice guidance for elderly mode. espeak-ng (Debian package, in
 * scripts/setup.sh) speaks Mandarin with `-v cmn`; Chromium in kiosk mode has
 * no speechSynthesis voices, so the host synthesises and the renderer plays
 * the WAV. Recent prompts are cached: every screen repeats the same few.
 */
export interface VoiceOptions {
  readonly binary?: string;
  readonly timeoutMs?: number;
  readonly cacheEntries?: number;
}

const VOICES = { 'zh-CN': 'cmn', en: 'en-gb' } as const;

export class VoiceGuide {
  private readonly cache = new Map<string, string>();
  private readonly binary: string;
  private readonly timeoutMs: number;
  private readonly cacheEntries: number;

  constructor(options: VoiceOptions = {}) {
    this.binary = options.binary ?? 'espeak-ng';
    this.timeoutMs = options.timeoutMs ?? 5000;
    this.cacheEntries = options.cacheEntries ?? 64;
  }

  get engine(): string {
    return this.binary;
  }

  async speak(text: string, locale: 'zh-CN' | 'en'): Promise<Result<string>> {
    const key = `${locale}\u0000${text}`;
    const cached = this.cache.get(key);
    if (cached) {
      // Refresh recency: Map keeps insertion order.
      this.cache.delete(key);
      this.cache.set(key, cached);
      return ok(cached);
    }
    const wav = await this.synthesise(text, VOICES[locale]);
    if (!wav.ok) return wav;
    const base64 = wav.value.toString('base64');
    this.cache.set(key, base64);
    while (this.cache.size > this.cacheEntries) this.cache.delete(this.cache.keys().next().value!);
    return ok(base64);
  }

  private synthesise(text: string, voice: string): Promise<Result<Buffer>> {
    return new Promise((resolve) => {
      const chunks: Buffer[] = [];
      // The text goes on stdin, never on the command line (no shell, nothing in `ps`).
      const child = spawn(this.binary, ['-v', voice, '-s', '150', '--stdout'], { stdio: ['pipe', 'pipe', 'ignore'] });
      const timer = setTimeout(() => child.kill('SIGKILL'), this.timeoutMs);
      child.stdout.on('data', (c: Buffer) => chunks.push(c));
      child.on('error', (e) => {
        clearTimeout(timer);
        resolve(err('device-no-hardware', '语音播报暂不可用，请看屏幕上的文字', { detail: `voice: ${e.message}` }));
      });
      child.on('close', (code) => {
        clearTimeout(timer);
        const wav = Buffer.concat(chunks);
        if (code !== 0 || wav.length < 44 || wav.toString('ascii', 0, 4) !== 'RIFF') {
          resolve(err('device-failure', '语音播报暂不可用，请看屏幕上的文字', { detail: `voice: espeak-ng exit ${code}, ${wav.length} bytes` }));
          return;
        }
        resolve(ok(wav));
      });
      child.stdin.end(text);
    });
  }
}
