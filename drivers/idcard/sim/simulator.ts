import { IdCardSimFaultSchema, type IdCardSimFault } from '../../../contract/api/devdock';
import { BAUD_PARA, COMMANDS, SET_BAUD_CMD } from '../commands';
import { encodeReply, FrameDecoder } from '../frame';
import { encodeCardText, fakeWlt } from './card-encoder';
import type { CardFixture } from './fixture';

/** Everything the simulator can get wrong on purpose. */
export const SIMULATOR_FAULTS = IdCardSimFaultSchema.options;
export type SimulatorFault = IdCardSimFault;

/** How a reply leaves the simulator: the transport paces or splits it. */
export interface Transmission {
  readonly bytes: Uint8Array;
  /** Deliver in pieces of this many bytes (split frames). */
  readonly splitEvery?: number;
  /** Gap between single bytes (slow byte-by-byte replies), ms. */
  readonly byteGapMs?: number;
}

export type Transmit = (t: Transmission) => void;

const READ_COMMANDS = new Set([0x30]);
/** How many of the latest commands `log` keeps: a demo kiosk's reader polls its simulator around the clock. */
export const SIMULATOR_LOG_KEEP = 1000;
const SAM_ID = Uint8Array.of(0x05, 0x01, 0x00, 0x00, 0x20, 0x26, 0x11, 0x26, 0x00, 0x00, 0x00, 0x01, 0x4b, 0x49, 0x4f, 0x53);

/**
 * A GA/T 467 reader in software: decodes the host's frames, answers with the
 * SW3 codes and data a real reader gives, and presents scripted fixture
 * cards. Faults are queued with `inject` and consumed by the next reply (or
 * read reply) they apply to.
 */
export class IdCardSimulator {
  private readonly decoder = new FrameDecoder();
  private card: CardFixture | null = null;
  private selected = false;
  /** Like many readers: after a read, `find` says no card until it is lifted and placed again. */
  private halted = false;
  private readonly faults = new Map<SimulatorFault, number>();
  baud = 115200;
  /** The latest commands decoded ("cmd para" in hex), oldest first; at most SIMULATOR_LOG_KEEP, so its length stops growing there. */
  readonly log: string[] = [];
  /** Bytes that crossed the line each way, for wire-time accounting (benchmarks). */
  bytesIn = 0;
  bytesOut = 0;
  /** Called as each command is decoded; `sees` = a find that will answer "card found". */
  onCommand: ((cmd: number, para: number, sees: boolean) => void) | null = null;

  constructor(
    private transmit: Transmit,
    private readonly options: { haltAfterRead?: boolean } = {},
  ) {}

  /** Re-point the output (after a replug the transport is new). */
  setTransmit(transmit: Transmit): void {
    this.transmit = transmit;
  }

  insert(card: CardFixture): void {
    this.card = card;
    this.selected = false;
    this.halted = false;
  }

  remove(): void {
    this.card = null;
    this.selected = false;
    this.halted = false;
  }

  get currentCard(): CardFixture | null {
    return this.card;
  }

  inject(fault: SimulatorFault, times = 1): void {
    this.faults.set(fault, (this.faults.get(fault) ?? 0) + times);
  }

  clearFaults(): void {
    this.faults.clear();
  }

  pendingFaults(): Partial<Record<SimulatorFault, number>> {
    return Object.fromEntries(this.faults);
  }

  /** Bytes from the host. */
  receive(chunk: Uint8Array): void {
    this.bytesIn += chunk.length;
    for (const event of this.decoder.push(chunk)) {
      if (event.kind === 'frame') this.command(event.body);
      else if (event.kind === 'bad-checksum') this.reply(encodeReply(0x10));
      else if (event.kind === 'bad-length') this.reply(encodeReply(0x11));
    }
  }

  private take(fault: SimulatorFault): boolean {
    const n = this.faults.get(fault) ?? 0;
    if (n <= 0) return false;
    if (n === 1) this.faults.delete(fault);
    else this.faults.set(fault, n - 1);
    return true;
  }

