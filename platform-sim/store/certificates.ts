import { maskName } from '../../contract/identity';
import type { CertificateLookupResponse } from '../../contract/platform';
import { sha256Hex } from '../canonical-json';
import type { CatalogService } from '../catalog-service';
import type { Db } from './database';

/** Types every holder of a valid ID number has (身份证, 户口簿), so a demo finds something without seeding. */
const IMPLIED_BY_ID_NUMBER = new Set(['EC047', 'EC048']);

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

/** GB 11643 check digit. */
export function validIdNumber(id: string): boolean {
  if (!/^\d{17}[\dX]$/.test(id)) return false;
  const sum = WEIGHTS.reduce((acc, w, i) => acc + w * Number(id[i]), 0);
  return CHECK[sum % 11] === id[17];
}

export type LookupOutcome = { readonly kind: 'ok'; readonly value: CertificateLookupResponse } | { readonly kind: 'unknown-type' };

/**
 * The electronic-certificate registry of the simulator. Holders are keyed
 * by the SHA-256 of their ID number (the simulator needs no clear ID
 * numbers to answer). Seed records with `POST /admin/certificates`.
 */
export class CertificateRegistry {
  constructor(
    private readonly db: Db,
    private readonly catalog: CatalogService,
  ) {}

  seed(c: { holderIdNumber: string; holderName: string; certificateTypeCode: string; certificateNumber: string; issuedAt: string; validUntil: string | null }): boolean {
    if (!this.catalog.certificateType(c.certificateTypeCode)) return false;
    this.db
      .prepare(
        `INSERT INTO certificates (holder_sha256, type_code, number, issued_at, valid_until, holder_name_masked) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (holder_sha256, type_code) DO UPDATE SET number = excluded.number, issued_at = excluded.issued_at, valid_until = excluded.valid_until, holder_name_masked = excluded.holder_name_masked`,
      )
      .run(sha256Hex(c.holderIdNumber), c.certificateTypeCode, c.certificateNumber, c.issuedAt, c.validUntil, maskName(c.holderName));
    return true;
  }

  lookup(holderIdNumber: string, typeCode: string): LookupOutcome {
    const type = this.catalog.certificateType(typeCode);
    if (!type) return { kind: 'unknown-type' };
    const holder = sha256Hex(holderIdNumber);
    const row = this.db.prepare('SELECT * FROM certificates WHERE holder_sha256 = ? AND type_code = ?').get(holder, typeCode) as
      | { number: string; issued_at: string; valid_until: string | null; holder_name_masked: string }
      | undefined;
    const base = { certificateTypeCode: type.code, certificateTypeName: type.name, issuingDepartment: type.departments.join('、') };
    if (row) {
      return {
        kind: 'ok',
        value: { found: true, certificate: { ...base, certificateNumber: row.number, issuedAt: row.issued_at, validUntil: row.valid_until, holderNameMasked: row.holder_name_masked } },
      };
    }
    if (IMPLIED_BY_ID_NUMBER.has(typeCode) && validIdNumber(holderIdNumber)) {
      return {
        kind: 'ok',
        value: {
          found: true,
          certificate: {
            ...base,
            certificateNumber: typeCode === 'EC047' ? holderIdNumber : `HK${holder.slice(0, 12).toUpperCase()}`,
            issuedAt: '2016-01-01T00:00:00.000Z',
            validUntil: null,
            holderNameMasked: '*',
          },
        },
      };
    }
    return { kind: 'ok', value: { found: false } };
  }
}
