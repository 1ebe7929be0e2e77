import JSZip from 'jszip';
import { expect } from 'vitest';

/** The body XML of a .docx. */
export async function documentXml(docx: Buffer) {
  const zip = await JSZip.loadAsync(docx);
  return zip.file('word/document.xml')!.async('string');
}

/** GB/T 9704 as lib/docx-style.ts sets it: A4, margins 37/35/28/26 mm, the three fonts, exact lines. */
export function expectOfficialLayout(xml: string) {
  expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
  expect(xml).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/);
  for (const font of ['方正小标宋简体', '仿宋_GB2312', '黑体'])
    expect(xml).toContain(`w:eastAsia="${font}"`);
  expect(xml).toContain('w:line="560" w:lineRule="exact"');
}
