import { Form, Input, Select } from 'antd';
import { api, unwrap } from '../../api/client';
import { useDepartmentOptions } from '../../api/departments';
import type { components } from '../../api/schema';
import { fieldErrors, showError } from '../../components/show-error';
import { CommandModal } from '../task/command-modal';

export const ROLE_NAMES = { office: '无废办', department: '责任单位', leader: '区领导', admin: '系统管理员' } as const;

type CreateUser = components['schemas']['CreateUserDto'];

/** 新建用户: the department is picked from the plan's departments, never typed. */
export function CreateAccount({ onCreated }: { onCreated(username: string, password: string): void }) {
  const { options } = useDepartmentOptions();
  return (
    <CommandModal<CreateUser>
      label="新建用户"
      primary
      initialValues={{ role: 'department' }}
      onSubmit={async (values, form) => {
        try {
          const answer = await unwrap(api.POST('/users', { body: values }));
          // The login name the api gives back: `name@<organisation>` outside the default organisation.
          // The password is generated as the form gives none (it has no password field).
          if (answer.temporaryPassword) onCreated(answer.username, answer.temporaryPassword);
          return true;
        } catch (error) {
          const fields = fieldErrors<CreateUser>(error);
          if (fields.length) form.setFields(fields);
          else showError(error);
          return false;
        }
      }}
    >
      <Form.Item
        label="用户名"
        name="username"
        extra="默认组织以外的账号，登录名为“用户名@组织代码”，创建后显示"
        rules={[{ required: true, whitespace: true, message: '请填写用户名' }]}
      >
        <Input autoComplete="off" />
      </Form.Item>
      <Form.Item label="姓名" name="displayName" rules={[{ required: true, whitespace: true, message: '请填写姓名' }]}>
        <Input />
      </Form.Item>
      <Form.Item label="角色" name="role" rules={[{ required: true, message: '请选择角色' }]}>
        <Select options={Object.entries(ROLE_NAMES).map(([value, label]) => ({ value, label }))} />
      </Form.Item>
      <Form.Item noStyle dependencies={['role']}>
        {({ getFieldValue }) =>
          getFieldValue('role') === 'department' && (
            <Form.Item label="单位" name="department" rules={[{ required: true, message: '请选择单位' }]}>
              <Select showSearch options={options} />
            </Form.Item>
          )
        }
      </Form.Item>
    </CommandModal>
  );
}
