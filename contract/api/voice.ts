import { z } from 'zod';
import { method } from './define';

/** Voice guidance for elderly mode: the host synthesises, the renderer plays; the text is always on screen too. */
export const voiceMethods = {
  'voice.speak': method({
    doc: 'Synthesise one prompt as WAV (base64).',
    input: z.object({ text: z.string().trim().min(1).max(400), locale: z.enum(['zh-CN', 'en']) }).strict(),
    output: z.object({ mime: z.literal('audio/wav'), base64: z.string(), engine: z.string() }),
  }),
} as const;
