import type { ReactElement, ReactNode } from 'react';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCNLocale from 'antd/locale/zh_CN';
import { vi } from 'vitest';
import {
  abilitiesOfRole,
  assignableRoles,
  globalAbilities,
  type Me,
  type Role,
} from '@pairing/shared';
import { AuthProvider } from '../auth/AuthProvider.tsx';
import { RequireAuth } from '../auth/RequireAuth.tsx';
import { I18nProvider, type MessageKey } from '../i18n/index.tsx';
import { zhCN } from '../i18n/zh-CN.ts';

/** A UI string as the page shows it (Simplified Chinese, the default language). */
export function text(key: MessageKey, vars?: Record<string, string | number>): string {
  const template: string = zhCN[key];
  return vars ? template.replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name])) : template;
}

// ---------------------------------------------------------------------------------------------
// fetch, stubbed by URL

export type StubRequest = { url: URL; method: string; init: RequestInit | undefined };
/** Makes a fresh Response for each request (a body is read once). */
export type Responder = (request: StubRequest) => Response | Promise<Response>;
/** What a stubbed route answers: a responder, or a JSON body (200). */
export type Reply = Responder | object;
/** `'/api/rounds/:id'` answers any method; `'POST /api/rounds'` only that one. */
export type Routes = Record<string, Reply>;

export const json =
  (body: unknown, status = 200): Responder =>
  () =>
    new Response(JSON.stringify(body), {
      status,
      headers: { 'content-type': 'application/json' },
    });

/** The API's refusal shape. */
export const failure = (
  status: number,
  message: string,
  code = 'error',
  fields: Record<string, string> = {},
): Responder => json({ error: { code, message, fields } }, status);

/** An answer that never comes: the page stays loading. */
export const pending = (): Responder => () => new Promise<Response>(() => undefined);

/** The message of the 500 the page tests answer; the page must show it. */
export const serverErrorMessage = '服务器开小差了（测试）';
export const serverError = (): Responder => failure(500, serverErrorMessage, 'internal');

/** A page of a list as the server answers it. */
export const paged = <T,>(items: T[] = [], total = items.length) => ({
  items,
  total,
  page: 1,
  pageSize: 20,
});

function matcher(key: string) {
  const [method, path] = key.includes(' ') ? key.split(' ', 2) : [null, key];
  const pattern = new RegExp(
    `^${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/:\w+/g, '[^/]+')}$`,
  );
  return (m: string, pathname: string) => (!method || method === m) && pattern.test(pathname);
}

/**
 * Replace `fetch` with one that answers by method and path (the query is ignored; read it from
 * `calls`). A path nobody stubbed answers 404 and is listed in `unmatched`.
 */
export function stubFetch(routes: Routes) {
  const table = Object.entries(routes).map(([key, reply]) => ({ matches: matcher(key), reply }));
  const unmatched: string[] = [];
  const fetch = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input instanceof Request ? input.url : input), 'http://localhost');
    const method = (init?.method ?? 'GET').toUpperCase();
    const found = table.find((row) => row.matches(method, url.pathname));
    if (!found) {
      unmatched.push(`${method} ${url.pathname}`);
      return json({ error: { code: 'not_found', message: 'not stubbed' } }, 404)({} as StubRequest);
    }
    const reply = found.reply;
    const respond = typeof reply === 'function' ? (reply as Responder) : json(reply);
    return respond({ url, method, init });
  });
  vi.stubGlobal('fetch', fetch);
  /** The URLs fetched (path and query) for a path pattern, in order. */
  const calls = (key: string) => {
    const matches = matcher(key);
    return fetch.mock.calls
      .map(([input, init]) => ({
        url: new URL(String(input), 'http://localhost'),
        method: (init?.method ?? 'GET').toUpperCase(),
        init,
      }))
      .filter((call) => matches(call.method, call.url.pathname));
  };
  return { fetch, calls, unmatched };
}

// ---------------------------------------------------------------------------------------------
// Users

export type TestUser = Me;

/** A signed-in user of `role` as `GET /api/auth/me` answers it; a city admin may do everything. */
export function testUser(role: Role, overrides: Partial<TestUser> = {}): TestUser {
  const abilities =
    role === 'city_admin'
      ? (Object.fromEntries(globalAbilities.map((a) => [a, true])) as Me['abilities'])
      : abilitiesOfRole(role);
  return {
    userId: 1,
    username: `${role}-tester`,
    displayName: '测试用户',
    role,
    orgId: 100,
    orgName: '测试组织',
    path: '1.100',
    mustChangePassword: false,
    abilities,
    assignableRoles: assignableRoles(role),
    ...overrides,
  };
}

