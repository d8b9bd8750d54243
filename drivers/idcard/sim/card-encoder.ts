import { TEXT_BLOCK_BYTES } from '../card-text';
import { WLT_BYTES } from '../photo';
import type { CardFixture } from './fixture';

/** Writes `text` as UCS-2 LE into `block` at `offset`, space padded to `bytes`. */
function put(block: Uint8Array, offset: number, bytes: number, text: string): void {
  const chars = Array.from(text);
  for (let i = 0; i < bytes / 2; i++) {
    const code = i < chars.length ? chars[i]!.charCodeAt(0) : 0x20;
    block[offset + 2 * i] = code & 0xff;
    block[offset + 2 * i + 1] = code >> 8;
  }
}

/** The 256-byte text block a reader returns for this card. */
export function encodeCardText(card: CardFixture): Uint8Array {
  const block = new Uint8Array(TEXT_BLOCK_BYTES);
  put(block, 0, TEXT_BLOCK_BYTES, '');
  if (card.cardType === 'foreign-permanent') {
    put(block, 0, 120, card.nameEn ?? '');
    put(block, 120, 2, card.gender);
    // The 2023 card (18-digit number): the number field is 36 bytes and the nationality follows the marker.
    const v2023 = card.number.length === 18;
    put(block, 122, v2023 ? 36 : 30, card.number);
    if (v2023) put(block, 250, 6, card.nationality ?? '');
    else put(block, 152, 6, card.nationality ?? '');
    put(block, 158, 30, card.name);
    put(block, 188, 16, card.validFrom);
    put(block, 204, 16, card.validTo);
    put(block, 220, 16, card.birth);
    put(block, 236, 4, '20');
    put(block, 240, 8, card.authority.slice(0, 4));
    put(block, 248, 2, v2023 ? 'Y' : 'I');
    return block;
  }
  put(block, 0, 30, card.name);
  put(block, 30, 2, card.gender);
  put(block, 32, 4, card.cardType === 'resident' ? (card.nation ?? '') : '');
  put(block, 36, 16, card.birth);
  put(block, 52, 70, card.address);
  put(block, 122, 36, card.number);
  put(block, 158, 30, card.authority);
  put(block, 188, 16, card.validFrom);
  put(block, 204, 16, card.validTo);
  if (card.cardType === 'hmt-residence') {
    put(block, 220, 18, card.passNumber ?? '');
    put(block, 238, 4, card.issueCount ?? '');
    put(block, 248, 2, 'J');
  }
  return block;
}

/** Stand-in WLT bytes: deterministic per card, the right size, not a picture (no vendor codec here). */
export function fakeWlt(card: CardFixture, bytes = WLT_BYTES): Uint8Array {
  const out = new Uint8Array(bytes);
  let x = 2166136261;
  for (const c of card.number) x = Math.imul(x ^ c.charCodeAt(0), 16777619);
  for (let i = 0; i < bytes; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  out[0] = 0x57; // 'W'
  out[1] = 0x4c; // 'L'
  return out;
}
