/** Content-Disposition for a Chinese file name (RFC 6266 / 5987), with an ASCII fallback. */
export const letterFileName = (name: string) =>
  `attachment; filename="download.docx"; filename*=UTF-8''${encodeURIComponent(name)}`;
