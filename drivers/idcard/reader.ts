import type { DeviceError, Identity } from '../../contract';
import { Device, type DeviceTimings, type HealthLevel, type HealthReport } from '../device/device';
import type { ByteLink, LinkOpener } from '../device/link';
import { done, failed, type DeviceResult } from '../device/result';
import { parseCardText, TEXT_BLOCK_BYTES } from './card-text';
import { BAUD_PARA, COMMANDS, SET_BAUD_CMD, sw3Code, sw3Meaning, type CommandName } from './commands';
import { FrameExchange, type Reply } from './exchange';
import { decodePhoto, type CardPhoto, type WltDecoder } from './photo';

export interface CardRead {
  readonly identity: Identity;
  readonly photo: CardPhoto;
  /** Only from `readWithFingerprint`. */
  readonly fingerprint: Uint8Array | null;
  readonly readAt: string;
}

/** What the reader publishes as `data`. */
export type IdCardEvent =
  | { readonly kind: 'cardPresented'; readonly read: CardRead }
  | { readonly kind: 'cardRemoved' }
  | { readonly kind: 'readFailed'; readonly error: DeviceError };

export type FindResult = 'card' | 'no-card';

type PollOutcome =
  | { readonly kind: 'presented' | 'replaced'; readonly read: CardRead }
  | { readonly kind: 'removed' }
  | { readonly kind: 'same' };

export interface IdCardReaderOptions {
  readonly id?: string;
  readonly path: string | null;
  readonly source: 'serial' | 'sim';
  readonly open: LinkOpener;
  /** Polling interval while enabled (ms). */
  readonly pollMs?: number;
  /** Reply timeout for short commands (ms); a read gets longer. */
  readonly commandTimeoutMs?: number;
  readonly readTimeoutMs?: number;
  readonly photoDecoder?: WltDecoder | null;
  readonly now?: () => Date;
  readonly timings?: Partial<DeviceTimings>;
}

/**
 * A second-generation ID-card reader speaking GA/T 467 (SAM protocol) over
 * a serial link. While enabled it polls: find → select → read, parses the
 * card and publishes `cardPresented` once per card and `cardRemoved` when it
 * leaves the field. Card read failures are published too (`readFailed`),
 * with a resident-facing message, and polling carries on.
 */
export class IdCardReader extends Device<IdCardEvent> {
  private link: ByteLink | null = null;
  private exchange: FrameExchange | null = null;
  private pollTimer: NodeJS.Timeout | null = null;
  private polling = false;
  private present: string | null = null;
  /**
   * A card may be in the field that we have not read: a read failed or the
   * port went away mid-read. Readers halt a card once it was read, so `find`
   * no longer sees it; `select` still does.
   */
  private unread = true;
  private readonly pollMs: number;
  private readonly commandTimeoutMs: number;
  private readonly readTimeoutMs: number;
  private readonly now: () => Date;

  constructor(private readonly options: IdCardReaderOptions) {
    super(
      { id: options.id ?? 'idcard', kind: 'idcard', name: '身份证阅读器', source: options.source, path: options.path },
      options.timings,
    );
    this.pollMs = options.pollMs ?? 300;
    this.commandTimeoutMs = options.commandTimeoutMs ?? 500;
    this.readTimeoutMs = options.readTimeoutMs ?? 4000;
    this.now = options.now ?? (() => new Date());
  }

  // ---- transport -------------------------------------------------------------

  protected async connect(): Promise<DeviceResult<void>> {
    let exchange: FrameExchange | null = null;
    const opened = await this.options.open({
      onBytes: (chunk) => exchange?.receive(chunk),
      onLost: (reason) => {
        exchange?.fail('PORT-GONE');
        this.portLost(`PORT-GONE ${reason}`.slice(0, 60));
      },
    });
    if (!opened.ok) return opened;
    exchange = new FrameExchange(opened.value, { count: (counter, by) => this.count(counter, by) });
    // Something answers on this port; make sure it is a reader's SAM.
    const status = await exchange.request(...COMMANDS.samStatus, this.commandTimeoutMs);
    const checked = this.interpret(status);
    if (!checked.ok) {
      await opened.value.close();
      return checked;
    }
    this.link = opened.value;
    this.exchange = exchange;
    this.present = null;
    this.unread = true;
    return done(undefined);
  }

  protected async disconnect(): Promise<void> {
    const link = this.link;
    this.link = null;
    this.exchange = null;
    await link?.close();
  }

  protected async probe(level: HealthLevel, signal: AbortSignal): Promise<DeviceResult<HealthReport>> {
    if (level === 'internal') {
      const r = this.interpret(await this.send('samStatus', signal));
      if (!r.ok) return r;
      const id = await this.samIdUnlocked(signal);
      return done({ level, healthy: true, detail: id.ok ? `SAM ${id.value}` : 'SAM ok' });
    }
    const found = await this.findUnlocked(signal);
    if (!found.ok) return found;
    return done({ level, healthy: true, detail: found.value === 'card' ? 'card in field' : 'no card in field (RF ok)' });
  }

