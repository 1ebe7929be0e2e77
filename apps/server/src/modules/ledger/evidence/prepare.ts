import { readCapture, type Capture } from './exif.ts';
import { processImage } from './images.ts';
import { checkPdf } from './pdf.ts';
import { emptyFile } from './refusals.ts';
import { sniff } from './sniff.ts';

/** What an accepted upload becomes: the file to keep, its thumbnail, and when it was taken. */
export type PreparedEvidence = {
  data: Buffer;
  mime: string;
  width: number | null;
  height: number | null;
  thumb: Buffer | null;
  capture: Capture;
};

/** Check and convert an upload in memory; a refusal (422) leaves nothing anywhere. */
export async function prepareEvidence(bytes: Buffer, maxPixels: number): Promise<PreparedEvidence> {
  if (bytes.length === 0) throw emptyFile();
  const sniffed = await sniff(bytes);
  if (sniffed.kind === 'pdf') {
    checkPdf(bytes);
    const capture = { takenAt: null, day: null, latitude: null, longitude: null };
    return { data: bytes, mime: sniffed.mime, width: null, height: null, thumb: null, capture };
  }
  const image = await processImage(bytes, sniffed, maxPixels);
  return {
    data: image.data,
    mime: image.mime,
    width: image.width,
    height: image.height,
    thumb: image.thumb,
    capture: await readCapture(bytes),
  };
}
