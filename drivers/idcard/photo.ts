import type { DeviceResult } from '../device/result';

/** The card photo as the reader returns it: 1024 bytes of WLT, a vendor-compressed 102×126 image. */
export const WLT_BYTES = 1024;

export interface DecodedPhoto {
  readonly width: number;
  readonly height: number;
  /** Row-major BGR, 3 bytes per pixel. */
  readonly bgr: Uint8Array;
}

/**
 * WLT can only be decoded by a vendor library. A kiosk that has one installs
 * a decoder through this interface; without one, the photo bytes are kept
 * and the screen shows a placeholder.
 */
export interface WltDecoder {
  readonly name: string;
  decode(wlt: Uint8Array): Promise<DeviceResult<DecodedPhoto>>;
}

/** What a read carries: the raw WLT and, when a decoder is installed, the picture. */
export interface CardPhoto {
  readonly wlt: Uint8Array;
  readonly decoded: DecodedPhoto | null;
}

export async function decodePhoto(wlt: Uint8Array, decoder: WltDecoder | null): Promise<CardPhoto> {
  if (!decoder) return { wlt, decoded: null };
  const r = await decoder.decode(wlt);
  return { wlt, decoded: r.ok ? r.value : null };
}
