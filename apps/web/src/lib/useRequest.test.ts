import { act, renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { useRequest } from './useRequest.ts';

/** A promise settled from outside. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('useRequest', () => {
  it('is loading until the answer comes, then holds it', async () => {
    const answer = deferred<string>();
    const { result } = renderHook(() => useRequest(() => answer.promise, []));
    expect(result.current).toMatchObject({ loading: true, data: undefined, error: null });
    await act(async () => answer.resolve('rows'));
    expect(result.current).toMatchObject({ loading: false, data: 'rows', error: null });
  });

  it('keeps only the latest load when an earlier one answers last', async () => {
    const answers: Record<string, ReturnType<typeof deferred<string>>> = {
      a: deferred(),
      b: deferred(),
    };
    const { result, rerender } = renderHook(({ q }) => useRequest(() => answers[q].promise, [q]), {
      initialProps: { q: 'a' },
    });
    rerender({ q: 'b' });
    await act(async () => answers.b.resolve('answer b'));
    expect(result.current.data).toBe('answer b');
    await act(async () => answers.a.resolve('answer a'));
    expect(result.current).toMatchObject({ data: 'answer b', loading: false });
    await act(async () => answers.a.reject(new Error('late failure')));
    expect(result.current.error).toBeNull();
  });

  it('compares deps by value: a new but equal array does not load again', async () => {
    const load = vi.fn(async () => 1);
    const { rerender } = renderHook(({ filter }) => useRequest(load, [filter, { page: 1 }]), {
      initialProps: { filter: { kind: 'town' } },
    });
    await waitFor(() => expect(load).toHaveBeenCalledTimes(1));
    rerender({ filter: { kind: 'town' } });
    rerender({ filter: { kind: 'town' } });
    expect(load).toHaveBeenCalledTimes(1);
    rerender({ filter: { kind: 'village' } });
    await waitFor(() => expect(load).toHaveBeenCalledTimes(2));
  });

  it('runs the latest load function, with the values of the latest render', async () => {
    const seen: string[] = [];
    const { result, rerender } = renderHook(
      ({ label }) =>
        useRequest(async () => {
          seen.push(label);
          return label;
        }, []),
      { initialProps: { label: 'first' } },
    );
    await waitFor(() => expect(result.current.data).toBe('first'));
    rerender({ label: 'second' });
    act(() => result.current.reload());
    await waitFor(() => expect(result.current.data).toBe('second'));
    expect(seen).toEqual(['first', 'second']);
  });

  it('reports a failure and clears it on a successful reload', async () => {
    let fail = true;
    const { result } = renderHook(() =>
      useRequest(async () => {
        if (fail) throw new Error('服务器出错');
        return 'ok';
      }, []),
    );
    await waitFor(() => expect(result.current.loading).toBe(false));
    expect(result.current.error?.message).toBe('服务器出错');
    expect(result.current.data).toBeUndefined();
    fail = false;
    act(() => result.current.reload());
    expect(result.current.loading).toBe(true);
    await waitFor(() => expect(result.current.data).toBe('ok'));
    expect(result.current.error).toBeNull();
  });

  it('wraps a thrown non-Error in an Error', async () => {
    const { result } = renderHook(() => useRequest(() => Promise.reject('plain text'), []));
    await waitFor(() => expect(result.current.error).toBeInstanceOf(Error));
    expect(result.current.error?.message).toBe('plain text');
  });
});
