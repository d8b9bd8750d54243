import QRCode from 'qrcode';
import { useMemo } from 'react';

/** A QR code drawn as SVG squares: crisp at any size, no canvas, no data URL. */
export function QrSvg({ text, label, className }: { text: string; label: string; className?: string }) {
  const { size, cells } = useMemo(() => {
    const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
    const n = qr.modules.size;
    const on: string[] = [];
    for (let r = 0; r < n; r++) for (let c = 0; c < n; c++) if (qr.modules.get(r, c)) on.push(`M${c + 4} ${r + 4}h1v1h-1z`);
    return { size: n + 8, cells: on.join('') };
  }, [text]);
  return (
    <svg className={className} viewBox={`0 0 ${size} ${size}`} role="img" aria-label={label} shapeRendering="crispEdges">
      <rect width={size} height={size} fill="#fff" />
      <path d={cells} fill="#000" />
    </svg>
  );
}
