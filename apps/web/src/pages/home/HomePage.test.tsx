import { fireEvent, waitFor, within } from '@testing-library/react';
import type { TodoItem } from '@pairing/shared';
import { describe, expect, it } from 'vitest';
import {
  isLoading,
  paged,
  pending,
  renderPage,
  serverError,
  serverErrorMessage,
  testUser,
  text,
  type Routes,
} from '../../test/render.tsx';
import HomePage from './HomePage.tsx';

const open = (role: Parameters<typeof testUser>[0], api: Routes) =>
  renderPage(<HomePage />, { url: '/', user: testUser(role), api });

const item = (over: Partial<TodoItem>): TodoItem => ({
  kind: 'recordsToConfirm',
  count: 2,
  title: '2 条对方台账记录待确认',
  deadline: '2026-04-30',
  daysLeft: 10,
  link: '/records/awaiting',
  ...over,
});

describe('HomePage', () => {
  it('greets the user and shows a skeleton while the to-do list loads', async () => {
    const { page } = await open('village_admin', { '/api/todo': pending() });
    expect(within(page).getByText(text('home.welcome', { name: '测试用户' }))).toBeInTheDocument();
    expect(isLoading(page)).toBe(true);
  });

  it('lists each item with its kind, count, title and deadline, urgent ones in red, and opens its page', async () => {
    const items = [
      item({
        kind: 'signatureDue',
        count: 1,
        title: '与 民主村 的结对协议',
        deadline: '2026-04-17',
        daysLeft: -3,
        link: '/agreements/7',
      }),
      item({
        kind: 'intentionsToDecide',
        title: '2 个单位的结对意向',
        deadline: '2026-04-21',
        daysLeft: 1,
        link: '/intentions/inbox',
      }),
      item({}),
      item({
        kind: 'disputesToSettle',
        count: 1,
        title: '1 条有异议的台账记录待裁定',
        deadline: null,
        daysLeft: null,
        link: '/records/3',
      }),
    ];
    const { page, calls } = await open('village_admin', { '/api/todo': { items } });
    const list = await within(page).findByTestId('todo');
    await waitFor(() => expect(calls('/api/todo')).toHaveLength(1));
    const rows = within(list).getAllByRole('listitem');
    expect(rows.map((r) => r.dataset.testid)).toEqual([
      'todo-signatureDue',
      'todo-intentionsToDecide',
      'todo-recordsToConfirm',
      'todo-disputesToSettle',
    ]);
    const [overdue, soon, later, undated] = rows;
    expect(overdue).toHaveTextContent(text('todo.kind.signatureDue'));
    expect(overdue).toHaveTextContent('与 民主村 的结对协议');
    expect(overdue).toHaveTextContent(text('todo.count', { count: 1 }));
    const deadline = (row: HTMLElement) => within(row).getByTestId('todo-deadline');
    expect(deadline(overdue)).toHaveTextContent(
      text('todo.overdue', { date: '2026-04-17', days: 3 }),
    );
    expect(deadline(overdue)).toHaveClass('ant-typography-danger');
    expect(deadline(soon)).toHaveTextContent(text('todo.due', { date: '2026-04-21', days: 1 }));
    expect(deadline(soon)).toHaveClass('ant-typography-danger');
    expect(deadline(later)).toHaveTextContent(text('todo.due', { date: '2026-04-30', days: 10 }));
    expect(deadline(later)).not.toHaveClass('ant-typography-danger');
    expect(deadline(undated)).toHaveTextContent(text('todo.noDeadline'));
    expect(within(overdue).getByTestId('todo-link')).toHaveAttribute('href', '/agreements/7');
    expect(within(later).getByTestId('todo-link')).toHaveAttribute('href', '/records/awaiting');

    fireEvent.click(within(soon).getByRole('button', { name: new RegExp(text('todo.go')) }));
    expect(await within(document.body).findByTestId('elsewhere')).toBeInTheDocument();
  });

  it('says so when nothing waits, and does not count organizations for a village or a unit', async () => {
    for (const role of ['village_admin', 'unit_admin'] as const) {
      const { page, calls, unmount } = await open(role, { '/api/todo': { items: [] } });
      expect(await within(page).findByText(text('todo.empty'))).toBeInTheDocument();
      expect(within(page).queryByTestId('todo')).toBeNull();
      expect(calls('/api/orgs')).toHaveLength(0);
      expect(page.querySelector('.ant-statistic')).toBeNull();
      unmount();
    }
  });

  it('counts the organizations of the scope for a city admin, after the to-do list', async () => {
    const { page, calls } = await open('city_admin', {
      '/api/todo': { items: [item({})] },
      '/api/orgs': paged([], 0),
    });
    await waitFor(() => expect(isLoading(page)).toBe(false));
    const queries = calls('/api/orgs').map((c) => Object.fromEntries(c.url.searchParams));
    expect(queries).toHaveLength(7);
    expect(queries.every((q) => q.pageSize === '1')).toBe(true);
    expect(queries).toContainEqual({ kind: 'village', weak: 'true', page: '1', pageSize: '1' });
    expect(page.querySelectorAll('.ant-statistic-content-value')).toHaveLength(4);
    const todo = within(page).getByTestId('todo');
    const firstStatistic = page.querySelector('.ant-statistic');
    expect(firstStatistic && todo.compareDocumentPosition(firstStatistic)).toBe(
      Node.DOCUMENT_POSITION_FOLLOWING,
    );
  });

  it("shows the server's error", async () => {
    const { page } = await open('unit_admin', { '/api/todo': serverError() });
    expect(await within(page).findByText(serverErrorMessage)).toBeInTheDocument();
  });
});
