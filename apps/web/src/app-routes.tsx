import { Spin } from 'antd';
import { lazy, Suspense, type ReactNode } from 'react';
import { Navigate, Route, Routes, useLocation } from 'react-router-dom';
import { useAuth } from './auth/auth-context';
import { homeFor } from './layout/menu';
import { AppLayout } from './layout/app-layout';
import { LoginPage } from './pages/login-page';
import { PAGES } from './pages';

// Office and leader pages are split off: the login and 我的待办 load only what they use.
const PasswordPage = lazy(() => import('./pages/password-page'));
const BoardPage = lazy(() => import('./pages/board-page'));
const TodoPage = lazy(() => import('./pages/todo/todo-page'));
const TaskPage = lazy(() => import('./pages/task/task-page'));
const DashboardPage = lazy(() => import('./pages/dashboard/dashboard-page'));
const AccountsPage = lazy(() => import('./pages/accounts/accounts-page'));
const RankingPage = lazy(() => import('./pages/ranking/ranking-page'));
const CalendarPage = lazy(() => import('./pages/calendar/calendar-page'));
const NoticesPage = lazy(() => import('./pages/notices/notices-page'));
const AssignPage = lazy(() => import('./pages/assign/assign-page'));
const AddTaskPage = lazy(() => import('./pages/add-task/add-task-page'));
const ExtensionsPage = lazy(() => import('./pages/extensions/extensions-page'));
const PlanImportPage = lazy(() => import('./pages/plan-import/plan-import-page'));
const ReportingPage = lazy(() => import('./pages/indicators/reporting-page'));
const ReviewPage = lazy(() => import('./pages/indicators/review-page'));
const IndicatorPage = lazy(() => import('./pages/indicators/indicator-page'));
const AccountabilityPage = lazy(() => import('./pages/accountability/accountability-page'));

const ELEMENTS: Record<string, ReactNode> = {
  '/todo': <TodoPage />,
  '/ledger': <BoardPage />,
  '/dashboard': <DashboardPage />,
  '/task/:code': <TaskPage />,
  '/accounts': <AccountsPage />,
  '/ranking': <RankingPage />,
  '/notices': <NoticesPage />,
  '/deadlines': <CalendarPage />,
  '/assign/:code': <AssignPage />,
  '/assign/new': <AddTaskPage />,
  '/extensions': <ExtensionsPage />,
  '/import': <PlanImportPage />,
  '/reporting': <ReportingPage />,
  '/review': <ReviewPage />,
  '/indicator/:id': <IndicatorPage />,
  '/responsibility': <AccountabilityPage />,
};

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
      <Route element={<AppLayout />}>
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
