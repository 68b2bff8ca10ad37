import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router-dom';
import { ApiError } from './api/errors';
import { AuthProvider } from './auth/auth-context';
import { session } from './auth/session';
import { AppRoutes } from './app-routes';
import { preloadPage } from './page-chunks';
import { CONSOLE_CONFIG } from './layout/console-config';
import { nameInChinese } from './layout/chinese-names';

dayjs.locale('zh-cn');
// The body, not #root: modals and messages render outside the app's root.
nameInChinese(document.body);

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // A refused read (403/404) will not change by asking again; a network hiccup may.
      retry: (count, error) => count < 2 && !(error instanceof ApiError && error.status < 500),
      refetchOnWindowFocus: false,
      staleTime: 10_000,
    },
  },
});

// A reopened page renews its session and loads its page's code at once, side by side, before
// React's first render: the page's reads then follow the renewal directly.
const renewal = session.canRenew() ? session.renew() : undefined;
if (renewal) preloadPage(location.pathname);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ConfigProvider {...CONSOLE_CONFIG}>
      <AntApp>
        <QueryClientProvider client={queryClient}>
          <BrowserRouter>
            <AuthProvider renewal={renewal}>
              <AppRoutes />
            </AuthProvider>
          </BrowserRouter>
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  </StrictMode>,
);