  private command(body: Uint8Array): void {
    if (body.length < 2) return this.reply(encodeReply(0x11));
    const cmd = body[0]!;
    const para = body[1]!;
    this.log.push(`${cmd.toString(16)} ${para.toString(16)}`);
    if (this.log.length > SIMULATOR_LOG_KEEP) this.log.shift();
    this.onCommand?.(cmd, para, cmd === COMMANDS.findCard[0] && para === COMMANDS.findCard[1] && this.card !== null && !this.halted);
    if (this.take('no-reply')) return;
    const is = (c: readonly [number, number]) => cmd === c[0] && para === c[1];
    if (READ_COMMANDS.has(cmd)) {
      const fault = (['sw3-41', 'sw3-31', 'sw3-32', 'sw3-40'] as const).find((f) => this.take(f));
      if (fault) return this.reply(encodeReply(parseInt(fault.slice(4), 16)));
    }
    if (is(COMMANDS.resetSam) || is(COMMANDS.samStatus)) return this.reply(encodeReply(0x90));
    if (is(COMMANDS.samId)) return this.reply(encodeReply(0x90, SAM_ID));
    if (is(COMMANDS.findCard)) {
      if (!this.card || this.halted) return this.reply(encodeReply(0x80));
      return this.reply(encodeReply(0x9f, Uint8Array.of(0, 0, 0, 0)));
    }
    if (is(COMMANDS.selectCard)) {
      if (!this.card) return this.reply(encodeReply(0x81));
      this.selected = true;
      return this.reply(encodeReply(0x90, new Uint8Array(8)));
    }
    if (is(COMMANDS.readText) || is(COMMANDS.readWithFingerprint)) {
      if (!this.card || !this.selected) return this.reply(encodeReply(0x41));
      const text = encodeCardText(this.card);
      const photo = fakeWlt(this.card);
      const fp = is(COMMANDS.readWithFingerprint) ? fakeWlt({ ...this.card, number: `${this.card.number}FP` }) : null;
      const header = fp ? Uint8Array.of(0x01, 0x00, 0x04, 0x00, 0x04, 0x00) : Uint8Array.of(0x01, 0x00, 0x04, 0x00);
      const data = new Uint8Array(header.length + text.length + photo.length + (fp?.length ?? 0));
      data.set(header, 0);
      data.set(text, header.length);
      data.set(photo, header.length + text.length);
      if (fp) data.set(fp, header.length + text.length + photo.length);
      if (this.options.haltAfterRead ?? true) this.halted = true;
      return this.reply(encodeReply(0x90, data), true);
    }
    if (is(COMMANDS.readNewAddress)) return this.reply(encodeReply(0x91));
    if (cmd === SET_BAUD_CMD) {
      const baud = Object.entries(BAUD_PARA).find(([, p]) => p === para)?.[0];
      if (!baud) return this.reply(encodeReply(0x21));
      this.reply(encodeReply(0x90));
      this.baud = Number(baud);
      return;
    }
    return this.reply(encodeReply(0x21));
  }

  private reply(frame: Uint8Array, isRead = false): void {
    let bytes = frame;
    if (isRead && this.take('checksum-error')) {
      bytes = Uint8Array.from(frame);
      bytes[bytes.length - 1] = bytes[bytes.length - 1]! ^ 0x5a;
    }
    if (isRead && this.take('truncated-frame')) bytes = bytes.slice(0, Math.floor(bytes.length / 2));
    if (this.take('garbage-bytes')) {
      const noise = Uint8Array.of(0x00, 0xff, 0xaa, 0xaa, 0x13, 0x96, 0x69, 0xaa, 0x55, 0x00, 0x05, 0x37);
      const joined = new Uint8Array(noise.length + bytes.length);
      joined.set(noise, 0);
      joined.set(bytes, noise.length);
      bytes = joined;
    }
    this.bytesOut += bytes.length;
    const split = this.take('split-frames') ? 3 : undefined;
    const slow = this.take('slow-bytes') ? 1 : undefined;
    this.transmit({ bytes, ...(split ? { splitEvery: split } : {}), ...(slow ? { byteGapMs: slow } : {}) });
  }
}
