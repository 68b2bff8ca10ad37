import { Button, Layout, Menu, Space, Typography } from 'antd';
import { useState, type KeyboardEvent } from 'react';
import { Outlet, useLocation, useNavigate } from 'react-router-dom';
import { useAuth } from '../auth/auth-context';
import { PAGES } from '../pages';
import { menuFor } from './menu';
import { NoticeBell } from './notice-bell';

const ROLE_LABELS = { office: '无废办', department: '责任单位', leader: '区领导', admin: '系统管理员' } as const;
const BRAND = { fontWeight: 600, fontSize: 18, color: '#0b6e4f', whiteSpace: 'nowrap' } as const;

/** The signed-in frame: the role's menu at the side (a drawer-like collapse on phones), who is signed in on top. */
export function AppLayout() {
  const { user, logout } = useAuth();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  // On a phone the menu folds into the trigger at the left edge; the page keeps clear of it.
  const [narrow, setNarrow] = useState(false);
  const [collapsed, setCollapsed] = useState(false);
  if (!user) return null;
  const items = menuFor(user.role, PAGES).map((page) => ({ key: page.path, label: page.label }));
  const selected = items.filter((item) => pathname.startsWith(item.key)).map((item) => item.key);
  const go = (key: string) => {
    navigate(key);
    // On a phone the opened menu covers most of the page: fold it once a page is chosen.
    if (narrow) setCollapsed(true);
  };

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider
        breakpoint="md"
        collapsedWidth={0}
        collapsed={collapsed}
        onCollapse={setCollapsed}
        trigger={<MenuTrigger open={!collapsed} onToggle={() => setCollapsed((c) => !c)} />}
        theme="light"
        width={200}
        onBreakpoint={setNarrow}
      >
        {/* Folded to zero width on a phone, the Sider's content must be clipped: otherwise the brand
            overflows onto the page, while the trigger (outside this box) has to stay visible. */}
        <div style={{ overflow: 'hidden' }}>
          <div style={{ ...BRAND, padding: '16px 20px' }}>无废城市</div>
          <nav aria-label="主菜单">
            <Menu mode="inline" selectedKeys={selected} items={items} onClick={({ key }) => go(key)} />
          </nav>
        </div>
      </Layout.Sider>
      <Layout>
        <Layout.Header
          style={{
            background: '#fff',
            padding: narrow ? '0 8px 0 56px' : '0 16px',
            display: 'flex',
            justifyContent: narrow ? 'space-between' : 'flex-end',
            alignItems: 'center',
            gap: 8,
          }}
        >
          {/* The folded Sider hides the brand: on a phone the header carries it. */}
          {narrow && <div style={BRAND}>无废城市</div>}
          <Space wrap size="small">
            {user.role !== 'admin' && <NoticeBell />}
            {/* On a phone the header keeps to its buttons: one line, nothing hidden behind it. */}
            {!narrow && (
              <Typography.Text>
                {user.displayName}（{user.department ?? ROLE_LABELS[user.role]}）
              </Typography.Text>
            )}
            <Button type="link" style={narrow ? { paddingInline: 4 } : undefined} onClick={() => navigate('/password')}>
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

/**
 * The phone's menu button. antd's zero-width trigger is a bare span that toggles on click only and
 * whose icon is named in English ("bars"): this one reads 菜单 and answers the keyboard too.
 */
function MenuTrigger({ open, onToggle }: { open: boolean; onToggle(): void }) {
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Enter' && event.key !== ' ') return;
    event.preventDefault();
    onToggle();
  };
  return (
    <span role="button" tabIndex={0} aria-expanded={open} onKeyDown={onKeyDown} style={{ fontSize: 13 }}>
      菜单
    </span>
  );
}
