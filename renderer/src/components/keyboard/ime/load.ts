/**
 * The input method's data loads on first use, as its own chunks (dynamic
 * imports), so the kiosk's start-up bundle does not carry ≈10 MB of
 * dictionary and stroke data. Each is loaded once per page and kept.
 */
import { createHandwritingRecognizer, type HandwritingRecognizer } from './handwriting';
import { createPinyinEngine, type PinyinEngine } from './pinyin-engine';

let engine: Promise<PinyinEngine> | null = null;
let recognizer: Promise<HandwritingRecognizer> | null = null;

export function loadPinyinEngine(): Promise<PinyinEngine> {
  engine ??= Promise.all([import('../data/phrases.json'), import('../data/hanzi.json'), import('../data/names.json')]).then(([phrases, hanzi, names]) =>
    createPinyinEngine({ phrases: phrases.default, hanzi: hanzi.default, names: names.default }),
  );
  return engine;
}

export function loadHandwriting(): Promise<HandwritingRecognizer> {
  recognizer ??= import('../data/strokes.json').then((m) => createHandwritingRecognizer(m.default));
  return recognizer;
}