  /** Auto-probe found the reader on this port. */
  portChosen(path: string): void {
    this.updatePath(path);
  }

  // ---- commands ----------------------------------------------------------------

  resetSam(): Promise<DeviceResult<void>> {
    return this.exclusive('RESET', async (signal) => this.okOnly(await this.send('resetSam', signal)));
  }

  samStatus(): Promise<DeviceResult<void>> {
    return this.exclusive('SAM-STATUS', async (signal) => this.okOnly(await this.send('samStatus', signal)));
  }

  samId(): Promise<DeviceResult<string>> {
    return this.exclusive('SAM-ID', (signal) => this.samIdUnlocked(signal));
  }

  findCard(): Promise<DeviceResult<FindResult>> {
    return this.exclusive('FIND', (signal) => this.findUnlocked(signal));
  }

  selectCard(): Promise<DeviceResult<FindResult>> {
    return this.exclusive('SELECT', (signal) => this.selectUnlocked(signal));
  }

  /** find → select → read text+photo, as one call. */
  readCard(withFingerprint = false): Promise<DeviceResult<CardRead | null>> {
    return this.exclusive('READ', (signal) => this.readSequence(signal, withFingerprint), this.readTimeoutMs + 2 * this.commandTimeoutMs);
  }

  /** Switches reader and port to another baud rate (115200, 57600, 38400, 19200, 9600). */
  setBaud(baud: number): Promise<DeviceResult<void>> {
    const para = BAUD_PARA[baud];
    if (para === undefined) return Promise.resolve(failed('extended', 'BAUD-UNSUPPORTED'));
    return this.exclusive('SET-BAUD', async (signal) => {
      const r = this.okOnly(await this.exchange!.request(SET_BAUD_CMD, para, this.commandTimeoutMs, signal));
      if (!r.ok) return r;
      return this.link!.setBaud(baud);
    });
  }

  /** Whether a card that was read is still in the field. */
  get cardPresent(): boolean {
    return this.present !== null;
  }

  // ---- polling ---------------------------------------------------------------

  protected override onActive(): void {
    if (this.polling) return;
    this.polling = true;
    this.schedulePoll(0);
  }

  protected override onInactive(): void {
    this.polling = false;
    if (this.pollTimer) clearTimeout(this.pollTimer);
    this.pollTimer = null;
    if (this.present !== null) {
      this.present = null;
      this.publishData({ kind: 'cardRemoved' });
    }
  }

  private schedulePoll(delay: number): void {
    this.pollTimer = setTimeout(() => {
      this.pollTimer = null;
      void this.pollOnce().finally(() => {
        if (this.polling) this.schedulePoll(this.pollMs);
      });
    }, delay);
  }

  private async pollOnce(): Promise<void> {
    if (!this.isOnline) return;
    const r = await this.exclusive('POLL', (signal) => this.pollStep(signal), this.readTimeoutMs + 3 * this.commandTimeoutMs, { background: true });
    if (!r.ok) {
      if (r.error.code !== 'offline') this.publishData({ kind: 'readFailed', error: r.error });
      return;
    }
    const step = r.value;
    if (step.kind === 'replaced') {
      this.present = null;
      this.publishData({ kind: 'cardRemoved' });
    }
    if (step.kind === 'presented' || step.kind === 'replaced') {
      this.present = step.read.identity.idNumber;
      this.count('reads');
      this.setCondition('card', 'present');
      this.publishData({ kind: 'cardPresented', read: step.read });
    } else if (step.kind === 'removed') {
      this.present = null;
      this.setCondition('card', 'none');
      this.publishData({ kind: 'cardRemoved' });
    }
  }

  /**
   * One poll: is a card there, and is it a new one? Readers halt a card once
   * it is read, so `find` answering "card" while one is present means a card
   * was swapped between polls (or the reader does not halt): read it again
   * and compare.
   */
  private async pollStep(signal: AbortSignal): Promise<DeviceResult<PollOutcome>> {
    const found = await this.findUnlocked(signal);
    if (!found.ok) return found;
    let read: DeviceResult<CardRead | null>;
    if (found.value === 'card') {
      read = await this.selectAndRead(signal, false);
    } else if (this.present !== null || this.unread) {
      const selected = await this.selectUnlocked(signal);
      if (!selected.ok) return selected;
      if (selected.value === 'no-card') {
        this.unread = false;
        return done(this.present !== null ? { kind: 'removed' } : { kind: 'same' });
      }
      // The card we announced, halted by the reader: still there.
      if (this.present !== null && !this.unread) return done({ kind: 'same' });
      read = await this.readSelected(signal, false);
    } else {
      return done({ kind: 'same' });
    }
    if (!read.ok) return read;
    if (!read.value) return done({ kind: 'same' });
    const number = read.value.identity.idNumber;
    if (this.present === null) return done({ kind: 'presented', read: read.value });
    return done(this.present === number ? { kind: 'same' } : { kind: 'replaced', read: read.value });
  }

