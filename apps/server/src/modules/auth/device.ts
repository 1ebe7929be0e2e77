import UAParser from 'ua-parser-js';

/** "Chrome 120 · Windows 10" from a User-Agent header, for a person to recognise his device. */
export function deviceOf(userAgent: string | null): string {
  if (!userAgent) return '';
  const { browser, os, device } = new UAParser(userAgent).getResult();
  return [
    [browser.name, browser.major].filter(Boolean).join(' '),
    [device.vendor, device.model].filter(Boolean).join(' '),
    [os.name, os.version].filter(Boolean).join(' '),
  ]
    .filter(Boolean)
    .join(' · ');
}
