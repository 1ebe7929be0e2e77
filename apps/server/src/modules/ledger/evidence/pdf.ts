import { constants, inflateSync } from 'node:zlib';
import { encryptedPdf, unsafePdf, unverifiablePdf } from './refusals.ts';

// A PDF is kept as uploaded, so it is checked instead of re-encoded: it may carry no active
// content and may not be encrypted (an encrypted one cannot be checked). Active content is
// introduced by names (ISO 32000-1 §12.6 actions, §7.11.4 embedded files, §12.7.8 XFA): the
// dictionaries outside streams are read as text and those inside object streams (/ObjStm, where
// PDF 1.5 compresses dictionaries) are inflated and read too. Names are compared after decoding
// their #xx escapes, so `/Java#53cript` is `/JavaScript`. Other streams (pages, images, fonts)
// are not read: their bytes are not dictionaries and would only give false alarms.

/** Names that start scripts, launch programs, embed files or send data away. */
const activeNames = new Set([
  'JS',
  'JavaScript',
  'Launch',
  'EmbeddedFile',
  'EmbeddedFiles',
  'RichMedia',
  'XFA',
  'SubmitForm',
  'ImportData',
  'GoToE',
]);

/** Inflating object streams stops here: a small file may not unpack into gigabytes. */
const maxInflatedBytes = 64 * 1024 * 1024;

// A name token: `/` then regular characters up to a delimiter or white space (§7.3.5).
const nameToken = /\/([^\0\t\n\f\r /[\]<>(){}%]*)/g;
const streamKeyword = /(>>\s*)stream(\r\n|\r|\n)/g;

function namesIn(text: string): Set<string> {
  const names = new Set<string>();
  for (const [, raw] of text.matchAll(nameToken))
    names.add(
      raw.replace(/#([0-9a-fA-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))),
    );
  return names;
}

type Stream = { dict: string; data: [number, number] };

/** The text outside stream data, and each stream with its dictionary and data range. */
function split(text: string): { outside: string[]; streams: Stream[] } {
  const outside: string[] = [];
  const streams: Stream[] = [];
  let from = 0;
  streamKeyword.lastIndex = 0;
  for (let m = streamKeyword.exec(text); m; m = streamKeyword.exec(text)) {
    const dictEnd = m.index + m[1].length;
    let dictStart = text.lastIndexOf('obj', m.index);
    while (dictStart >= 3 && text.startsWith('end', dictStart - 3))
      dictStart = text.lastIndexOf('obj', dictStart - 1);
    const dict = text.slice(Math.max(dictStart, from), dictEnd);
    const start = m.index + m[0].length;
    const end = dataEnd(text, dict, start);
    if (end < 0) throw unverifiablePdf();
    outside.push(text.slice(from, dictEnd));
    streams.push({ dict, data: [start, end] });
    from = text.indexOf('endstream', end);
    streamKeyword.lastIndex = from;
  }
  outside.push(text.slice(from));
  return { outside, streams };
}

/**
 * Where a stream's data ends: at its direct /Length when `endstream` follows there, else before
 * the end-of-line that precedes the next `endstream`; -1 when there is none.
 */
function dataEnd(text: string, dict: string, start: number): number {
  const length = /\/Length\s+(\d+)(\s+\d+\s+R)?/.exec(dict);
  if (length && !length[2]) {
    const end = start + Number(length[1]);
    if (/^(\r\n|\r|\n)?endstream/.test(text.slice(end, end + 11))) return end;
  }
  const next = text.indexOf('endstream', start);
  if (next < 0) return -1;
  const eol = /(\r\n|\r|\n)$/.exec(text.slice(Math.max(start, next - 2), next));
  return next - (eol ? eol[1].length : 0);
}

/** The dictionaries an object stream holds, as text; refused when its filter cannot be undone. */
function objectStreamText(bytes: Buffer, stream: Stream, budget: number): string {
  const names = namesIn(stream.dict);
  const data = bytes.subarray(stream.data[0], stream.data[1]);
  const filters = [...names].filter((n) => n.endsWith('Decode') || n === 'Fl' || n === 'Crypt');
  if (filters.length === 0) return data.toString('latin1');
  const predictor = /\/Predictor\s+(\d+)/.exec(stream.dict);
  if (
    filters.length > 1 ||
    (filters[0] !== 'FlateDecode' && filters[0] !== 'Fl') ||
    (predictor && Number(predictor[1]) > 1)
  )
    throw unverifiablePdf();
  if (budget <= 0) throw unverifiablePdf();
  try {
    return inflateSync(data, {
      maxOutputLength: budget,
      finishFlush: constants.Z_SYNC_FLUSH,
    }).toString('latin1');
  } catch {
    throw unverifiablePdf();
  }
}

/** Throw the refusal when the PDF is encrypted or carries active content. */
export function checkPdf(bytes: Buffer): void {
  const { outside, streams } = split(bytes.toString('latin1'));
  const outer = outside.map(namesIn);
  // Encrypted object streams would not inflate: say why the file is refused.
  if (outer.some((names) => names.has('Encrypt'))) throw encryptedPdf();
  const inner: Set<string>[] = [];
  let budget = maxInflatedBytes;
  for (const stream of streams) {
    if (!namesIn(stream.dict).has('ObjStm')) continue;
    const text = objectStreamText(bytes, stream, budget);
    budget -= text.length;
    inner.push(namesIn(text));
  }
  for (const names of [...outer, ...inner])
    for (const name of names) if (activeNames.has(name)) throw unsafePdf();
}
