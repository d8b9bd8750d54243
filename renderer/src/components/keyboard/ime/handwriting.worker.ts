/** The handwriting recogniser in a worker, off the page's main thread (see pinyin.worker.ts). */
import strokes from '../data/strokes.json';
import { createHandwritingRecognizer } from './handwriting';
import type { ImeRequest, ImeResponse } from './worker-protocol';

const recognizer = createHandwritingRecognizer(strokes);

self.onmessage = (e: MessageEvent<ImeRequest>) => {
  const m = e.data;
  if (m.op !== 'recognize') return;
  const out: ImeResponse = { id: m.id, op: 'recognize', candidates: recognizer.recognize(m.strokes, m.limit) };
  self.postMessage(out);
};
