// Photos for the demo's visits and activities: small JPEG scenes drawn from SVG (sky, fields, a
// building) carrying the EXIF capture time of the event as a phone's would, kept as the evidence
// module keeps uploads (re-encoded, content-addressed under the evidence directory). The same
// inputs give the same bytes.
import { createHash } from 'node:crypto';
import { mkdir, rename, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';

/** The repository's ./data/evidence, beside the embedded database's ./data/pglite. */
export const defaultEvidenceDir = fileURLToPath(
  new URL('../../../../../data/evidence', import.meta.url),
);

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

export type StoredPhoto = { data: Buffer; thumb: Buffer; width: number; height: number };

/**
 * What the evidence module keeps of an uploaded photo: re-encoded without any metadata (the
 * capture time lives in the row) and a WebP thumbnail of at most 320 px a side.
 */
export async function storedForm(original: Buffer): Promise<StoredPhoto> {
  const { data, info } = await sharp(original)
    .jpeg({ quality: 82 })
    .toBuffer({ resolveWithObject: true });
  const thumb = await sharp(data)
    .resize({ width: 320, height: 320, fit: 'inside' })
    .webp({ quality: 70 })
    .toBuffer();
  return { data, thumb, width: info.width, height: info.height };
}

export const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/**
 * Store `bytes` as `<root>/ab/cd/<sha256>` (the evidence module's layout) unless already there;
 * written to a temporary name first so a reader never sees half a file. Answers the hash.
 */
export async function writeEvidenceFile(root: string, bytes: Buffer): Promise<string> {
  const hash = sha256(bytes);
  const dir = join(root, hash.slice(0, 2), hash.slice(2, 4));
  const path = join(dir, hash);
  if (
    await stat(path).then(
      () => true,
      () => false,
    )
  )
    return hash;
  await mkdir(dir, { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, bytes);
  await rename(temporary, path);
  return hash;
}
