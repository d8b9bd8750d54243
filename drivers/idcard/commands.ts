import type { DeviceErrorCode } from '../../contract';

/** GA/T 467 commands as (CMD, PARA). Reading needs find → select → read. */
export const COMMANDS = {
  resetSam: [0x10, 0xff],
  samStatus: [0x11, 0xff],
  samId: [0x12, 0xff],
  findCard: [0x20, 0x01],
  selectCard: [0x20, 0x02],
  readText: [0x30, 0x01],
  readNewAddress: [0x30, 0x03],
  readWithFingerprint: [0x30, 0x10],
} as const satisfies Record<string, readonly [number, number]>;
export type CommandName = keyof typeof COMMANDS;

/** `60 0n` sets the reader's baud; the rate takes effect after the reply. */
export const BAUD_PARA: Readonly<Record<number, number>> = { 115200: 0x00, 57600: 0x01, 38400: 0x02, 19200: 0x03, 9600: 0x04 };
export const SET_BAUD_CMD = 0x60;

export interface Sw3Meaning {
  /** `ok`: success; `no-card`: normal while idle; otherwise a device error with this code. */
  readonly outcome: 'ok' | 'no-card' | 'error';
  readonly code: DeviceErrorCode;
  /** Technician-facing description. */
  readonly technician: string;
  /** Resident-facing, plain Chinese. */
  readonly resident: string;
}

const retry = '读卡未成功，请把身份证平放在感应区，不要移动，稍后再试。';
const staff = '身份证阅读器出现故障，请联系工作人员。';
const cardProblem = '这张卡无法识别，请确认放的是第二代居民身份证或居住证件。';

/** Every SW3 status the protocol defines, mapped to a typed outcome. */
export const SW3: Readonly<Record<number, Sw3Meaning>> = {
  0x90: { outcome: 'ok', code: 'extended', technician: 'OK', resident: '' },
  0x9f: { outcome: 'ok', code: 'extended', technician: 'find card OK', resident: '' },
  0x91: { outcome: 'error', code: 'extended', technician: 'no such item on card', resident: '这张卡上没有需要的信息。' },
  0x10: { outcome: 'error', code: 'extended', technician: 'reader saw a checksum error in our frame', resident: retry },
  0x11: { outcome: 'error', code: 'extended', technician: 'reader saw a length error in our frame', resident: retry },
  0x21: { outcome: 'error', code: 'extended', technician: 'command error', resident: staff },
  0x23: { outcome: 'error', code: 'extended', technician: 'command not permitted', resident: staff },
  0x24: { outcome: 'error', code: 'failure', technician: 'unknown error', resident: staff },
  0x31: { outcome: 'error', code: 'extended', technician: 'card failed to authenticate SAM', resident: retry },
  0x32: { outcome: 'error', code: 'extended', technician: 'SAM failed to authenticate card', resident: cardProblem },
  0x33: { outcome: 'error', code: 'extended', technician: 'verification error', resident: retry },
  0x40: { outcome: 'error', code: 'extended', technician: 'unknown card type', resident: cardProblem },
  0x41: { outcome: 'error', code: 'extended', technician: 'card read failed', resident: retry },
  0x47: { outcome: 'error', code: 'extended', technician: 'random number failed', resident: retry },
  0x60: { outcome: 'error', code: 'failure', technician: 'SAM self-test failed', resident: staff },
  0x66: { outcome: 'error', code: 'failure', technician: 'SAM not authorised', resident: staff },
  0x80: { outcome: 'no-card', code: 'extended', technician: 'find card failed (no card)', resident: '' },
  0x81: { outcome: 'no-card', code: 'extended', technician: 'select card failed (no card)', resident: '' },
};

export function sw3Meaning(sw3: number): Sw3Meaning {
  return (
    SW3[sw3] ?? { outcome: 'error', code: 'failure', technician: `undocumented SW3 ${hex(sw3)}`, resident: staff }
  );
}

export function sw3Code(sw3: number): string {
  return `SW3-${hex(sw3)}`;
}

function hex(n: number): string {
  return n.toString(16).toUpperCase().padStart(2, '0');
}
