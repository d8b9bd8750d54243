/**
 * Real pseudo-terminal pairs for serial-device tests: the same helper the
 * host uses for `KIOSK_IDCARD=sim`, so tests and demo mode exercise one path.
 */
export { openPtyPair, type PtyPair, type PtyPairOptions } from '../../drivers/device/pty-pair';
