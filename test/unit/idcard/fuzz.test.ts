import { describe, expect, it } from 'vitest';
import { encodeCardText, encodeReply, FrameDecoder, parseCardText, PREAMBLE } from '../../../drivers/idcard';

/** A small deterministic PRNG so a failure can be replayed from its seed. */
function rng(seed: number) {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 0x100000000;
  };
}

describe('fuzz: the frame decoder and text parser never throw and never hang', () => {
  it('survives 120k random, mutated, truncated and concatenated frames', () => {
    const rand = rng(467);
    const int = (n: number) => Math.floor(rand() * n);
    const decoder = new FrameDecoder();
    const card = encodeCardText({
      id: 'x', label: 'x', cardType: 'resident', name: '张三', gender: '1', nation: '01', birth: '19900101',
      address: '山西', number: '140105199001011234', authority: 'x', validFrom: '20200101', validTo: '20300101',
    });
    let frames = 0;
    let good = 0;
    for (let i = 0; i < 120_000; i++) {
      let bytes: Uint8Array;
      const kind = i % 5;
      if (kind === 0) {
        bytes = new Uint8Array(int(64));
        for (let j = 0; j < bytes.length; j++) bytes[j] = int(256);
      } else {
        const data = new Uint8Array(int(kind === 4 ? 1300 : 40));
        for (let j = 0; j < data.length; j++) data[j] = int(256);
        bytes = Uint8Array.from(encodeReply(int(256), data));
        if (kind === 1) for (let m = 0; m < 1 + int(3); m++) bytes[int(bytes.length)] = int(256);
        if (kind === 2) bytes = bytes.subarray(0, int(bytes.length));
        if (kind === 3 && rand() < 0.5) bytes = new Uint8Array([...PREAMBLE, ...bytes]);
      }
      // Split at random points, as a serial port would.
      for (let off = 0; off < bytes.length; ) {
        const n = 1 + int(200);
        for (const e of decoder.push(bytes.subarray(off, off + n))) {
          if (e.kind === 'frame') good++;
        }
        off += n;
      }
      frames++;
      // The text parser gets mutated card blocks.
      if (i % 4 === 0) {
        const block = Uint8Array.from(card);
        for (let m = 0; m < 1 + int(8); m++) block[int(256)] = int(256);
        const r = parseCardText(block);
        expect(typeof r.ok).toBe('boolean');
      }
      expect(decoder.pending).toBeLessThan(0x1000 + 7 + 200 * 2);
    }
    expect(frames).toBe(120_000);
    // Unmutated frames (kind 3/4, some kind 1 mutations land harmlessly) must come through.
    expect(good).toBeGreaterThan(40_000);
    // After all that, a clean frame still decodes.
    decoder.reset();
    expect(decoder.push(encodeReply(0x90))).toEqual([{ kind: 'frame', body: Uint8Array.of(0, 0, 0x90) }]);
  });
});
