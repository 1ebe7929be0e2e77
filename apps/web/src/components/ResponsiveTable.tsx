import { useState, type Key, type ReactNode } from 'react';
import { Button, Empty, Pagination, Spin, Table } from 'antd';
import type { TableColumnsType, TablePaginationConfig, TableProps } from 'antd';
import { useI18n } from '../i18n/index.tsx';
import { useIsPhone } from '../lib/useIsPhone.ts';
import './responsive.css';

/**
 * Where a column goes on a phone's card: the bold first line, a labelled field, a field without
 * its label, the button row at the bottom (thumb reach), or nowhere. By default the first column
 * is the title, a column keyed `actions` the button row, and every other column a labelled field.
 */
export type CardPart = 'title' | 'field' | 'plain' | 'actions' | 'hidden';

export type ResponsiveColumn<T> = TableColumnsType<T>[number] & { card?: CardPart };
export type ResponsiveColumns<T> = ResponsiveColumn<T>[];

export type ResponsiveTableProps<T> = Omit<TableProps<T>, 'columns'> & {
  columns?: ResponsiveColumns<T>;
  /** The test id of each row's card, for the tests that tap one. */
  cardTestId?: (row: T) => string;
  /**
   * A row's whole card content on a phone, for lists whose cards read better laid out by hand
   * than built from the columns; the columns then serve the table only.
   */
  renderCard?: (row: T, index: number) => ReactNode;
  'data-testid'?: string;
};

const defaultPageSize = 10;

/**
 * An antd Table on a wide screen; below 768 px the same rows as cards built from the same
 * columns, with a pager that fits, so a list never scrolls sideways on a phone.
 */
export function ResponsiveTable<T extends object>(props: ResponsiveTableProps<T>) {
  const phone = useIsPhone();
  if (phone) return <CardList {...props} />;
  const { columns, cardTestId: _cards, renderCard: _card, ...table } = props;
  return <Table<T> columns={columns?.map(withoutCardPart)} {...table} />;
}

function withoutCardPart<T>(column: ResponsiveColumn<T>): TableColumnsType<T>[number] {
  const { card: _part, ...rest } = column;
  return rest;
}

type Leaf<T> = {
  part: CardPart;
  title: ReactNode;
  key: string;
  value: (row: T, index: number) => ReactNode;
};

/** The columns as card parts: groups flattened, hidden columns dropped. */
function leaves<T extends object>(columns: ResponsiveColumns<T>): Leaf<T>[] {
  const flat = leavesOf(columns).filter((column) => !column.hidden);
  const titled = flat.some((column) => column.card === 'title');
  return flat.map((column, index) => {
    const dataIndex = 'dataIndex' in column ? column.dataIndex : undefined;
    const key = String(column.key ?? dataIndex ?? index);
    const part: CardPart =
      column.card ?? (index === 0 && !titled ? 'title' : key === 'actions' ? 'actions' : 'field');
    return {
      part,
      key,
      title: typeof column.title === 'function' ? null : column.title,
      value: (row: T, rowIndex: number) => {
        const raw = read(row, dataIndex);
        return column.render
          ? (column.render(raw, row, rowIndex) as ReactNode)
          : (raw as ReactNode);
      },
    };
  });
}

function leavesOf<T>(columns: ResponsiveColumns<T>): ResponsiveColumn<T>[] {
  return columns.flatMap((column) =>
    'children' in column && column.children
      ? leavesOf(column.children as ResponsiveColumns<T>)
      : [column],
  );
}

function read(row: object, dataIndex: unknown): unknown {
  if (dataIndex === undefined || dataIndex === null) return undefined;
  const path = Array.isArray(dataIndex) ? dataIndex : [dataIndex];
  let value: unknown = row;
  for (const step of path) value = (value as Record<string, unknown> | undefined)?.[step];
  return value;
}

/** The Table's empty text, which may be a function of the filters (none on a card list). */
function emptyText(text: ReactNode | (() => ReactNode)): ReactNode {
  if (typeof text === 'function') return text();
  return text ?? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />;
}

const isBlank = (node: ReactNode) => node === null || node === undefined || node === '';

