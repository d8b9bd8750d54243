import { describe, expect, it } from 'vitest';
import {
  PrinterReplyReader,
  blockingReason,
  encodeAutoStatus,
  encodeRealtimeStatus,
  healthFromFlags,
  parseAutoStatus,
  parseRealtimeStatus,
  type PrinterFlags,
} from '../../../drivers/printer/escpos/status';

describe('real-time status bytes (DLE EOT n)', () => {
  it('all-OK is 0x12 for every n', () => {
    for (const n of [1, 2, 3, 4] as const) expect(encodeRealtimeStatus(n, {})).toBe(0x12);
    expect(healthFromFlags({ ...parseRealtimeStatus(4, 0x12) })).toEqual({ online: true, paper: 'ok', coverOpen: false, error: null });
  });

  it('reads paper near end (0x1E) and paper end (0x72) from n=4', () => {
    expect(parseRealtimeStatus(4, 0x1e)).toEqual({ paperNearEnd: true, paperEnd: false });
    expect(parseRealtimeStatus(4, 0x72)).toEqual({ paperNearEnd: false, paperEnd: true });
  });

  it('reads offline, cover open and cutter error', () => {
    expect(parseRealtimeStatus(1, 0x1a)?.offline).toBe(true);
    expect(parseRealtimeStatus(2, 0x16)?.coverOpen).toBe(true);
    expect(parseRealtimeStatus(3, 0x1a)?.cutterError).toBe(true);
  });

  it('rejects bytes whose fixed bits are wrong', () => {
    for (const b of [0x00, 0xff, 0x13, 0x92, 0x10]) expect(parseRealtimeStatus(2, b)).toBeNull();
  });

  it('round-trips every flag through the simulator encoding', () => {
    const flags: PrinterFlags = { offline: true, coverOpen: true, stoppedByPaperEnd: true, cutterError: true, paperNearEnd: true, paperEnd: true };
    expect(parseRealtimeStatus(1, encodeRealtimeStatus(1, flags))?.offline).toBe(true);
    expect(parseRealtimeStatus(2, encodeRealtimeStatus(2, flags))).toMatchObject({ coverOpen: true, stoppedByPaperEnd: true });
    expect(parseRealtimeStatus(3, encodeRealtimeStatus(3, flags))?.cutterError).toBe(true);
    expect(parseRealtimeStatus(4, encodeRealtimeStatus(4, flags))).toEqual({ paperNearEnd: true, paperEnd: true });
  });
});

describe('automatic status back (GS a)', () => {
  it('parses paper end and cover open and maps them to a blocking reason', () => {
    const f = parseAutoStatus(encodeAutoStatus({ paperEnd: true, coverOpen: true }))!;
    expect(f.paperEnd).toBe(true);
    expect(f.coverOpen).toBe(true);
    expect(blockingReason(healthFromFlags(f))).toBe('PAPER-END');
    expect(blockingReason(healthFromFlags({ coverOpen: true }))).toBe('COVER-OPEN');
    expect(blockingReason(healthFromFlags({ offline: true }))).toBe('OFFLINE');
    expect(blockingReason(healthFromFlags({ paperNearEnd: true }))).toBeNull();
    expect(parseAutoStatus(Uint8Array.of(0x12, 0, 0, 0))).toBeNull();
  });

  it('the reply reader separates replies, status-back frames and garbage split across chunks', () => {
    const realtime: number[] = [];
    const auto: PrinterFlags[] = [];
    const r = new PrinterReplyReader((b) => realtime.push(b), (f) => auto.push(f));
    const asb = encodeAutoStatus({ paperNearEnd: true });
    r.push(Uint8Array.of(0xff, 0x12, asb[0]!, asb[1]!));
    r.push(Uint8Array.of(asb[2]!, asb[3]!, 0x00, 0x72));
    expect(realtime).toEqual([0x12, 0x72]);
    expect(auto).toHaveLength(1);
    expect(auto[0]!.paperNearEnd).toBe(true);
    expect(r.noise).toBe(2);
  });
});
