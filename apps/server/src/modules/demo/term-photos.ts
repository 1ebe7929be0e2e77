// Photos for the demo's visits and activities: small JPEG scenes drawn from SVG (sky, fields, a
// building) carrying the EXIF capture time of the event, as a phone sends them. The same inputs
// give the same bytes.
import sharp from 'sharp';

const palettes = [
  ['#8ec5ff', '#e8f4ff', '#6aa84f', '#b45f06'],
  ['#ffb27a', '#ffe6c7', '#93c47d', '#990000'],
  ['#a4c2f4', '#f3f6ff', '#38761d', '#7f6000'],
  ['#9fc5e8', '#fff2cc', '#b6d7a8', '#cc4125'],
  ['#c9daf8', '#ffffff', '#274e13', '#674ea7'],
  ['#f9cb9c', '#fce5cd', '#6d9eeb', '#a61c00'],
  ['#b4a7d6', '#eeeeff', '#76a5af', '#38761d'],
  ['#76a5af', '#d0e0e3', '#e6b8af', '#0b5394'],
];
export const sceneCount = palettes.length;

const width = 480;
const height = 360;

/** Scene `scene` at moment `variant` (minutes): the sun and the building move with it. */
function sceneSvg(scene: number, variant: number) {
  const [sky, haze, field, roof] = palettes[scene % palettes.length];
  const x = 60 + ((scene * 47 + variant) % 280);
  const sun = 60 + ((variant * 7) % 360);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
  <defs>
    <linearGradient id="sky" x1="0" y1="0" x2="0" y2="1">
      <stop offset="0" stop-color="${sky}"/><stop offset="1" stop-color="${haze}"/>
    </linearGradient>
    <linearGradient id="field" x1="0" y1="0" x2="1" y2="1">
      <stop offset="0" stop-color="${field}"/><stop offset="1" stop-color="#3d5c1f"/>
    </linearGradient>
  </defs>
  <rect width="${width}" height="${height}" fill="url(#sky)"/>
  <circle cx="${sun}" cy="${50 + (variant % 60)}" r="28" fill="#fff4b0"/>
  <path d="M0 230 Q120 ${190 + scene * 5} 240 225 T480 215 V360 H0 Z" fill="url(#field)"/>
  <rect x="${x}" y="170" width="110" height="70" fill="#f4f1ea"/>
  <polygon points="${x - 12},172 ${x + 55},120 ${x + 122},172" fill="${roof}"/>
  <rect x="${x + 45}" y="200" width="22" height="40" fill="#6b4f3a"/>
  <rect x="${x + 14}" y="188" width="18" height="16" fill="#9fc5e8"/>
  <rect x="${x + 80}" y="188" width="18" height="16" fill="#9fc5e8"/>
</svg>`;
}

/** Scene `scene` as a phone would send it: a JPEG taken at `takenAt` (China time, `YYYY-MM-DD HH:MM:SS`). */
export async function cameraPhoto(scene: number, takenAt: string): Promise<Buffer> {
  const minutes = Math.floor(Date.parse(`${takenAt.replace(' ', 'T')}Z`) / 60_000);
  return sharp(Buffer.from(sceneSvg(scene, minutes)))
    .jpeg({ quality: 90 })
    .withExif({
      IFD0: { Make: 'Demo', Model: 'Phone' },
      IFD2: { DateTimeOriginal: takenAt.replace(/-/g, ':'), OffsetTimeOriginal: '+08:00' },
    })
    .toBuffer();
}