function CardList<T extends object>({
  columns = [],
  dataSource,
  rowKey = 'key',
  loading,
  locale,
  pagination,
  onRow,
  expandable,
  cardTestId,
  renderCard,
  'data-testid': testId,
}: ResponsiveTableProps<T>) {
  const { t } = useI18n();
  const rows = dataSource ?? [];
  const [expanded, setExpanded] = useState<ReadonlySet<Key>>(new Set());
  const toggle = (key: Key) =>
    setExpanded((keys) => {
      const next = new Set(keys);
      if (!next.delete(key)) next.add(key);
      return next;
    });
  const [ownPage, setOwnPage] = useState(1);
  const config: TablePaginationConfig | null = pagination === false ? null : (pagination ?? {});
  const pageSize = config?.pageSize ?? config?.defaultPageSize ?? defaultPageSize;
  const current = config?.current ?? ownPage;
  const total = config?.total ?? rows.length;
  // As the Table does: a page the server already cut is shown whole, a full list is cut here.
  const shown =
    !config || rows.length < total
      ? rows
      : rows.slice((current - 1) * pageSize, current * pageSize);
  // A hand-laid card takes no parts from the columns, its buttons included.
  const parts = renderCard ? [] : leaves(columns);
  const spinning = typeof loading === 'object' ? loading.spinning : loading;
  const keyOf = (row: T, index: number): Key =>
    typeof rowKey === 'function'
      ? rowKey(row, index)
      : ((row as Record<string, unknown>)[rowKey as string] as Key);

  return (
    // The test id on the whole, spinner and pager included, as the Table puts it on its wrapper.
    <div data-testid={testId}>
      <Spin spinning={!!spinning}>
        <div className="responsive-cards">
          {shown.map((row, index) => {
            const handlers = onRow?.(row, index) ?? {};
            const open = handlers.onClick;
            const key = keyOf(row, index);
            const actions = parts
              .filter((p) => p.part === 'actions')
              .map((p) => p.value(row, index))
              .filter((node) => !isBlank(node));
            const more = expandable?.expandedRowRender;
            if (more) {
              actions.push(
                <Button type="link" onClick={() => toggle(key)} aria-expanded={expanded.has(key)}>
                  {expanded.has(key) ? t('list.less') : t('list.more')}
                </Button>,
              );
            }
            return (
              <div
                key={key}
                className={open ? 'responsive-card responsive-card-link' : 'responsive-card'}
                role={open ? 'link' : undefined}
                tabIndex={open ? 0 : undefined}
                onClick={open}
                onKeyDown={open ? (e) => e.key === 'Enter' && e.currentTarget.click() : undefined}
                data-testid={cardTestId?.(row)}
              >
                {renderCard?.(row, index)}
                {parts.map((p) => {
                  if (p.part === 'hidden' || p.part === 'actions') return null;
                  const value = p.value(row, index);
                  if (isBlank(value)) return null;
                  if (p.part === 'title')
                    return (
                      <div key={p.key} className="responsive-card-title">
                        {value}
                      </div>
                    );
                  if (p.part === 'plain' || isBlank(p.title))
                    return (
                      <div key={p.key} className="responsive-card-plain">
                        {value}
                      </div>
                    );
                  return (
                    <div key={p.key} className="responsive-card-field">
                      <span className="responsive-card-label">{p.title}</span>
                      <span className="responsive-card-value">{value}</span>
                    </div>
                  );
                })}
                {more && expanded.has(key) && (
                  <div className="responsive-card-more">{more(row, index, 0, true)}</div>
                )}
                {actions.length > 0 && (
                  // A tap on a button is the button's, not the card's.
                  <div
                    className="responsive-card-actions"
                    onClick={(e) => e.stopPropagation()}
                    onKeyDown={(e) => e.stopPropagation()}
                  >
                    {actions.map((node, i) => (
                      <div key={i}>{node}</div>
                    ))}
                  </div>
                )}
              </div>
            );
          })}
          {!spinning && shown.length === 0 && (
            <div className="responsive-cards-empty">{emptyText(locale?.emptyText)}</div>
          )}
        </div>
        {config && total > pageSize && (
          <Pagination
            simple
            className="responsive-cards-pager"
            current={current}
            pageSize={pageSize}
            total={total}
            showTotal={config.showTotal}
            onChange={(page, size) => {
              setOwnPage(page);
              config.onChange?.(page, size);
            }}
          />
        )}
      </Spin>
    </div>
  );
}
