import type { Identity } from '../../../contract/identity';
import { idNumberCheckChar } from '../../../contract/validators';

const withCheck = (first17: string) => first17 + idNumberCheckChar(first17);

/** A fixture resident of Taiyuan; the number is valid but made up. */
export const RESIDENT: Identity = {
  cardType: 'resident',
  name: '王小明',
  gender: '1',
  nation: '01',
  birthDate: '19660315',
  address: '山西省太原市小店区坞城路1号',
  idNumber: withCheck('14010519660315123'),
  authority: '太原市公安局小店分局',
  validFrom: '20200101',
  validTo: null,
  idNumberValid: true,
  expired: false,
};

export const OTHER_ID = withCheck('14010519680720224');
export const DECEASED_ID = withCheck('14010519400101001');
export const TODAY = new Date(2026, 10, 26);
