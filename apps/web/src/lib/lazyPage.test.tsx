import { Suspense } from 'react';
import { act, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { lazyPage } from './lazyPage.ts';

const Page = () => <p>页面内容</p>;

describe('lazyPage', () => {
  it('fetches the code once however often it is preloaded', async () => {
    const load = vi.fn(async () => ({ default: Page }));
    const page = lazyPage(load);
    expect(load).not.toHaveBeenCalled();
    await Promise.all([page.preload(), page.preload()]);
    await page.preload();
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('tries again after a failed fetch', async () => {
    const load = vi
      .fn<() => Promise<{ default: typeof Page }>>()
      .mockRejectedValueOnce(new Error('offline'))
      .mockResolvedValue({ default: Page });
    const page = lazyPage(load);
    await expect(page.preload()).rejects.toThrow('offline');
    await expect(page.preload()).resolves.toEqual({ default: Page });
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('renders preloaded code in the first pass, without showing the fallback', async () => {
    const page = lazyPage(async () => ({ default: Page }));
    await page.preload();
    const Preloaded = page;
    const fallback = vi.fn(() => <p>加载中</p>);
    const Fallback = fallback;
    await act(async () => {
      render(
        <Suspense fallback={<Fallback />}>
          <Preloaded />
        </Suspense>,
      );
    });
    expect(screen.getByText('页面内容')).toBeInTheDocument();
    expect(fallback).not.toHaveBeenCalled();
  });

  it('shows the fallback while code not yet preloaded arrives', async () => {
    let arrive!: (m: { default: typeof Page }) => void;
    const page = lazyPage(() => new Promise((resolve) => (arrive = resolve)));
    const Later = page;
    render(
      <Suspense fallback={<p>加载中</p>}>
        <Later />
      </Suspense>,
    );
    expect(screen.getByText('加载中')).toBeInTheDocument();
    await act(async () => arrive({ default: Page }));
    expect(await screen.findByText('页面内容')).toBeInTheDocument();
  });
});
