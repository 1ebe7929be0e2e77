import type { ReactNode } from 'react';
import { act, renderHook } from '@testing-library/react';
import { MemoryRouter, useLocation } from 'react-router';
import { describe, expect, it } from 'vitest';
import { useQueryState } from './useQueryState.ts';

const keys = ['q', 'kind'] as const;

function setup(url: string) {
  const wrapper = ({ children }: { children: ReactNode }) => (
    <MemoryRouter initialEntries={[url]}>{children}</MemoryRouter>
  );
  return renderHook(() => ({ state: useQueryState(keys), location: useLocation() }), { wrapper });
}

const query = (search: string) => Object.fromEntries(new URLSearchParams(search));

describe('useQueryState', () => {
  it('reads the filters and paging from the URL, with defaults', () => {
    const { result } = setup('/list?q=%E6%9D%91&page=3&pageSize=50&other=x');
    expect(result.current.state).toMatchObject({
      values: { q: '村', kind: '' },
      page: 3,
      pageSize: 50,
    });
    expect(setup('/list').result.current.state).toMatchObject({
      values: { q: '', kind: '' },
      page: 1,
      pageSize: 20,
    });
    expect(setup('/list?page=abc&pageSize=0').result.current.state).toMatchObject({
      page: 1,
      pageSize: 20,
    });
  });

  it('changing a filter returns to page 1 and keeps the other parameters', () => {
    const { result } = setup('/list?q=a&page=4&pageSize=50');
    act(() => result.current.state.update({ kind: 'town' }));
    expect(query(result.current.location.search)).toEqual({ q: 'a', kind: 'town', pageSize: '50' });
    expect(result.current.state.page).toBe(1);
  });

  it('an empty, null or undefined value removes the parameter', () => {
    const { result } = setup('/list?q=a&kind=town');
    act(() => result.current.state.update({ q: '', kind: null }));
    expect(result.current.location.search).toBe('');
    expect(result.current.state.values).toEqual({ q: '', kind: '' });
  });

  it('paging keeps the filters', () => {
    const { result } = setup('/list?q=a');
    act(() => result.current.state.update({ page: 2, pageSize: 10 }));
    expect(query(result.current.location.search)).toEqual({ q: 'a', page: '2', pageSize: '10' });
    expect(result.current.state).toMatchObject({ page: 2, pageSize: 10 });
  });

  it('reset clears everything, stays on the same path', () => {
    const { result } = setup('/list?q=a&kind=town&page=2');
    act(() => result.current.state.reset());
    expect(result.current.location.pathname).toBe('/list');
    expect(result.current.location.search).toBe('');
  });
});
