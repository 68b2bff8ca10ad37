import { Button, Layout, Menu, Space, Typography } from 'antd';
import { useState, useSyncExternalStore, type KeyboardEvent, type ReactNode } from 'react';
import { Outlet, useLocation, useNavigate } from 'react-router-dom';
import { useAuth } from '../auth/auth-context';
import type { SessionUser } from '../auth/session';
import { PAGES } from '../pages';
import { menuFor } from './menu';
import { NoticeBell } from './notice-bell';

const ROLE_LABELS = { office: '无废办', department: '责任单位', leader: '区领导', admin: '系统管理员' } as const;
const BRAND = { fontWeight: 600, fontSize: 18, color: '#0b6e4f', whiteSpace: 'nowrap' } as const;
const HEADER = { background: '#fff', display: 'flex', alignItems: 'center', gap: 8 } as const;
const PHONE_MENU = 'phone-menu';

/**
 * The signed-in frame. On a desk: the role's menu at the side, who is signed in on top. On a phone
 * (below antd's md, 768 px): one top bar with the brand, 通知 and a 菜单 button that opens the
 * menu under the bar, and the page at full width beneath.
 */
export function AppLayout() {
  const { user, logout } = useAuth();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const phone = usePhone();
  const [menuOpen, setMenuOpen] = useState(false);
  if (!user) return null;
  const items = menuFor(user.role, PAGES).map((page) => ({ key: page.path, label: page.label }));
  const selected = items.filter((item) => pathname.startsWith(item.key)).map((item) => item.key);
  const go = (key: string) => {
    setMenuOpen(false); // on a phone the opened menu covers the page: fold it once a page is chosen
    navigate(key);
  };
  const nav = (
    <nav aria-label="主菜单">
      <Menu
        mode="inline"
        selectedKeys={selected}
        items={items}
        onClick={({ key }) => go(key)}
        style={phone ? { borderInlineEnd: 'none' } : undefined}
      />
    </nav>
  );
  const account = (
    <>
      <Button type="link" style={{ paddingInline: 4 }} onClick={() => go('/password')}>
        修改密码
      </Button>
      <Button onClick={() => void logout()}>退出</Button>
    </>
  );

  if (phone)
    return (
      <Layout style={{ minHeight: '100vh' }}>
        <Layout.Header style={{ ...HEADER, padding: '0 8px 0 12px', position: 'sticky', top: 0, zIndex: 10 }}>
          <div style={{ ...BRAND, flex: 1 }}>无废城市</div>
          {user.role !== 'admin' && <NoticeBell />}
          <Button aria-expanded={menuOpen} aria-controls={PHONE_MENU} onClick={() => setMenuOpen((open) => !open)}>
            菜单
          </Button>
        </Layout.Header>
        {menuOpen && (
          <PhoneMenu onClose={() => setMenuOpen(false)}>
            {nav}
            <Space wrap style={{ padding: '8px 12px 12px' }}>
              <Typography.Text>{who(user)}</Typography.Text>
              {account}
            </Space>
          </PhoneMenu>
        )}
        <Layout.Content style={{ padding: 12, minWidth: 0 }}>
          <Outlet />
        </Layout.Content>
      </Layout>
    );

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider theme="light" width={200}>
        <div style={{ ...BRAND, padding: '16px 20px' }}>无废城市</div>
        {nav}
      </Layout.Sider>
      <Layout>
        <Layout.Header style={{ ...HEADER, padding: '0 16px', justifyContent: 'flex-end' }}>
          <Space wrap size="small">
            {user.role !== 'admin' && <NoticeBell />}
            <Typography.Text>{who(user)}</Typography.Text>
            {account}
          </Space>
        </Layout.Header>
        <Layout.Content style={{ padding: 16, minWidth: 0 }}>
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}

function who(user: SessionUser): string {
  return `${user.displayName}（${user.department ?? ROLE_LABELS[user.role]}）`;
}

/** The phone's opened menu: under the top bar, over nothing (the page moves down); Esc folds it. */
function PhoneMenu({ children, onClose }: { children: ReactNode; onClose(): void }) {
  const onKeyDown = (event: KeyboardEvent) => event.key === 'Escape' && onClose();
  return (
    <div id={PHONE_MENU} onKeyDown={onKeyDown} style={{ background: '#fff', borderBottom: '1px solid #f0f0f0' }}>
      {children}
    </div>
  );
}

const PHONE_QUERY = '(max-width: 767.98px)';

/** True below antd's md breakpoint, known at the first render (no desk layout flashing on a phone). */
function usePhone(): boolean {
  return useSyncExternalStore(
    (changed) => {
      const media = window.matchMedia(PHONE_QUERY);
      media.addEventListener('change', changed);
      return () => media.removeEventListener('change', changed);
    },
    () => window.matchMedia(PHONE_QUERY).matches,
  );
}
