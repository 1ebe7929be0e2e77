import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const serverSource = join(import.meta.dirname, '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.includes('.test.') ? [path] : [];
  });
}

// Rule ids (R-PROJECT) and the catalogue's source names (S1 附表) belong in code and docs: a
// town organizer reads the words. A Chinese literal is text someone reads; comments are not.
const internal = /R-[A-Z]{2,}|(?<![A-Za-z0-9])S[1-9](?![0-9])|附表|\$\{[^}]*ruleId[^}]*\}/;
const literal = /'(?:[^'\\\n]|\\.)*'|`(?:[^`\\]|\\.)*`|"(?:[^"\\\n]|\\.)*"/g;

describe('messages the server sends', () => {
  it('name no internal rule ids or catalogue sources', () => {
    const found: string[] = [];
    for (const file of sourceFiles(serverSource)) {
      const code = readFileSync(file, 'utf8')
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/^\s*\/\/.*$/gm, '');
      for (const [text] of code.matchAll(literal)) {
        if (/\p{Script=Han}/u.test(text) && internal.test(text)) found.push(`${file}: ${text}`);
      }
    }
    expect(found).toEqual([]);
  });
});
