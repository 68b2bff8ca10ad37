import { Button, Card, Form, Input, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';
import { ApiError } from '../api/errors';
import { useAuth } from '../auth/auth-context';
import { mayOpen } from '../layout/menu';
import { PAGES } from '../pages';
import { showError } from '../components/show-error';
import { preloadPage, prepareLanding } from '../page-chunks';

interface LoginForm {
  username: string;
  password: string;
}

/** 登录: the product name, 用户名 and 密码, one button. */
export function LoginPage() {
  const { login } = useAuth();
  const navigate = useNavigate();
  const from = (useLocation().state as { from?: string } | null)?.from;
  const [form] = Form.useForm<LoginForm>();
  const [busy, setBusy] = useState(false);
  const queryClient = useQueryClient();
  // While the user types, the most common landing page's code loads (the clerks' 我的待办).
  useEffect(() => whenIdle(() => preloadPage('/todo')), []);

  const submit = async (values: LoginForm) => {
    setBusy(true);
    try {
      const user = await login(values.username.trim(), values.password, (signedIn) =>
        prepareLanding(signedIn, queryClient, from),
      );
      if (from && mayOpen(user.role, from, PAGES)) navigate(from, { replace: true });
    } catch (error) {
      if (error instanceof ApiError && error.status === 401)
        form.setFields([{ name: 'password', errors: [error.message] }]);
      else showError(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <main style={{ minHeight: '100vh', display: 'grid', placeItems: 'center', background: '#f0f5f3', padding: 16 }}>
      <Card style={{ width: '100%', maxWidth: 380 }}>
        <Typography.Title level={1} style={{ fontSize: 28, textAlign: 'center', marginBottom: 4 }}>
          无废城市
        </Typography.Title>
        <Typography.Paragraph style={{ textAlign: 'center', color: '#595959' }}>建设任务督办平台</Typography.Paragraph>
        <Form form={form} layout="vertical" onFinish={submit} requiredMark={false}>
          <Form.Item
            label="用户名"
            name="username"
            rules={[{ required: true, whitespace: true, message: '请输入用户名' }]}
          >
            <Input autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item label="密码" name="password" rules={[{ required: true, message: '请输入密码' }]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy}>
            登录
          </Button>
        </Form>
      </Card>
    </main>
  );
}

/** Runs `task` once the browser is idle (after the form is painted); returns the cancel. */
function whenIdle(task: () => void): () => void {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(task, { timeout: 2000 });
    return () => cancelIdleCallback(id);
  }
  const id = setTimeout(task, 200);
  return () => clearTimeout(id);
}
