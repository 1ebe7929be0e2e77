// A file's name as the user gave it is kept as text only (record_evidence.original_name), shown
// to readers and offered again on download; it never becomes a path. Whatever folders, control
// characters, direction overrides or NUL bytes it carried are dropped here.

// eslint-disable-next-line no-control-regex
const unwanted = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** The last segment of a client's file name, without control characters, at most 120 characters. */
export function sanitizeName(raw: string | undefined): string {
  const base = (raw ?? '').split(/[/\\]/).pop() ?? '';
  const clean = base.replace(unwanted, '').replace(/\s+/g, ' ').trim().replace(/^\.+/, '');
  return [...clean].slice(0, 120).join('');
}

const extensionOf: Record<string, string> = {
  'image/jpeg': 'jpg',
  'image/webp': 'webp',
  'application/pdf': 'pdf',
};

/**
 * A Content-Disposition for a stored file: an ASCII fallback name and the user's name (without
 * its extension) with the extension of what is actually served.
 */
export function contentDisposition(originalName: string, fileId: number, mime: string): string {
  const ext = extensionOf[mime] ?? 'bin';
  const stem = sanitizeName(originalName)
    .replace(/\.[^.]*$/, '')
    .replace(/[^\p{L}\p{N} _().-]/gu, '')
    .trim();
  const name = `${stem || `证明材料-${fileId}`}.${ext}`;
  return `inline; filename="evidence-${fileId}.${ext}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}
