import { describe, expect, it } from 'vitest';
import { unitFieldWords } from '@pairing/shared';
import { en } from './en.ts';
import { zhCN } from './zh-CN.ts';

// Rule ids (R-PROJECT) and the catalogue's source names (S1 附表) stay in code and docs.
const internal = /R-[A-Z]{2,}|(?<![A-Za-z0-9])S[1-9](?![0-9])|附表|appendix|\{rule\}/;

describe('UI strings', () => {
  it.each([
    ['zh-CN', zhCN],
    ['en', en],
  ])('%s names no internal rule ids or catalogue sources', (_, strings) => {
    const found = Object.entries(strings).filter(([, text]) => internal.test(text));
    expect(found).toEqual([]);
  });
});

describe("a unit's fields", () => {
  it('are named as the import template and the server name them', () => {
    expect(zhCN['org.unitType']).toBe(unitFieldWords.unitType);
    expect(zhCN['org.capacity']).toBe(unitFieldWords.capacity);
    expect(zhCN['select.capacity']).toBe(unitFieldWords.capacity);
    expect(zhCN['org.yearlyBudget']).toBe(`${unitFieldWords.yearlyBudget}（元）`);
    expect(zhCN['org.capacityRange']).toContain(unitFieldWords.capacity);
  });
});