// ---------------------------------------------------------------------------------------------
// Rendering

function LocationProbe() {
  const location = useLocation();
  return <output data-testid="location">{location.pathname + location.search}</output>;
}

/** The providers App.tsx puts around every page: i18n, antd (locale, App), router, auth. */
export function Providers({
  children,
  url = '/',
  auth = true,
}: {
  children: ReactNode;
  url?: string;
  /** Without the auth provider, for components that never ask who is signed in. */
  auth?: boolean;
}) {
  return (
    <I18nProvider>
      {/* No CSS-in-JS at run time: jsdom parsing antd's generated styles is most of a test's time. */}
      <ConfigProvider locale={zhCNLocale} theme={{ zeroRuntime: true }}>
        <AntApp>
          <MemoryRouter initialEntries={[url]}>
            {auth ? <AuthProvider>{children}</AuthProvider> : children}
            <LocationProbe />
          </MemoryRouter>
        </AntApp>
      </ConfigProvider>
    </I18nProvider>
  );
}

/** Render a component inside i18n, antd and a router (no auth, no fetch). */
export function renderUi(ui: ReactElement, url = '/') {
  return render(ui, {
    wrapper: ({ children }) => (
      <Providers url={url} auth={false}>
        {children}
      </Providers>
    ),
  });
}

export type PageOptions = {
  /** The address the page opens at. */
  url?: string;
  /** The route pattern the page is mounted on, for its `useParams`. */
  path?: string;
  /** The signed-in user; none for a public page (then `/api/auth/me` answers 401). */
  user?: TestUser | null;
  /** For the change-password page: rendered while a password change is pending. */
  allowPasswordChange?: boolean;
  /** The API's answers by path; `/api/auth/me` is answered from `user` unless given here. */
  api?: Routes;
};

/**
 * Render a page the way App.tsx does (i18n, antd, router, auth, and the sign-in guard when a
 * user is given), with fetch stubbed. Resolves once the page itself is mounted (signed in).
 */
export async function renderPage(ui: ReactElement, options: PageOptions = {}) {
  const { url = '/', user = null, api = {} } = options;
  const path = options.path ?? url.split('?')[0];
  const stub = stubFetch({
    '/api/auth/me': user ? { user } : failure(401, '请先登录', 'unauthorized'),
    ...api,
  });
  const page = <div data-testid="page">{ui}</div>;
  const result = render(
    <Providers url={url}>
      <Routes>
        <Route
          path={path}
          element={
            user ? (
              <RequireAuth allowPasswordChange={options.allowPasswordChange}>{page}</RequireAuth>
            ) : (
              page
            )
          }
        />
        <Route path="*" element={<div data-testid="elsewhere" />} />
      </Routes>
    </Providers>,
  );
  const root = await screen.findByTestId('page');
  return { ...result, ...stub, page: root };
}

/** Whether an antd loading indicator (spinner or skeleton) is showing inside `element`. */
export function isLoading(element: HTMLElement): boolean {
  return element.querySelector('.ant-spin-spinning, .ant-skeleton-active') !== null;
}

/**
 * Find `content` in `element` once no loading indicator is left: antd shows a table's empty text
 * while it is still loading, so the text alone does not prove the answer arrived.
 */
export async function findAfterLoading(element: HTMLElement, content: string | RegExp) {
  return waitFor(() => {
    if (isLoading(element)) throw new Error('still loading');
    return within(element).getByText(content);
  });
}

/** The whole antd table (its spinner included) whose `data-testid` is `testId`. */
export function tableIn(element: HTMLElement, testId: string): HTMLElement {
  const table = within(element).getByTestId(testId);
  return (table.closest('.ant-table-wrapper') as HTMLElement | null) ?? table;
}

/** A button's accessible name: antd puts a space between the two characters of a short label. */
export function buttonName(label: string): RegExp {
  const chars = [...label].map((c) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${chars.join('\\s*')}$`);
}

/** Type into a form field in one change event (typing key by key is slow with antd forms). */
export function fill(field: HTMLElement, value: string) {
  fireEvent.change(field, { target: { value } });
}
