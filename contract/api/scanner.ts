import { z } from 'zod';
import { event, method } from './define';

/** Symbologies the kiosk tells apart (from the AIM identifier, the HID report or the camera decoder). */
export const SymbologySchema = z.enum(['code128', 'qr', 'ean13', 'ean8', 'upca', 'code39', 'itf', 'datamatrix', 'pdf417', 'unknown']);
export type Symbology = z.infer<typeof SymbologySchema>;

export const ScanSourceSchema = z.enum(['serial', 'hid', 'keyboard', 'camera']);
export type ScanSource = z.infer<typeof ScanSourceSchema>;

/** Printable text only: a scan is shown and parsed, never executed. */
export const ScannedTextSchema = z
  .string()
  .min(1)
  .max(2048)
  .refine((s) => ![...s].some((ch) => {
    const c = ch.charCodeAt(0);
    return (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || c === 0x7f;
  }), 'control characters are not scan text');

export const ScannedSchema = z.object({
  symbology: SymbologySchema,
  text: ScannedTextSchema,
  source: ScanSourceSchema,
  at: z.string(),
});
export type Scanned = z.infer<typeof ScannedSchema>;

export const scannerMethods = {
  'scanner.report': method({
    doc: 'The renderer read a code (camera or keyboard-wedge scanner): publish it as one `scanner.scanned` event.',
    input: z
      .object({
        symbology: SymbologySchema,
        text: ScannedTextSchema,
        source: z.enum(['keyboard', 'camera']),
      })
      .strict(),
    output: ScannedSchema,
  }),
  'scanner.recent': method({
    doc: 'The last few scans from every source (dev dock and tests).',
    input: z.object({}).strict(),
    output: z.array(ScannedSchema),
    devOnly: true,
  }),
  'scanner.simulate': method({
    doc: 'Make the simulated serial scanner read a code (dev dock): it travels the pty like a real scan.',
    input: z.object({ text: ScannedTextSchema, aim: z.string().regex(/^\][A-Za-z][0-9A-Za-z]$/).optional() }).strict(),
    output: z.object({ sent: z.boolean() }),
    devOnly: true,
  }),
} as const;

export const scannerEvents = {
  'scanner.scanned': event({
    doc: 'A code was read by any scanner: serial, USB HID POS, keyboard wedge or camera. One-shot, never replayed.',
    payload: ScannedSchema,
  }),
} as const;
