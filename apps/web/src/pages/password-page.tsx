import { Alert, Button, Card, Form, Input, Typography, message } from 'antd';
import { useState } from 'react';
import { useAuth } from '../auth/auth-context';
import { fieldErrors, showError } from '../components/show-error';

interface PasswordForm {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

/** 修改密码; `forced` after a login with a one-time password, before any other page. */
export default function PasswordPage({ forced = false }: { forced?: boolean }) {
  const { changePassword, logout } = useAuth();
  const [form] = Form.useForm<PasswordForm>();
  const [busy, setBusy] = useState(false);

  const submit = async (values: PasswordForm) => {
    setBusy(true);
    try {
      await changePassword(values.currentPassword, values.newPassword);
      void message.success('密码已修改');
    } catch (error) {
      const fields = fieldErrors<PasswordForm>(error);
      if (fields.length) form.setFields(fields);
      else showError(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <main style={{ maxWidth: 420, margin: forced ? '48px auto' : '0 auto', padding: 16 }}>
      <Card>
        <Typography.Title level={1} style={{ fontSize: 22 }}>
          修改密码
        </Typography.Title>
        {forced && (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 16 }}
            message="首次登录请先修改一次性密码，修改后即可使用。"
          />
        )}
        <Form form={form} layout="vertical" onFinish={submit}>
          <Form.Item label="当前密码" name="currentPassword" rules={[{ required: true, message: '请输入当前密码' }]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Form.Item
            label="新密码"
            name="newPassword"
            extra="至少 12 位，不要使用常见密码或用户名"
            rules={[
              { required: true, message: '请输入新密码' },
              { min: 12, message: '新密码至少 12 位' },
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item
            label="确认新密码"
            name="confirm"
            dependencies={['newPassword']}
            rules={[
              { required: true, message: '请再次输入新密码' },
              ({ getFieldValue }) => ({
                validator: (_, value) =>
                  !value || value === getFieldValue('newPassword')
                    ? Promise.resolve()
                    : Promise.reject(new Error('两次输入的新密码不一致')),
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={busy}>
            修改密码
          </Button>
          {forced && (
            <Button type="link" onClick={() => void logout()}>
              退出登录
            </Button>
          )}
        </Form>
      </Card>
    </main>
  );
}