  // ---- the protocol, without taking the device lock ------------------------------

  private send(name: CommandName, signal: AbortSignal, timeoutMs = this.commandTimeoutMs): Promise<DeviceResult<Reply>> {
    if (!this.exchange) return Promise.resolve(failed('offline', 'PORT-GONE'));
    const [cmd, para] = COMMANDS[name];
    return this.exchange.request(cmd, para, timeoutMs, signal);
  }

  /** SW3 → typed result. `no-card` (80/81) is a normal answer, not an error. */
  private interpret(r: DeviceResult<Reply>): DeviceResult<Reply & { noCard: boolean }> {
    if (!r.ok) return r;
    const meaning = sw3Meaning(r.value.sw3);
    if (meaning.outcome === 'error') return failed(meaning.code, sw3Code(r.value.sw3), meaning.resident);
    return done({ ...r.value, noCard: meaning.outcome === 'no-card' });
  }

  private okOnly(r: DeviceResult<Reply>): DeviceResult<void> {
    const i = this.interpret(r);
    if (!i.ok) return i;
    return i.value.noCard ? failed('extended', sw3Code(i.value.sw3), '未检测到身份证，请把身份证放在感应区。') : done(undefined);
  }

  private async samIdUnlocked(signal: AbortSignal): Promise<DeviceResult<string>> {
    const r = this.interpret(await this.send('samId', signal));
    if (!r.ok) return r;
    return done(formatSamId(r.value.data));
  }

  private async findUnlocked(signal: AbortSignal): Promise<DeviceResult<FindResult>> {
    const r = this.interpret(await this.send('findCard', signal));
    if (!r.ok) return r;
    return done(r.value.noCard ? 'no-card' : 'card');
  }

  private async selectUnlocked(signal: AbortSignal): Promise<DeviceResult<FindResult>> {
    const r = this.interpret(await this.send('selectCard', signal));
    if (!r.ok) return r;
    return done(r.value.noCard ? 'no-card' : 'card');
  }

  private async readSequence(signal: AbortSignal, withFingerprint: boolean): Promise<DeviceResult<CardRead | null>> {
    const found = await this.findUnlocked(signal);
    if (!found.ok) return found;
    if (found.value === 'no-card') return done(null);
    return this.selectAndRead(signal, withFingerprint);
  }

  private async selectAndRead(signal: AbortSignal, withFingerprint: boolean): Promise<DeviceResult<CardRead | null>> {
    const selected = await this.selectUnlocked(signal);
    if (!selected.ok) return selected;
    if (selected.value === 'no-card') return done(null);
    return this.readSelected(signal, withFingerprint);
  }

  private async readSelected(signal: AbortSignal, withFingerprint: boolean): Promise<DeviceResult<CardRead | null>> {
    this.unread = true;
    // A corrupted reply (checksum) is worth one more try before bothering the resident.
    let reply = await this.send(withFingerprint ? 'readWithFingerprint' : 'readText', signal, this.readTimeoutMs);
    if (!reply.ok && reply.error.extended === 'FRAME-CHECKSUM' && !signal.aborted) {
      this.count('readRetries');
      reply = await this.send(withFingerprint ? 'readWithFingerprint' : 'readText', signal, this.readTimeoutMs);
    }
    const r = this.interpret(reply);
    if (!r.ok) return r;
    if (r.value.noCard) return done(null);
    const parsed = await this.parseRead(r.value.data, withFingerprint);
    if (parsed.ok) this.unread = false;
    return parsed;
  }

  private async parseRead(data: Uint8Array, withFingerprint: boolean): Promise<DeviceResult<CardRead>> {
    const header = withFingerprint ? 6 : 4;
    if (data.length < header) return failed('extended', 'READ-SHAPE', '身份证信息读取不完整，请重新放置身份证。');
    const textLen = (data[0]! << 8) | data[1]!;
    const photoLen = (data[2]! << 8) | data[3]!;
    const fpLen = withFingerprint ? (data[4]! << 8) | data[5]! : 0;
    if (textLen !== TEXT_BLOCK_BYTES || data.length !== header + textLen + photoLen + fpLen) {
      return failed('extended', 'READ-SHAPE', '身份证信息读取不完整，请重新放置身份证。');
    }
    const text = data.subarray(header, header + textLen);
    const parsed = parseCardText(text, this.now());
    if (!parsed.ok) return parsed;
    const wlt = data.slice(header + textLen, header + textLen + photoLen);
    const fingerprint = withFingerprint ? data.slice(header + textLen + photoLen) : null;
    const photo = await decodePhoto(wlt, this.options.photoDecoder ?? null);
    return done({ identity: parsed.value, photo, fingerprint, readAt: this.now().toISOString() });
  }
}

/** SAM id as vendors print it is not standardised; show its bytes in groups a technician can read out. */
export function formatSamId(data: Uint8Array): string {
  const hex = Array.from(data, (b) => b.toString(16).toUpperCase().padStart(2, '0')).join('');
  return hex.match(/.{1,8}/g)?.join('-') ?? '';
}
