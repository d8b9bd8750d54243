import type { ReceiptDataInput } from '../../../contract/receipt';

/**
 * What the A4 documents are, apart from how they are drawn: the kinds, their
 * titles, a request and the font files. The host's A4 service needs only
 * these at start; the composer (`./compose`, pdf-lib + fontkit, 1.4 MB of
 * JavaScript) is imported when the first document is composed.
 */
export type A4DocumentKind = 'application-form' | 'commitment' | 'acceptance-notice' | 'appointment-slip';

export const A4_DOCUMENT_TITLES: Record<A4DocumentKind, string> = {
  'application-form': '申请表',
  commitment: '告知承诺书',
  'acceptance-notice': '受理通知书',
  'appointment-slip': '预约凭条',
};

export interface A4Request {
  readonly document: A4DocumentKind;
  readonly receipt: ReceiptDataInput;
  /** What the resident filled in (label, value as shown on screen; masked where the screen masks). */
  readonly fields?: readonly { readonly label: string; readonly value: string }[];
  /** Commitments confirmed on screen, with the time of the confirmation (告知承诺书). */
  readonly confirmed?: readonly { readonly text: string; readonly confirmedAt: string }[];
}

export interface A4FontFiles {
  readonly primary: string;
  readonly supplementary: string;
}

export const DEFAULT_A4_FONTS: A4FontFiles = {
  primary: '/usr/share/fonts/truetype/hanazono/HanaMinA.ttf',
  supplementary: '/usr/share/fonts/truetype/hanazono/HanaMinB.ttf',
};

