import sharp from 'sharp';
import { evidenceThumbEdge } from '@pairing/shared';
import type { Sniffed } from './sniff.ts';
import { tooManyPixels, unreadableHeic, unreadableImage } from './refusals.ts';

// Photos and scans are decoded and written anew: rotated upright by their EXIF orientation,
// stripped of every metadata block (GPS, camera serials, thumbnails a viewer might show instead),
// capped in size, and given a small thumbnail for lists. What is stored is only what sharp wrote.

// A server holds no image cache: each upload is decoded once.
sharp.cache(false);

/** Long edge of a stored image: enough to read a scanned page, a quarter of a phone's pixels. */
const storedEdge = 2560;

export type ProcessedImage = {
  data: Buffer;
  mime: 'image/jpeg';
  width: number;
  height: number;
  thumb: Buffer;
  thumbMime: 'image/webp';
};

const formatOf: Record<Extract<Sniffed, { kind: 'image' }>['mime'], string> = {
  'image/jpeg': 'jpeg',
  'image/png': 'png',
  'image/webp': 'webp',
  'image/heic': 'heif',
  'image/heif': 'heif',
  'image/avif': 'heif',
};

export async function processImage(
  bytes: Buffer,
  sniffed: Extract<Sniffed, { kind: 'image' }>,
  maxPixels: number,
): Promise<ProcessedImage> {
  const heif = formatOf[sniffed.mime] === 'heif';
  const unreadable = heif ? unreadableHeic : unreadableImage;
  // `limitInputPixels` makes the decoder itself refuse more; the header is checked first so a
  // bomb is refused before any pixel is decoded.
  const input = { limitInputPixels: maxPixels, failOn: 'error' as const };
  // Reading the header decodes no pixel, so it may see any size.
  const header = await sharp(bytes, { limitInputPixels: false })
    .metadata()
    .catch(() => null);
  if (!header || header.format !== formatOf[sniffed.mime]) throw unreadable();
  if (!header.width || !header.height) throw unreadable();
  if (header.width * header.height > maxPixels) throw tooManyPixels(maxPixels);
  try {
    const { data, info } = await sharp(bytes, input)
      .timeout({ seconds: 30 })
      .autoOrient()
      .resize({ width: storedEdge, height: storedEdge, fit: 'inside', withoutEnlargement: true })
      .flatten({ background: '#ffffff' })
      .jpeg({ quality: 82 })
      .toBuffer({ resolveWithObject: true });
    const thumb = await sharp(data)
      .resize({
        width: evidenceThumbEdge,
        height: evidenceThumbEdge,
        fit: 'inside',
        withoutEnlargement: true,
      })
      .webp({ quality: 70 })
      .toBuffer();
    return {
      data,
      mime: 'image/jpeg',
      width: info.width,
      height: info.height,
      thumb,
      thumbMime: 'image/webp',
    };
  } catch {
    throw unreadable();
  }
}
