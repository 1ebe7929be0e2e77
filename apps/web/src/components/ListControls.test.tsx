import type { ReactNode } from 'react';
import { Table } from 'antd';
import { act, renderHook, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { I18nProvider } from '../i18n/index.tsx';
import { renderUi, text } from '../test/render.tsx';
import { ErrorAlert, FilterBar, QuerySearch, useListTable } from './ListControls.tsx';

describe('FilterBar', () => {
  it('offers 清除筛选 only while a filter is set', async () => {
    const onClear = vi.fn();
    const { rerender } = renderUi(
      <FilterBar filtered={false} onClear={onClear}>
        <span>filters</span>
      </FilterBar>,
    );
    expect(screen.getByText('filters')).toBeInTheDocument();
    expect(screen.queryByText(text('common.clearFilters'))).not.toBeInTheDocument();
    rerender(
      <FilterBar filtered onClear={onClear}>
        <span>filters</span>
      </FilterBar>,
    );
    await userEvent.click(screen.getByText(text('common.clearFilters')));
    expect(onClear).toHaveBeenCalledTimes(1);
  });
});

describe('QuerySearch', () => {
  it('submits the trimmed text with Enter', async () => {
    const onSearch = vi.fn();
    renderUi(<QuerySearch value="" onSearch={onSearch} placeholder="搜索" />);
    await userEvent.type(screen.getByPlaceholderText('搜索'), '  和平村 {Enter}');
    expect(onSearch).toHaveBeenLastCalledWith('和平村');
  });

  it('follows the value when the URL changes it, and keeps typing otherwise', async () => {
    const onSearch = vi.fn();
    const { rerender } = renderUi(
      <QuerySearch value="旧" onSearch={onSearch} placeholder="搜索" />,
    );
    const input = screen.getByPlaceholderText('搜索');
    expect(input).toHaveValue('旧');
    await userEvent.type(input, '的');
    rerender(<QuerySearch value="旧" onSearch={onSearch} placeholder="搜索" />);
    expect(input).toHaveValue('旧的');
    rerender(<QuerySearch value="" onSearch={onSearch} placeholder="搜索" />);
    expect(input).toHaveValue('');
    expect(onSearch).not.toHaveBeenCalled();
  });
});

describe('ErrorAlert', () => {
  it('shows nothing without an error and the message with one', () => {
    const { rerender } = renderUi(<ErrorAlert error={null} />);
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    rerender(<ErrorAlert error={new Error('加载失败：服务器出错')} />);
    expect(screen.getByRole('alert')).toHaveTextContent('加载失败：服务器出错');
  });
});

describe('useListTable', () => {
  const wrapper = ({ children }: { children: ReactNode }) => (
    <I18nProvider>{children}</I18nProvider>
  );
  const page = (items: string[], total: number, totalExact?: boolean) => ({
    items,
    total,
    totalExact,
    page: 1,
    pageSize: 20,
  });

  it('gives rows, loading, and the paging of the URL state', () => {
    const update = vi.fn();
    const { result } = renderHook(
      () =>
        useListTable(
          { page: 3, pageSize: 20, update },
          { data: page(['a'], 41), loading: true },
          '空',
        ),
      { wrapper },
    );
    expect(result.current.loading).toBe(true);
    expect(result.current.dataSource).toEqual(['a']);
    expect(result.current.pagination).toMatchObject({ current: 3, pageSize: 20, total: 41 });
  });

  it('has no rows and a zero total before the first answer', () => {
    const { result } = renderHook(
      () => useListTable({ page: 1, pageSize: 20, update: vi.fn() }, { loading: true }, '空'),
      { wrapper },
    );
    expect(result.current.dataSource).toEqual([]);
    expect(result.current.pagination).toMatchObject({ total: 0 });
  });

  it('moves pages, and returns to page 1 when the page size changes', () => {
    const update = vi.fn();
    const { result } = renderHook(
      () =>
        useListTable(
          { page: 3, pageSize: 20, update },
          { data: page([], 200), loading: false },
          '',
        ),
      { wrapper },
    );
    const pagination = result.current.pagination as {
      onChange: (page: number, size: number) => void;
      showTotal: (total: number, range: [number, number]) => ReactNode;
    };
    act(() => pagination.onChange(4, 20));
    expect(update).toHaveBeenLastCalledWith({ page: 4, pageSize: 20 });
    act(() => pagination.onChange(4, 50));
    expect(update).toHaveBeenLastCalledWith({ page: 1, pageSize: 50 });
    expect(pagination.showTotal(200, [1, 20])).toBe(text('common.total', { total: 200 }));
  });

  it('says "at least" when the server stopped counting', () => {
    const { result } = renderHook(
      () =>
        useListTable(
          { page: 1, pageSize: 20, update: vi.fn() },
          { data: page(['a'], 10000, false), loading: false },
          '',
        ),
      { wrapper },
    );
    const pagination = result.current.pagination as {
      showTotal: (total: number, range: [number, number]) => ReactNode;
    };
    expect(pagination.showTotal(10000, [1, 20])).toBe(
      text('common.totalAtLeast', { total: 10000 }),
    );
  });

  it("shows the page's empty text in the table", () => {
    function List() {
      const table = useListTable(
        { page: 1, pageSize: 20, update: vi.fn() },
        { data: page([], 0), loading: false },
        '暂无记录（测试）',
      );
      return <Table<string> rowKey={(row) => row} columns={[{ title: '名称' }]} {...table} />;
    }
    renderUi(<List />);
    expect(screen.getByText('暂无记录（测试）')).toBeInTheDocument();
  });
});
