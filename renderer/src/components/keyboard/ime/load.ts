/**
 * The keyboard's input methods, each in its own worker created on first use:
 * the kiosk's start-up bundle carries none of their ≈10 MB of data, and the
 * page's main thread never parses it.
 */
import type { Stroke } from './handwriting';
import type { Radical } from './hanzi-table';
import type { Candidate, LookupOptions } from './pinyin-engine';
import type { ImeRequest, ImeResponse } from './worker-protocol';

type Without<T> = T extends unknown ? Omit<T, 'id'> : never;
type Of<O extends ImeResponse['op']> = Extract<ImeResponse, { op: O }>;

function rpc(create: () => Worker) {
  let worker: Worker | null = null;
  let next = 1;
  const waiting = new Map<number, (r: ImeResponse) => void>();
  return <O extends ImeRequest['op']>(op: O, req: Without<Extract<ImeRequest, { op: O }>>): Promise<Of<O>> => {
    if (!worker) {
      worker = create();
      worker.onmessage = (e: MessageEvent<ImeResponse>) => {
        waiting.get(e.data.id)?.(e.data);
        waiting.delete(e.data.id);
      };
    }
    const id = next++;
    return new Promise((resolve) => {
      waiting.set(id, resolve as (r: ImeResponse) => void);
      worker!.postMessage({ ...req, id });
    });
  };
}

const pinyin = rpc(() => new Worker(new URL('./pinyin.worker.ts', import.meta.url), { type: 'module' }));
const handwriting = rpc(() => new Worker(new URL('./handwriting.worker.ts', import.meta.url), { type: 'module' }));

export const ime = {
  lookup: (buffer: string, options: LookupOptions): Promise<{ candidates: readonly Candidate[]; spelled: string }> => pinyin('lookup', { op: 'lookup', buffer, options }),
  radicals: (): Promise<readonly Radical[]> => pinyin('radicals', { op: 'radicals' }).then((r) => r.radicals),
  underRadical: (radical: string) => pinyin('under', { op: 'under', radical }).then((r) => r.chars),
  recognize: (strokes: readonly Stroke[], limit = 10): Promise<readonly string[]> => handwriting('recognize', { op: 'recognize', strokes, limit }).then((r) => r.candidates),
};
