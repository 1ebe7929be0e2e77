import { useEffect, useState, type ReactNode } from 'react';
import { Card, List, Table } from 'antd';
import type { TablePaginationConfig, TableProps } from 'antd';

// antd's `md` breakpoint. Read on the first render, so a phone never lays out the table first.
const wideQuery = '(min-width: 768px)';

function useWide() {
  const [wide, setWide] = useState(() => window.matchMedia(wideQuery).matches);
  useEffect(() => {
    const media = window.matchMedia(wideQuery);
    const follow = () => setWide(media.matches);
    media.addEventListener('change', follow);
    return () => media.removeEventListener('change', follow);
  }, []);
  return wide;
}

const emptyOf = (text: ReactNode | (() => ReactNode)) =>
  typeof text === 'function' ? text() : text;

/**
 * A list as a table from 768 px up and as cards below it, so a phone (390 px) scrolls down, never
 * sideways. `card` renders one row as a card's content.
 */
export function CardsOrTable<T extends { id: number }>({
  card,
  testId,
  columns,
  dataSource,
  loading,
  locale,
  pagination,
}: Pick<TableProps<T>, 'columns' | 'dataSource' | 'loading'> & {
  locale?: TableProps<T>['locale'];
  pagination?: TablePaginationConfig | false;
  card: (row: T) => ReactNode;
  testId: string;
}) {
  if (!useWide())
    return (
      <List<T>
        dataSource={dataSource ? [...dataSource] : []}
        loading={Boolean(loading)}
        locale={locale && { emptyText: emptyOf(locale.emptyText) }}
        pagination={
          pagination && {
            current: pagination.current,
            pageSize: pagination.pageSize,
            total: pagination.total,
            showTotal: pagination.showTotal,
            onChange: pagination.onChange,
            size: 'small',
            align: 'center',
          }
        }
        split={false}
        renderItem={(row) => (
          <List.Item key={row.id} style={{ padding: '4px 0' }}>
            <Card size="small" style={{ width: '100%' }}>
              {card(row)}
            </Card>
          </List.Item>
        )}
        data-testid={testId}
      />
    );
  return (
    <Table<T>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={dataSource}
      loading={loading}
      locale={locale}
      pagination={pagination}
      data-testid={testId}
    />
  );
}
