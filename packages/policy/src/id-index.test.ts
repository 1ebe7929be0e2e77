import { describe, expect, it } from 'vitest';
import { IdIndex } from './id-index.ts';

describe('IdIndex', () => {
  it('finds what was added and refuses a second add of the same id', () => {
    const index = new IdIndex();
    index.reset(3);
    expect(index.add('p1', 0)).toBe(true);
    expect(index.add('p2', 1)).toBe(true);
    expect(index.add('p1', 2)).toBe(false);
    expect(index.get('p1')).toBe(0);
    expect(index.get('p2')).toBe(1);
    expect(index.get('p3')).toBe(-1);
    expect(index.get(7)).toBe(-1);
  });

  it('forgets everything on reset', () => {
    const index = new IdIndex();
    index.reset(1);
    index.add('e1', 0);
    index.reset(1);
    expect(index.get('e1')).toBe(-1);
    expect(index.add('e1', 5)).toBe(true);
    expect(index.get('e1')).toBe(5);
  });

  it('holds many ids, colliding ones included, after growing', () => {
    const index = new IdIndex();
    index.reset(2);
    index.add('a', 0);
    index.reset(5000);
    const ids = Array.from({ length: 5000 }, (_, i) => `id-${i}`);
    ids.forEach((id, i) => expect(index.add(id, i)).toBe(true));
    ids.forEach((id, i) => expect(index.get(id)).toBe(i));
    expect(index.get('a')).toBe(-1);
    expect(ids.every((id) => !index.add(id, 0))).toBe(true);
  });
});
