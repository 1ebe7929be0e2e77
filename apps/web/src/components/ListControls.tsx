import { useState, type ReactNode } from 'react';
import { Alert, Button, Empty, Input, Space } from 'antd';
import type { TableProps } from 'antd';
import type { SearchProps } from 'antd/es/input';
import type { Paged } from '../api/types.ts';
import { useI18n } from '../i18n/index.tsx';

/** The filters above a list, with 清除筛选 once any of them is set. */
export function FilterBar(props: { filtered: boolean; onClear: () => void; children: ReactNode }) {
  const { t } = useI18n();
  return (
    <Space wrap style={{ marginBottom: 12 }}>
      {props.children}
      {props.filtered && (
        <Button type="link" onClick={props.onClear}>
          {t('common.clearFilters')}
        </Button>
      )}
    </Space>
  );
}

/**
 * A search box submitted with Enter or its button. It keeps what is being typed and follows
 * `value` when the URL changes (a cleared filter, going back).
 */
export function QuerySearch({
  value,
  onSearch,
  ...rest
}: { value: string; onSearch: (q: string) => void } & Omit<
  SearchProps,
  'value' | 'onSearch' | 'onChange'
>) {
  const [text, setText] = useState(value);
  const [shown, setShown] = useState(value);
  if (value !== shown) {
    setShown(value);
    setText(value);
  }
  return (
    <Input.Search
      allowClear
      {...rest}
      value={text}
      onChange={(e) => setText(e.target.value)}
      onSearch={(q) => onSearch(q.trim())}
    />
  );
}

export function ErrorAlert({ error }: { error: Error | null | undefined }) {
  return error ? (
    <Alert type="error" showIcon title={error.message} style={{ marginBottom: 12 }} />
  ) : null;
}

type ListState = {
  page: number;
  pageSize: number;
  update: (patch: { page: number; pageSize: number }) => void;
};

/**
 * The table props of a server-paged list whose page and size live in the URL (`useQueryState`):
 * rows, loading, an empty text, and paging that returns to page 1 when the size changes and says
 * "at least" when the server stopped counting.
 */
export function useListTable<T>(
  list: ListState,
  request: { data?: Paged<T> | null; loading: boolean },
  empty: string,
): Pick<TableProps<T>, 'loading' | 'dataSource' | 'locale' | 'pagination'> {
  const { t } = useI18n();
  const { page, pageSize, update } = list;
  return {
    loading: request.loading,
    dataSource: request.data?.items ?? [],
    locale: { emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty} /> },
    pagination: {
      current: page,
      pageSize,
      total: request.data?.total ?? 0,
      showSizeChanger: true,
      pageSizeOptions: [10, 20, 50, 100],
      showTotal: (total) =>
        request.data?.totalExact === false
          ? t('common.totalAtLeast', { total })
          : t('common.total', { total }),
      onChange: (nextPage, nextSize) =>
        update({ page: nextSize !== pageSize ? 1 : nextPage, pageSize: nextSize }),
    },
  };
}
