import { maskIdNumber } from '../../../contract/masking';
import type { Field } from '../../../contract/journeys/schema';

/** Identifiers of a person, masked alike for everyone on screen (the applicant's from the card and anyone's typed). */
export type IdentifierKind = 'id-number' | 'mobile' | 'bank-account';

/**
 * Which identifier a field holds. A bank account is its own field type once
 * the journey data has one (`bank-account`); until then it is known by the
 * field (an `…Account` id or a 银行账号 label).
 */
export function identifierKind(field: Pick<Field, 'id' | 'type' | 'label'>): IdentifierKind | null {
  const type: string = field.type;
  if (type === 'id-number') return 'id-number';
  if (type === 'mobile') return 'mobile';
  if (type === 'bank-account' || /account$/i.test(field.id) || /银行(卡号|账号|账户)/.test(field.label.zh)) return 'bank-account';
  return null;
}

/** 140…1234 for every identifier: the first three and the last four, as on the card line. */
export function maskIdentifier(value: string): string {
  return maskIdNumber(value.replace(/\s+/g, ''));
}
