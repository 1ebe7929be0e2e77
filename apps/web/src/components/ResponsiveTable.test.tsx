import { fireEvent, render, screen, within } from '@testing-library/react';
import { App as AntApp, Button } from 'antd';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { I18nProvider } from '../i18n/index.tsx';
import { ResponsiveTable, type ResponsiveColumns } from './ResponsiveTable.tsx';

type Village = { id: number; name: string; town: { name: string }; households: number };

const villages: Village[] = Array.from({ length: 12 }, (_, i) => ({
  id: i + 1,
  name: `第${i + 1}村`,
  town: { name: i % 2 ? '朱泾镇' : '枫泾镇' },
  households: 100 + i,
}));

const phoneMatchMedia = window.matchMedia;
afterEach(() => {
  window.matchMedia = phoneMatchMedia;
});

/** A screen `width` px wide: the `min-width` queries up to it match (jsdom matches none). */
function screenWidth(width: number) {
  window.matchMedia = (query: string) => {
    const min = /min-width:\s*(\d+)px/.exec(query);
    return { ...phoneMatchMedia(query), matches: !!min && Number(min[1]) <= width };
  };
}

function renderList(props: Partial<Parameters<typeof ResponsiveTable<Village>>[0]> = {}) {
  const visit = vi.fn();
  const open = vi.fn();
  const columns: ResponsiveColumns<Village> = [
    { title: '村', dataIndex: 'name' },
    { title: '街镇', dataIndex: ['town', 'name'] },
    { title: '户数', dataIndex: 'households', render: (n: number) => `${n} 户` },
    { title: '备注', key: 'note', card: 'hidden', render: () => '只在表格里' },
    {
      title: '操作',
      key: 'actions',
      render: (_, v) => <Button onClick={() => visit(v.id)}>走访</Button>,
    },
  ];
  const view = render(
    <I18nProvider>
      <AntApp>
        <ResponsiveTable<Village>
          rowKey="id"
          columns={columns}
          dataSource={villages}
          onRow={(v) => ({ onClick: () => open(v.id) })}
          cardTestId={(v) => `village-${v.id}`}
          data-testid="villages"
          {...props}
        />
      </AntApp>
    </I18nProvider>,
  );
  return { ...view, visit, open };
}

