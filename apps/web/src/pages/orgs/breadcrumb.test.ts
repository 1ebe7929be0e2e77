import { describe, expect, it } from 'vitest';
import { breadcrumbAncestors } from './breadcrumb.ts';

const trail = (names: string[], name: string) =>
  breadcrumbAncestors(
    names.map((n, i) => ({ id: i + 1, name: n })),
    name,
  ).map((a) => `${a.id}:${a.name}`);

describe('breadcrumbAncestors', () => {
  it('names 上海市 once, keeping the city below the province', () => {
    expect(trail(['上海市', '上海市', '金山区', '朱泾镇'], '民主村村委会')).toEqual([
      '2:上海市',
      '3:金山区',
      '4:朱泾镇',
    ]);
  });

  it('leaves out an ancestor named as the org itself, and keeps distinct names', () => {
    expect(trail(['上海市'], '上海市')).toEqual([]);
    expect(trail(['安徽省', '合肥市'], '肥东县')).toEqual(['1:安徽省', '2:合肥市']);
  });
});
