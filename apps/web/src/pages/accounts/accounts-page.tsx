import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Form, Input, Space, Table, Typography } from 'antd';
import { api, unwrap } from '../../api/client';
import type { components } from '../../api/schema';
import { showError } from '../../components/show-error';
import { CommandModal } from '../task/command-modal';
import { CreateAccount, ROLE_NAMES } from './create-account';

type Account = components['schemas']['UserAccount'];

/** 用户管理 (admin): accounts, create, 停用/启用, 重置密码 (the one-time password is shown once). */
export default function AccountsPage() {
  const queryClient = useQueryClient();
  const { modal, message } = App.useApp();
  const accounts = useQuery({ queryKey: ['users'], queryFn: () => unwrap(api.GET('/users')) });
  const reload = () => queryClient.invalidateQueries({ queryKey: ['users'] });

  const showPassword = (username: string, password: string) =>
    modal.success({
      title: `${username} 的一次性密码`,
      content: (
        <Space direction="vertical">
          <Typography.Text copyable code>
            {password}
          </Typography.Text>
          <span>只显示这一次，请当面或通过安全渠道交给本人；首次登录时须修改。</span>
        </Space>
      ),
      okText: '我已记下',
    });

  const act = async (run: () => Promise<unknown>, done: string) => {
    try {
      await run();
      void message.success(done);
      await reload();
      return true;
    } catch (error) {
      showError(error);
      return false;
    }
  };

  const reset = (username: string) =>
    act(async () => {
      const answer = await unwrap(
        api.POST('/users/{username}/password-reset', { params: { path: { username } }, body: {} }),
      );
      // Always generated when no password is given (the body gives none).
      if (answer.temporaryPassword) showPassword(username, answer.temporaryPassword);
    }, '密码已重置');

  return (
    <section aria-labelledby="accounts-title">
      <Typography.Title level={1} id="accounts-title" style={{ fontSize: 22 }}>
        用户管理
      </Typography.Title>
      <CreateAccount onCreated={(username, password) => (showPassword(username, password), void reload())} />
      {accounts.error && <Alert type="error" showIcon message={accounts.error.message} />}
      <Table<Account>
        rowKey="username"
        size="small"
        style={{ marginTop: 12 }}
        loading={accounts.isLoading}
        dataSource={accounts.data}
        scroll={{ x: 760 }}
        columns={[
          // The login name as the api answers it (`name@<organisation>` outside the default organisation).
          { title: '用户名', dataIndex: 'username' },
          { title: '姓名', dataIndex: 'displayName' },
          { title: '角色', render: (_, a) => ROLE_NAMES[a.role] },
          { title: '单位', render: (_, a) => a.department ?? '—' },
          { title: '状态', dataIndex: 'statusLabel' },
          {
            title: '操作',
            render: (_, a) => (
              <Space wrap>
                {a.status === 'active' ? (
                  <CommandModal<{ reason: string }>
                    label="停用"
                    danger
                    onSubmit={(v) =>
                      act(
                        () =>
                          unwrap(
                            api.POST('/users/{username}/disable', {
                              params: { path: { username: a.username } },
                              body: v,
                            }),
                          ),
                        '已停用',
                      )
                    }
                  >
                    <Form.Item
                      label="停用原因"
                      name="reason"
                      rules={[{ required: true, whitespace: true, message: '请填写停用原因' }]}
                    >
                      <Input />
                    </Form.Item>
                  </CommandModal>
                ) : (
                  <Button
                    onClick={() =>
                      void act(
                        () =>
                          unwrap(api.POST('/users/{username}/enable', { params: { path: { username: a.username } } })),
                        '已启用',
                      )
                    }
                  >
                    启用
                  </Button>
                )}
                <Button onClick={() => void reset(a.username)}>重置密码</Button>
              </Space>
            ),
          },
        ]}
      />
    </section>
  );
}
