import { describe, expect, it } from 'vitest';
import { contentDisposition, sanitizeName } from './names.ts';

describe('sanitizeName', () => {
  it('keeps only the last segment, without control or direction characters', () => {
    expect(sanitizeName('../../etc/passwd.jpg')).toBe('passwd.jpg');
    expect(sanitizeName('C:\\Users\\me\\走访.jpg')).toBe('走访.jpg');
    expect(sanitizeName('a\u0000b\r\n\u202egpj.exe')).toBe('abgpj.exe');
    expect(sanitizeName('...hidden')).toBe('hidden');
    expect(sanitizeName(undefined)).toBe('');
    expect([...sanitizeName('长'.repeat(500))]).toHaveLength(120);
  });
});

describe('contentDisposition', () => {
  it('offers the user’s name with the served type’s extension, and an ASCII fallback', () => {
    expect(contentDisposition('走访 照片.png', 7, 'image/jpeg')).toBe(
      `inline; filename="evidence-7.jpg"; filename*=UTF-8''${encodeURIComponent('走访 照片.jpg')}`,
    );
    expect(contentDisposition('"; x=<script>.pdf', 8, 'application/pdf')).toBe(
      `inline; filename="evidence-8.pdf"; filename*=UTF-8''${encodeURIComponent(' xscript.pdf'.trim())}`,
    );
    expect(contentDisposition('', 9, 'image/webp')).toBe(
      `inline; filename="evidence-9.webp"; filename*=UTF-8''${encodeURIComponent('证明材料-9.webp')}`,
    );
  });
});
