import { useMemo } from 'react';
import QRCode from 'qrcode';

/**
 * A QR code as an SVG drawn from the `qrcode` package's module matrix: one path of dark squares,
 * crisp at any size, with the four-module quiet zone scanners need. No canvas, no markup strings.
 */
export function QrCode({
  value,
  size = 260,
  label,
}: {
  value: string;
  size?: number;
  label: string;
}) {
  const { path, extent } = useMemo(() => {
    const { modules } = QRCode.create(value, { errorCorrectionLevel: 'M' });
    const quiet = 4;
    let d = '';
    for (let row = 0; row < modules.size; row++) {
      for (let col = 0; col < modules.size; col++) {
        if (modules.data[row * modules.size + col]) d += `M${col + quiet} ${row + quiet}h1v1h-1z`;
      }
    }
    return { path: d, extent: modules.size + 2 * quiet };
  }, [value]);
  return (
    <svg
      role="img"
      aria-label={label}
      data-testid="checkin-qr"
      data-value={value}
      width={size}
      height={size}
      viewBox={`0 0 ${extent} ${extent}`}
      shapeRendering="crispEdges"
      // As wide as the screen allows up to `size`: a phone held up to a room needs every pixel.
      style={{
        background: '#fff',
        display: 'block',
        width: '100%',
        maxWidth: size,
        height: 'auto',
        margin: '0 auto',
      }}
    >
      <path d={path} fill="#000" />
    </svg>
  );
}
