import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { auditActions } from '@pairing/shared';
import { describe, expect, it } from 'vitest';

const serverSource = join(import.meta.dirname, '..', '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.includes('.test.') ? [path] : [];
  });
}

// `recordAudit` takes only the listed actions (a type); statement text (the intention submit
// writes its record in SQL) escapes the compiler, so the source itself is read here.
describe('audit actions', () => {
  it('lists every action the server records, so the audit page has its words', () => {
    const named = new Set<string>();
    for (const file of sourceFiles(serverSource)) {
      for (const line of readFileSync(file, 'utf8').split('\n')) {
        if (!/\baction\b/.test(line)) continue;
        for (const [, name] of line.matchAll(/'([a-z_]+(?:\.[a-zA-Z_]+)+)'/g)) named.add(name);
      }
    }
    expect(named.size).toBeGreaterThan(20);
    expect([...named].filter((n) => !(auditActions as readonly string[]).includes(n))).toEqual([]);
  });
});
