import { Button, Layout, Menu, Space, Typography } from 'antd';
import { useState } from 'react';
import { Outlet, useLocation, useNavigate } from 'react-router-dom';
import { useAuth } from '../auth/auth-context';
import { PAGES } from '../pages';
import { menuFor } from './menu';
import { NoticeBell } from './notice-bell';

const ROLE_LABELS = { office: '无废办', department: '责任单位', leader: '区领导', admin: '系统管理员' } as const;

/** The signed-in frame: the role's menu at the side (a drawer-like collapse on phones), who is signed in on top. */
export function AppLayout() {
  const { user, logout } = useAuth();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  // On a phone the menu folds into the trigger at the left edge; the page keeps clear of it.
  const [narrow, setNarrow] = useState(false);
  if (!user) return null;
  const items = menuFor(user.role, PAGES).map((page) => ({ key: page.path, label: page.label }));
  const selected = items.filter((item) => pathname.startsWith(item.key)).map((item) => item.key);

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider breakpoint="md" collapsedWidth={0} theme="light" width={200} onBreakpoint={setNarrow}>
        <div style={{ padding: '16px 20px', fontWeight: 600, fontSize: 18, color: '#0b6e4f' }}>无废城市</div>
        <nav aria-label="主菜单">
          <Menu mode="inline" selectedKeys={selected} items={items} onClick={({ key }) => navigate(key)} />
        </nav>
      </Layout.Sider>
      <Layout>
        <Layout.Header
          style={{
            background: '#fff',
            padding: '0 16px',
            display: 'flex',
            justifyContent: 'flex-end',
            alignItems: 'center',
          }}
        >
          <Space wrap size="small">
            {user.role !== 'admin' && <NoticeBell />}
            {/* On a phone the header keeps to its buttons: one line, nothing hidden behind it. */}
            {!narrow && (
              <Typography.Text>
                {user.displayName}（{user.department ?? ROLE_LABELS[user.role]}）
              </Typography.Text>
            )}
            <Button type="link" onClick={() => navigate('/password')}>
              修改密码
            </Button>
            <Button onClick={() => void logout()}>退出</Button>
          </Space>
        </Layout.Header>
        <Layout.Content style={{ padding: narrow ? '16px 16px 16px 56px' : 16, minWidth: 0 }}>
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
