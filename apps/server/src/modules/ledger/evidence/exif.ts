import exifr from 'exifr';

// When and where a photo was taken, read from the original before re-encoding strips it. EXIF
// writes the camera's local time without a zone unless OffsetTimeOriginal says one; a phone in
// China writes China time, so that is assumed. `day` is the date as the camera wrote it: that is
// what is compared with the record's date.

export type Capture = {
  takenAt: Date | null;
  day: string | null;
  latitude: number | null;
  longitude: number | null;
};

const none: Capture = { takenAt: null, day: null, latitude: null, longitude: null };

type Raw = {
  DateTimeOriginal?: unknown;
  CreateDate?: unknown;
  OffsetTimeOriginal?: unknown;
  latitude?: unknown;
  longitude?: unknown;
};

const exifTime = /^(\d{4}):(\d{2}):(\d{2}) (\d{2}):(\d{2}):(\d{2})/;
const zone = /^[+-]\d{2}:\d{2}$/;

function timeOf(raw: Raw): { takenAt: Date; day: string } | null {
  const text = [raw.DateTimeOriginal, raw.CreateDate].find((v) => typeof v === 'string');
  const m = typeof text === 'string' ? exifTime.exec(text) : null;
  if (!m) return null;
  const [, y, mo, d, h, mi, s] = m;
  const offset =
    typeof raw.OffsetTimeOriginal === 'string' && zone.test(raw.OffsetTimeOriginal)
      ? raw.OffsetTimeOriginal
      : '+08:00';
  const takenAt = new Date(`${y}-${mo}-${d}T${h}:${mi}:${s}${offset}`);
  const day = `${y}-${mo}-${d}`;
  // Cameras without a set clock write 0000:00:00; calendar nonsense is no capture time.
  if (
    Number.isNaN(takenAt.getTime()) ||
    new Date(`${day}T00:00:00Z`).toISOString().slice(0, 10) !== day
  )
    return null;
  if (y < '1990') return null;
  return { takenAt, day };
}

const coordinate = (v: unknown, limit: number) =>
  typeof v === 'number' && Number.isFinite(v) && Math.abs(v) <= limit ? v : null;

export async function readCapture(bytes: Buffer): Promise<Capture> {
  let raw: Raw | undefined;
  try {
    raw = await exifr.parse(bytes, {
      pick: [
        'DateTimeOriginal',
        'CreateDate',
        'OffsetTimeOriginal',
        'GPSLatitude',
        'GPSLatitudeRef',
        'GPSLongitude',
        'GPSLongitudeRef',
      ],
      reviveValues: false,
    });
  } catch {
    // A damaged or absent EXIF block is no capture time, not a reason to refuse the photo.
    return none;
  }
  if (!raw) return none;
  const time = timeOf(raw);
  const latitude = coordinate(raw.latitude, 90);
  const longitude = coordinate(raw.longitude, 180);
  return {
    takenAt: time?.takenAt ?? null,
    day: time?.day ?? null,
    ...(latitude !== null && longitude !== null
      ? { latitude, longitude }
      : { latitude: null, longitude: null }),
  };
}

/** Whole days between two calendar dates. */
const dayNumber = (day: string) => Date.parse(`${day}T00:00:00Z`) / 86_400_000;

/** A capture day more than one day away from the record's date (flagged for reviewers). */
export const capturedOffDate = (capture: Capture, recordDate: string) =>
  capture.day !== null && Math.abs(dayNumber(capture.day) - dayNumber(recordDate)) > 1;
