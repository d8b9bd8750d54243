import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { hashPin, verifyPin } from './pin-hash';

/**
 * Technicians' ID cards that may open maintenance together with the PIN.
 * ID numbers have little entropy (region, birth date, a sequence), so each is
 * kept only as a scrypt hash, beside the staff number it belongs to.
 */
const RosterSchema = z.object({
  cards: z.array(
    z.object({
      staffNo: z.string().regex(/^[A-Za-z0-9-]{2,20}$/),
      card: z.object({ algo: z.literal('scrypt'), salt: z.string(), hash: z.string(), N: z.number(), r: z.number(), p: z.number() }),
    }),
  ),
});
type Roster = z.infer<typeof RosterSchema>;

const CARD_HASH = { N: 1 << 14, r: 8, p: 1 } as const;

export class StaffCardRoster {
  constructor(readonly file: string) {}

  static in(dataDir: string): StaffCardRoster {
    return new StaffCardRoster(path.join(dataDir, 'maintenance', 'staff-cards.json'));
  }

  private read(): Roster {
    if (!existsSync(this.file)) return { cards: [] };
    return RosterSchema.parse(JSON.parse(readFileSync(this.file, 'utf8')));
  }

  private write(r: Roster): void {
    mkdirSync(path.dirname(this.file), { recursive: true, mode: 0o700 });
    writeFileSync(`${this.file}.tmp`, JSON.stringify(r, null, 2), { mode: 0o600 });
    chmodSync(`${this.file}.tmp`, 0o600);
    renameSync(`${this.file}.tmp`, this.file);
  }

  staffNumbers(): string[] {
    return this.read().cards.map((c) => c.staffNo);
  }

  async register(idNumber: string, staffNo: string): Promise<void> {
    const r = this.read();
    const card = await hashPin(idNumber.toUpperCase(), CARD_HASH);
    this.write({ cards: [...r.cards.filter((c) => c.staffNo !== staffNo), { staffNo, card }] });
  }

  remove(staffNo: string): boolean {
    const r = this.read();
    const cards = r.cards.filter((c) => c.staffNo !== staffNo);
    this.write({ cards });
    return cards.length !== r.cards.length;
  }

  /** The staff number of a registered card, or null. */
  async match(idNumber: string): Promise<string | null> {
    for (const c of this.read().cards) if (await verifyPin(idNumber.toUpperCase(), c.card)) return c.staffNo;
    return null;
  }
}
