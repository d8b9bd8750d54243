import type { Identity } from '../../contract';
import { idNumberCheckChar } from '../../contract/validators/id-number';
import { ETHNIC_GROUPS } from './ethnic';
import { done, failed, type DeviceResult } from '../device/result';

/** The text block a GA/T 467 read returns: 256 bytes of UCS-2 little-endian, space padded. */
export const TEXT_BLOCK_BYTES = 256;
/** Printed in the valid-to field of cards that never expire. */
export const LONG_TERM = '长期';

const decoder = new TextDecoder('utf-16le');

/** A field of the block: byte offset and length (both even). */
function field(block: Uint8Array, offset: number, bytes: number): string {
  return trimPadding(decoder.decode(block.subarray(offset, offset + bytes)));
}

/** Cards pad with spaces; some readers with NULs or ideographic spaces. */
function trimPadding(s: string): string {
  const pad = (c: string) => c.charCodeAt(0) <= 0x20 || c === '\u3000';
  let start = 0;
  let end = s.length;
  while (start < end && pad(s[start]!)) start++;
  while (end > start && pad(s[end - 1]!)) end--;
  return s.slice(start, end);
}

/** The card type marker: the UCS-2 character at offset 248. */
export function cardTypeMarker(block: Uint8Array): string {
  return field(block, 248, 2);
}

const YMD = /^\d{8}$/;

function realDate(ymd: string): boolean {
  if (!YMD.test(ymd)) return false;
  const y = Number(ymd.slice(0, 4));
  const m = Number(ymd.slice(4, 6));
  const d = Number(ymd.slice(6, 8));
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

function localYmd(now: Date): string {
  return `${now.getFullYear()}${String(now.getMonth() + 1).padStart(2, '0')}${String(now.getDate()).padStart(2, '0')}`;
}

/** 18-character numbers (resident, HK/Macau/Taiwan permit, 2023 foreigner card): GB 11643 check digit. */
export function gb11643Valid(idNumber: string): boolean {
  if (!/^\d{17}[\dX]$/.test(idNumber)) return false;
  return realDate(idNumber.slice(6, 14)) && idNumberCheckChar(idNumber) === idNumber[17];
}

/** 2017 foreigner permanent residence card: 3-letter nationality + 12 digits. */
function foreignerNumberValid(n: string): boolean {
  return /^[A-Z]{3}\d{12}$/.test(n) || gb11643Valid(n);
}

function malformed<T>(what: string): DeviceResult<T> {
  return failed('extended', `TEXT-${what}`, '身份证信息读取不完整，请重新放置身份证。');
}

/**
 * Parses the text block into an identity: resident ID card, foreigner
 * permanent residence card (`I`) or HK/Macau/Taiwan residence permit (`J`).
 * A block that is not what a card would hold is a typed error, never a throw.
 */
export function parseCardText(block: Uint8Array, now: Date = new Date()): DeviceResult<Identity> {
  if (block.length !== TEXT_BLOCK_BYTES) return malformed('LENGTH');
  const marker = cardTypeMarker(block);
  const today = localYmd(now);
  // 'Y': the 2023 card. Its 18-digit number does not fit the 2017 card's 30-byte number field: we assume the
  // field widens to 36 bytes (as on the resident card) and the nationality moves behind the marker (docs/identity.md).
  if (marker === 'I' || marker === 'Y') {
    const v2023 = marker === 'Y';
    const nameEn = field(block, 0, 120);
    const nameZh = field(block, 158, 30);
    const gender = field(block, 120, 2);
    const idNumber = v2023 ? field(block, 122, 36) : field(block, 122, 30);
    const nationality = v2023 ? field(block, 250, 6) : field(block, 152, 6);
    const validFrom = field(block, 188, 16);
    const validTo = field(block, 204, 16);
    const birthDate = field(block, 220, 16);
    const office = field(block, 240, 8);
    if (!nameEn && !nameZh) return malformed('NAME');
    if (!['0', '1', '2', '9'].includes(gender)) return malformed('GENDER');
    if (!realDate(birthDate) || !realDate(validFrom)) return malformed('DATE');
    const longTerm = validTo === LONG_TERM;
    if (!longTerm && !realDate(validTo)) return malformed('DATE');
    if (!/^[A-Z]{3}$/.test(nationality)) return malformed('NATIONALITY');
    return done({
      cardType: 'foreign-permanent',
      name: nameZh || nameEn,
      nameEn,
      gender: gender as Identity['gender'],
      nationality,
      birthDate,
      address: '',
      idNumber,
      authority: office,
      validFrom,
      validTo: longTerm ? null : validTo,
      idNumberValid: foreignerNumberValid(idNumber),
      expired: !longTerm && validTo < today,
    });
  }
  if (marker !== '' && marker !== 'J') return malformed('CARD-TYPE');
  const name = field(block, 0, 30);
  const gender = field(block, 30, 2);
  const nation = field(block, 32, 4);
  const birthDate = field(block, 36, 16);
  const address = field(block, 52, 70);
  const idNumber = field(block, 122, 36).toUpperCase();
  const authority = field(block, 158, 30);
  const validFrom = field(block, 188, 16);
  const validToRaw = field(block, 204, 16);
  if (!name) return malformed('NAME');
  if (!['0', '1', '2', '9'].includes(gender)) return malformed('GENDER');
  if (!realDate(birthDate) || !realDate(validFrom)) return malformed('DATE');
  const longTerm = validToRaw === LONG_TERM;
  if (!longTerm && !realDate(validToRaw)) return malformed('DATE');
  if (!/^[\dX]{18}$/.test(idNumber)) return malformed('ID-NUMBER');
  const common = {
    name,
    gender: gender as Identity['gender'],
    birthDate,
    address,
    idNumber,
    authority,
    validFrom,
    validTo: longTerm ? null : validToRaw,
    idNumberValid: gb11643Valid(idNumber),
    expired: !longTerm && validToRaw < today,
  };
  if (marker === 'J') {
    return done({
      ...common,
      cardType: 'hmt-residence',
      passNumber: field(block, 220, 18),
      issueCount: field(block, 238, 4),
    });
  }
  if (!ETHNIC_GROUPS[nation]) return malformed('NATION');
  return done({ ...common, cardType: 'resident', nation });
}
