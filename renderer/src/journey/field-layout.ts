import type { Field } from '../../../contract/journeys/schema';
import type { KeyboardLayout } from '../components/keyboard/layout';
import { identifierKind } from './identifiers';

/** Which on-screen keyboard a form field opens (pure, so every journey's fields can be checked without a DOM). */
export function layoutFor(field: Pick<Field, 'id' | 'type' | 'label'>): { layout: KeyboardLayout; upper: boolean } {
  // A bank account is digits, whatever its declared type.
  if (identifierKind(field) === 'bank-account') return { layout: 'digits', upper: false };
  switch (field.type) {
    case 'id-number':
      return { layout: 'id-number', upper: true };
    case 'mobile':
    case 'integer':
    case 'date':
      return { layout: 'digits', upper: false };
    case 'uscc':
      return { layout: 'letters', upper: true };
    default:
      return { layout: 'pinyin', upper: false };
  }
}
