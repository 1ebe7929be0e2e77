import { fileTypeFromBuffer } from 'file-type';
import { unsupportedType } from './refusals.ts';

// A file's type is read from its bytes (magic numbers), never from its name or the type the
// client declares: an .exe or an HTML page named photo.jpg is refused here.

const imageTypes = [
  'image/jpeg',
  'image/png',
  'image/webp',
  // HEIF family (iPhone HEIC, AVIF): accepted when the image library can decode it (images.ts).
  'image/heic',
  'image/heif',
  'image/avif',
] as const;

export type Sniffed =
  { kind: 'image'; mime: (typeof imageTypes)[number] } | { kind: 'pdf'; mime: 'application/pdf' };

export async function sniff(bytes: Uint8Array): Promise<Sniffed> {
  const type = await fileTypeFromBuffer(bytes);
  const mime = type?.mime as string | undefined;
  if (mime === 'application/pdf') return { kind: 'pdf', mime };
  const image = imageTypes.find((t) => t === mime);
  if (image) return { kind: 'image', mime: image };
  throw unsupportedType();
}
