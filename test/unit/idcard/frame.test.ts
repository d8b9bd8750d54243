import { describe, expect, it } from 'vitest';
import { checksum, encodeCommand, encodeReply, FrameDecoder, COMMANDS } from '../../../drivers/idcard';

const hex = (s: string) => Uint8Array.from(s.split(/\s+/).filter(Boolean).map((b) => parseInt(b, 16)));
const PRE = 'AA AA AA 96 69';

describe('GA/T 467 frame codec', () => {
  it('encodes the worked command frames of protocols.md byte for byte', () => {
    expect(encodeCommand(...COMMANDS.findCard)).toEqual(hex(`${PRE} 00 03 20 01 22`));
    expect(encodeCommand(...COMMANDS.selectCard)).toEqual(hex(`${PRE} 00 03 20 02 21`));
    expect(encodeCommand(...COMMANDS.readText)).toEqual(hex(`${PRE} 00 03 30 01 32`));
    expect(encodeCommand(...COMMANDS.readWithFingerprint)).toEqual(hex(`${PRE} 00 03 30 10 23`));
  });

  it('encodes the worked "read failed" reply and decodes it back', () => {
    const frame = encodeReply(0x41);
    expect(frame).toEqual(hex(`${PRE} 00 04 00 00 41 45`));
    const events = new FrameDecoder().push(frame);
    expect(events).toEqual([{ kind: 'frame', body: hex('00 00 41') }]);
  });

  it('produces the 1295-byte read reply shape with length 05 08', () => {
    const data = new Uint8Array(4 + 256 + 1024);
    data.set([0x01, 0x00, 0x04, 0x00]);
    const frame = encodeReply(0x90, data);
    expect(frame.length).toBe(1295);
    expect([frame[5], frame[6]]).toEqual([0x05, 0x08]);
    expect(frame[frame.length - 1]).toBe(checksum(frame, 5, frame.length - 1));
  });

  it('reassembles a frame split into single bytes and any other split', () => {
    const frame = encodeReply(0x9f, hex('00 00 00 00'));
    const d = new FrameDecoder();
    const got = [];
    for (const b of frame) got.push(...d.push(Uint8Array.of(b)));
    expect(got).toEqual([{ kind: 'frame', body: hex('00 00 9F 00 00 00 00') }]);
    for (let cut = 1; cut < frame.length; cut++) {
      const dd = new FrameDecoder();
      const events = [...dd.push(frame.subarray(0, cut)), ...dd.push(frame.subarray(cut))];
      expect(events.filter((e) => e.kind === 'frame')).toHaveLength(1);
      expect(dd.pending).toBe(0);
    }
  });

  it('decodes two frames in one chunk', () => {
    const both = new Uint8Array([...encodeReply(0x80), ...encodeReply(0x90)]);
    const events = new FrameDecoder().push(both);
    expect(events.map((e) => (e.kind === 'frame' ? e.body[2] : e.kind))).toEqual([0x80, 0x90]);
  });

  it('skips garbage before and between frames, including a fake half preamble', () => {
    const noise = hex('00 FF AA AA 13 96 69 AA');
    const stream = new Uint8Array([...noise, ...encodeReply(0x90), ...hex('AA AA AA'), ...encodeReply(0x80)]);
    const events = new FrameDecoder().push(stream);
    expect(events.filter((e) => e.kind === 'frame').map((e) => (e.kind === 'frame' ? e.body[2] : 0))).toEqual([0x90, 0x80]);
    expect(events.filter((e) => e.kind === 'garbage').reduce((n, e) => n + (e.kind === 'garbage' ? e.bytes : 0), 0)).toBe(noise.length + 3);
  });

  it('reports a bad checksum and resynchronises on the next frame', () => {
    const bad = encodeReply(0x90, hex('01 02 03'));
    bad[bad.length - 1] = bad[bad.length - 1]! ^ 0xff;
    const events = new FrameDecoder().push(new Uint8Array([...bad, ...encodeReply(0x80)]));
    expect(events[0]).toEqual({ kind: 'bad-checksum', length: 7 });
    expect(events.at(-1)).toEqual({ kind: 'frame', body: hex('00 00 80') });
  });

  it('rejects an impossible length instead of waiting for 64 KB', () => {
    const d = new FrameDecoder();
    const events = d.push(new Uint8Array([...hex(`${PRE} FF FF 00`), ...encodeReply(0x90)]));
    expect(events[0]).toEqual({ kind: 'bad-length', length: 0xffff });
    expect(events.some((e) => e.kind === 'frame')).toBe(true);
  });

  it('recovers when a truncated frame is followed by a whole one', () => {
    const whole = encodeReply(0x90, new Uint8Array(40).fill(7));
    const truncated = whole.subarray(0, 20);
    const d = new FrameDecoder();
    const events = [...d.push(truncated), ...d.push(encodeReply(0x80)), ...d.push(new Uint8Array(40))];
    expect(events.some((e) => e.kind === 'frame' && e.body[2] === 0x80)).toBe(true);
  });
});
