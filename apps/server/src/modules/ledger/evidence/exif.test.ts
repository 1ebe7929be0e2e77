import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { capturedOffDate, readCapture } from './exif.ts';
import { photo } from './test-support.ts';

describe('readCapture', () => {
  it('reads the camera time as China time unless the photo names its zone', async () => {
    expect(await readCapture(await photo({ taken: '2025:03:10 07:30:00' }))).toMatchObject({
      takenAt: new Date('2025-03-09T23:30:00Z'),
      day: '2025-03-10',
      latitude: null,
    });
    const zoned = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#fff' } })
      .jpeg()
      .withExif({ IFD2: { DateTimeOriginal: '2025:03:10 07:30:00', OffsetTimeOriginal: '+02:00' } })
      .toBuffer();
    expect((await readCapture(zoned)).takenAt).toEqual(new Date('2025-03-10T05:30:00Z'));
  });

  it('takes an unset camera clock for no capture time', async () => {
    expect((await readCapture(await photo({ taken: '0000:00:00 00:00:00' }))).takenAt).toBeNull();
  });

  it('reads where the photo was taken', async () => {
    const capture = await readCapture(await photo({ gps: true }));
    expect(capture.latitude).toBeCloseTo(30.7583, 3);
    expect(capture.longitude).toBeCloseTo(121.3333, 3);
  });

  it('answers nothing for a photo without EXIF, or bytes that are no image', async () => {
    const none = { takenAt: null, day: null, latitude: null, longitude: null };
    expect(await readCapture(await photo())).toEqual(none);
    expect(await readCapture(Buffer.from('not an image'))).toEqual(none);
  });
});

describe('capturedOffDate', () => {
  const on = (day: string | null) => ({ takenAt: null, day, latitude: null, longitude: null });
  it('flags a capture day more than one day from the record’s date, either way', () => {
    expect(capturedOffDate(on('2025-03-18'), '2025-03-18')).toBe(false);
    expect(capturedOffDate(on('2025-03-19'), '2025-03-18')).toBe(false);
    expect(capturedOffDate(on('2025-03-17'), '2025-03-18')).toBe(false);
    expect(capturedOffDate(on('2025-03-20'), '2025-03-18')).toBe(true);
    expect(capturedOffDate(on('2025-03-15'), '2025-03-18')).toBe(true);
    expect(capturedOffDate(on('2025-02-28'), '2025-03-01')).toBe(false);
    expect(capturedOffDate(on(null), '2025-03-18')).toBe(false);
  });
});