describe('ResponsiveTable', () => {
  it('shows cards below 768 px: title, labelled fields, actions at the bottom, no table', () => {
    screenWidth(390);
    const { visit, open } = renderList();
    const list = screen.getByTestId('villages');
    expect(list.querySelector('table')).toBeNull();
    const card = within(list).getByTestId('village-1');
    expect(card.querySelector('.responsive-card-title')).toHaveTextContent('第1村');
    // Nested data indexes and renders read as on the table, each under its column's title.
    const fields = [...card.querySelectorAll('.responsive-card-field')].map((f) => f.textContent);
    expect(fields).toEqual(['街镇枫泾镇', '户数100 户']);
    expect(within(card).queryByText('只在表格里')).toBeNull();
    // The button row is the last part of the card; a tap on it is not a tap on the card.
    const actions = card.lastElementChild as HTMLElement;
    expect(actions).toHaveClass('responsive-card-actions');
    fireEvent.click(within(actions).getByRole('button', { name: /走\s*访/ }));
    expect(visit).toHaveBeenCalledWith(1);
    expect(open).not.toHaveBeenCalled();
    fireEvent.click(card);
    expect(open).toHaveBeenCalledWith(1);
  });

  it('cuts a whole list into pages of ten with a pager that fits a phone', () => {
    screenWidth(390);
    renderList();
    const list = screen.getByTestId('villages');
    expect(list.querySelectorAll('.responsive-card')).toHaveLength(10);
    const pager = document.querySelector('.responsive-cards-pager')!;
    expect(pager).toHaveClass('ant-pagination-simple');
    fireEvent.click(pager.querySelector('.ant-pagination-next')!);
    expect(within(list).getByTestId('village-11')).toBeInTheDocument();
    expect(within(list).queryByTestId('village-1')).toBeNull();
  });

  it("shows a page the server cut as it is, and asks for the next through the list's onChange", () => {
    screenWidth(390);
    const onChange = vi.fn();
    renderList({
      dataSource: villages.slice(0, 5),
      pagination: { current: 1, pageSize: 5, total: 40, onChange },
    });
    expect(screen.getByTestId('villages').querySelectorAll('.responsive-card')).toHaveLength(5);
    fireEvent.click(document.querySelector('.responsive-cards-pager .ant-pagination-next')!);
    expect(onChange).toHaveBeenCalledWith(2, 5);
  });

  it('says the list is empty with the given text', () => {
    screenWidth(390);
    renderList({ dataSource: [], locale: { emptyText: '没有村' } });
    expect(screen.getByTestId('villages')).toHaveTextContent('没有村');
  });

  it('opens and closes the expanded part of a card', () => {
    screenWidth(390);
    renderList({ expandable: { expandedRowRender: (v) => `${v.name}的详情` } });
    const card = screen.getByTestId('village-2');
    expect(within(card).queryByText('第2村的详情')).toBeNull();
    fireEvent.click(within(card).getByRole('button', { name: '详情' }));
    expect(within(card).getByText('第2村的详情')).toBeInTheDocument();
    fireEvent.click(within(card).getByRole('button', { name: '收起' }));
    expect(within(card).queryByText('第2村的详情')).toBeNull();
  });

  it('lays a card out by hand when given a renderer, still paged, tappable and test-identified', () => {
    screenWidth(390);
    const { open } = renderList({
      renderCard: (v) => <strong className="by-hand">{`${v.name} · ${v.town.name}`}</strong>,
    });
    const list = screen.getByTestId('villages');
    expect(list.querySelectorAll('.responsive-card')).toHaveLength(10);
    const card = within(list).getByTestId('village-2');
    expect(card).toHaveTextContent(/^第2村 · 朱泾镇$/);
    // The columns' parts, buttons included, are the table's only: the renderer owns the card.
    expect(card.querySelector('.responsive-card-title')).toBeNull();
    expect(card.querySelector('.responsive-card-actions')).toBeNull();
    fireEvent.click(card.querySelector('.by-hand')!);
    expect(open).toHaveBeenCalledWith(2);
    fireEvent.click(document.querySelector('.responsive-cards-pager .ant-pagination-next')!);
    expect(within(list).getByTestId('village-11')).toHaveTextContent('第11村 · 枫泾镇');
  });

  it('says an empty hand-laid list is empty, and spins while loading', () => {
    screenWidth(390);
    const props = {
      dataSource: [],
      renderCard: (v: Village) => v.name,
      locale: { emptyText: '没有村' },
    };
    const { rerender } = renderList({ ...props, loading: true });
    const list = screen.getByTestId('villages');
    expect(list.querySelector('.ant-spin-spinning')).not.toBeNull();
    expect(list).not.toHaveTextContent('没有村');
    rerender(
      <I18nProvider>
        <AntApp>
          <ResponsiveTable<Village> rowKey="id" data-testid="villages" {...props} />
        </AntApp>
      </I18nProvider>,
    );
    expect(screen.getByTestId('villages')).toHaveTextContent('没有村');
    expect(screen.getByTestId('villages').querySelector('.ant-spin-spinning')).toBeNull();
  });

  it('is a table from 768 px, with every column and no cards', () => {
    screenWidth(768);
    renderList();
    const list = screen.getByTestId('villages');
    expect(list.querySelector('table')).not.toBeNull();
    expect(list.querySelector('.responsive-card')).toBeNull();
    expect(within(list).getByRole('columnheader', { name: '备注' })).toBeInTheDocument();
    expect(within(list).getAllByText('只在表格里')).toHaveLength(10);
  });
});
