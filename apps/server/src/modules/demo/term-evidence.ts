// Which demo records carry photos: the showcase pairing's recent visits and activities (one photo
// taken three days off its record's date, so reviewers see the flag) and the latest visit or
// activity of every twentieth pairing. Files are written before the rows that name them.
import type { Db } from '../../db/client.ts';
import { evidenceFiles, recordEvidence } from '../ledger/schema.ts';
import { insertInChunks, insertRows } from './bulk.ts';
import { capturedOffDate } from '../ledger/evidence/exif.ts';
import { prepareEvidence } from '../ledger/evidence/prepare.ts';
import type { EvidenceSettings } from '../ledger/evidence/settings.ts';
import { storeBlob } from '../ledger/evidence/store.ts';
import { addDays } from './days.ts';
import type { seededRandom } from './rng.ts';
import type { DemoPairing } from './term-signing.ts';
import type { RecordRow } from './term-states.ts';
import { cameraPhoto, sceneCount } from './term-photos.ts';

type Rng = ReturnType<typeof seededRandom>;

type Attachment = { record: number; file: number; position: number; mismatch: boolean };

const photographed = (row: RecordRow) =>
  (row.type === 'visit' || row.type === 'activity') &&
  row.state !== 'withdrawn' &&
  row.state !== 'rejected';

/** Entered by the unit and awaiting the village's confirmation on `today`. */
const awaiting = (row: RecordRow, today: string) =>
  row.state === 'pending' && row.side === 'urban' && row.countsFrom! > today ? 1 : 0;

/** Indexes into `rows` of the records to photograph, with how many photos and the odd one. */
function choose(
  rows: RecordRow[],
  pairings: DemoPairing[],
  showcaseId: number | null,
  today: string,
) {
  const picks: Array<{ index: number; photos: number; offDays: number }> = [];
  const latest = new Map<number, number>();
  rows.forEach((row, index) => {
    if (photographed(row)) latest.set(row.pairingId, index);
  });
  if (showcaseId !== null) {
    const own = rows
      .map((row, index) => ({ row, index }))
      .filter(({ row }) => row.pairingId === showcaseId && photographed(row))
      // Those awaiting the village first, so the record it is asked to confirm shows photos.
      .sort(
        (a, b) =>
          awaiting(b.row, today) - awaiting(a.row, today) || (a.row.date < b.row.date ? 1 : -1),
      )
      .slice(0, 6);
    own.forEach(({ index }, i) =>
      picks.push({ index, photos: i === 0 ? 2 : 1, offDays: i === 3 ? -3 : 0 }),
    );
  }
  pairings.forEach((p, i) => {
    const index = latest.get(p.id);
    if (i % 20 === 0 && p.id !== showcaseId && index !== undefined) {
      picks.push({ index, photos: 1, offDays: 0 });
    }
  });
  return picks;
}

/**
 * Photograph the chosen records: each photo goes through the evidence module's upload path
 * (checked, re-encoded, EXIF read, flagged when taken more than a day off its record's date) and
 * is stored now; the rows follow once the records have ids.
 */
export async function seedPhotos(
  rng: Rng,
  rows: RecordRow[],
  pairings: DemoPairing[],
  showcase: { unitId: number; villageId: number } | null,
  settings: EvidenceSettings,
  today: string,
) {
  const showcaseId =
    pairings.find((p) => p.unit.id === showcase?.unitId && p.village.id === showcase.villageId)
      ?.id ?? null;
  const files: Array<typeof evidenceFiles.$inferInsert> = [];
  const fileOf = new Map<string, number>();
  const attachments: Attachment[] = [];
  let scene = 0;
  for (const pick of choose(rows, pairings, showcaseId, today)) {
    const row = rows[pick.index];
    for (let position = 0; position < pick.photos; position += 1) {
      const day = addDays(row.date, position === 0 ? pick.offDays : 0);
      const time = `${String(rng.int(9, 16)).padStart(2, '0')}:${String(rng.int(10, 59))}:00`;
      const original = await cameraPhoto(scene++ % sceneCount, `${day} ${time}`);
      const photo = await prepareEvidence(original, settings.maxPixels);
      const sha = await storeBlob(settings.dir, photo.data);
      if (!fileOf.has(sha)) {
        fileOf.set(sha, files.length);
        files.push({
          sha256: sha,
          mime: photo.mime,
          size: photo.data.length,
          width: photo.width,
          height: photo.height,
          thumbSha256: photo.thumb ? await storeBlob(settings.dir, photo.thumb) : null,
          takenAt: photo.capture.takenAt,
          createdBy: row.enteredBy,
          createdAt: row.enteredAt,
        });
      }
      const mismatch = capturedOffDate(photo.capture, row.date);
      attachments.push({ record: pick.index, file: fileOf.get(sha)!, position, mismatch });
      if (mismatch) row.photoDateMismatch = true;
    }
  }
  return {
    async insert(db: Db, recordIds: number[]) {
      const fileIds = await insertInChunks(db, evidenceFiles, files);
      await insertRows(
        db,
        recordEvidence,
        attachments.map((a) => ({
          recordId: recordIds[a.record],
          fileId: fileIds[a.file],
          position: a.position + 1,
          originalName: `IMG_${rows[a.record].date.replace(/-/g, '')}_${a.position + 1}.jpg`,
          dateMismatch: a.mismatch,
          createdAt: rows[a.record].enteredAt,
        })),
      );
      return files.length;
    },
  };
}
