import { lazy, Suspense, type ReactNode } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router';
import { App as AntApp, ConfigProvider, Spin } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { AuthProvider } from './auth/AuthProvider.tsx';
import { RequireAuth } from './auth/RequireAuth.tsx';
import { I18nProvider, useI18n } from './i18n/index.tsx';
import { LoginPage } from './pages/auth/LoginPage.tsx';
import { ForbiddenPage, NotFoundPage } from './pages/StatusPages.tsx';
import { useMe } from './auth/AuthProvider.tsx';
import { allowed, routes, type AppRoute } from './routes.tsx';
import { AppLayout } from './signedIn.ts';
import { appTheme } from './theme.ts';
import './theme.css';

// Public pages (no sign-in): the live status board, the 名录, a pair's public commitment, QR check-in and a
// village's disclosure of its assistance funds (村务公开).
const BoardPage = lazy(() => import('./pages/board/BoardPage.tsx'));
const BoardIndexPage = lazy(() => import('./pages/board/BoardIndexPage.tsx'));
const CommitmentPage = lazy(() => import('./pages/board/CommitmentPage.tsx'));
const PublicDirectoryPage = lazy(() => import('./pages/board/PublicDirectoryPage.tsx'));
const PublicCheckinPage = lazy(() => import('./pages/ledger/checkin/PublicCheckinPage.tsx'));
const DisclosurePage = lazy(() => import('./pages/ledger/DisclosurePage.tsx'));
// The password change is fetched when it is needed, like the signed-in layout (signedIn.ts).
const ChangePasswordPage = lazy(() =>
  import('./pages/auth/ChangePasswordPage.tsx').then((m) => ({ default: m.ChangePasswordPage })),
);

function LocalizedAntd({ children }: { children: ReactNode }) {
  const { lang } = useI18n();
  return (
    <ConfigProvider locale={lang === 'en' ? enUS : zhCN} theme={appTheme}>
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}

function GuardedPage({ route }: { route: AppRoute }) {
  const me = useMe();
  if (!allowed(route, me)) return <ForbiddenPage />;
  const Page = route.page;
  return <Page />;
}

export function App() {
  return (
    <I18nProvider>
      <LocalizedAntd>
        <BrowserRouter>
          <AuthProvider>
            <Suspense fallback={<Spin size="large" className="app-page-spin" />}>
              <Routes>
                <Route path="/login" element={<LoginPage />} />
                <Route path="/board" element={<BoardIndexPage />} />
                <Route path="/board/:roundId" element={<BoardPage />} />
                <Route path="/board/:roundId/directory" element={<PublicDirectoryPage />} />
                <Route path="/commitments/:agreementId" element={<CommitmentPage />} />
                <Route path="/checkin/:token" element={<PublicCheckinPage />} />
                <Route path="/public/villages/:id/disclosure" element={<DisclosurePage />} />
                <Route
                  path="/change-password"
                  element={
                    <RequireAuth allowPasswordChange>
                      <ChangePasswordPage />
                    </RequireAuth>
                  }
                />
                <Route
                  element={
                    <RequireAuth>
                      <AppLayout />
                    </RequireAuth>
                  }
                >
                  {routes.map((route) => (
                    <Route
                      key={route.path}
                      path={route.path}
                      element={<GuardedPage route={route} />}
                    />
                  ))}
                  <Route path="*" element={<NotFoundPage />} />
                </Route>
              </Routes>
            </Suspense>
          </AuthProvider>
        </BrowserRouter>
      </LocalizedAntd>
    </I18nProvider>
  );
}
