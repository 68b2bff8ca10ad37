import { Spin } from 'antd';
import { lazy, Suspense, type ReactNode } from 'react';
import { Navigate, Route, Routes, useLocation } from 'react-router-dom';
import { useAuth } from './auth/auth-context';
import { homeFor } from './layout/menu';
import { LoginPage } from './pages/login-page';
import { PAGES } from './pages';
import { LAYOUT_CHUNK, PAGE_CHUNKS } from './page-chunks';

const PasswordPage = lazy(() => import('./pages/password-page'));
// The signed-in frame (menu, header) is not the login page's: it loads beside the landing page's code.
const AppLayout = lazy(LAYOUT_CHUNK);
const ELEMENTS: Record<string, ReactNode> = Object.fromEntries(
  Object.entries(PAGE_CHUNKS).map(([path, chunk]) => {
    const Page = lazy(chunk);
    return [path, <Page key={path} />];
  }),
);

export function AppRoutes() {
  const { user } = useAuth();
  const location = useLocation();
  if (user === undefined) return <Loading />;
  if (user === null)
    return (
      <Routes>
        <Route path="/login" element={<LoginPage />} />
        <Route path="*" element={<Navigate to="/login" replace state={{ from: location.pathname }} />} />
      </Routes>
    );
  // A one-time password must be replaced before anything else.
  if (user.mustChangePassword)
    return (
      <Suspense fallback={<Loading />}>
        <PasswordPage forced />
      </Suspense>
    );
  const home = homeFor(user.role, PAGES);
  return (
    <Routes>
      <Route
        element={
          <Suspense fallback={<Loading />}>
            <AppLayout />
          </Suspense>
        }
      >
        {PAGES.filter((page) => page.roles.includes(user.role)).map((page) => (
          <Route
            key={page.path}
            path={page.path}
            element={<Suspense fallback={<Loading />}>{ELEMENTS[page.path]}</Suspense>}
          />
        ))}
        <Route
          path="/password"
          element={
            <Suspense fallback={<Loading />}>
              <PasswordPage />
            </Suspense>
          }
        />
        <Route path="*" element={<Navigate to={home} replace />} />
      </Route>
    </Routes>
  );
}

function Loading() {
  return (
    <div style={{ padding: 48, textAlign: 'center' }}>
      <Spin tip="加载中…" size="large">
        <div style={{ height: 48 }} />
      </Spin>
    </div>
  );
}
