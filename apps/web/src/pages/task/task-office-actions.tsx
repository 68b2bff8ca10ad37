import { Alert, DatePicker, Form, Input } from 'antd';
import { PickSelect } from './pick-select';
import type { AssignedTaskView } from '../../api/responses';
import { CommandModal } from './command-modal';
import { useDepartmentOptions } from '../../api/departments';
import { currentDepartments, reassignmentBody, unchanged, type ReassignForm } from './reassignment';
import { taskCommands, type Target } from './task-commands';
import { useTaskCommand } from './use-task-command';

const reasonRules = (message: string) => [{ required: true, whitespace: true, message }];

/** 改派 and 撤销: the office's actions on an open task, each in a modal that asks its reason. */
export function TaskOfficeActions({ task, target }: { task: AssignedTaskView; target: Target }) {
  const run = useTaskCommand(task.code);
  const { options, loading } = useDepartmentOptions();
  return (
    <>
      <CommandModal<ReassignForm>
        label="改派"
        initialValues={currentDepartments(task)}
        onSubmit={(v, form) => {
          if (unchanged(task, v)) {
            form.setFields([{ name: 'lead', errors: ['改派后的牵头单位和配合单位与现在相同'] }]);
            return Promise.resolve(false);
          }
          return run(() => taskCommands.reassign(target, reassignmentBody(v)), '任务已改派', form);
        }}
      >
        <Form.Item label="牵头单位" name="lead" rules={[{ required: true, message: '请选择牵头单位' }]}>
          <PickSelect mode="multiple" options={options} loading={loading} showSearch />
        </Form.Item>
        <Form.Item label="配合单位" name="cooperating">
          <PickSelect mode="multiple" options={options} loading={loading} showSearch />
        </Form.Item>
        <Form.Item label="新单位签收期限" name="acknowledgeBy" extra="不填则为 3 个工作日">
          <DatePicker />
        </Form.Item>
        <Form.Item label="改派理由" name="reason" rules={reasonRules('请填写改派理由')}>
          <Input.TextArea rows={3} />
        </Form.Item>
      </CommandModal>
      <CommandModal<{ reason: string }>
        label="撤销"
        danger
        onSubmit={(v, form) => run(() => taskCommands.cancel(target, v), '任务已撤销', form)}
      >
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          message={`撤销后任务 ${task.code} 不再办理，也不能恢复。`}
        />
        <Form.Item label="撤销理由" name="reason" rules={reasonRules('请填写撤销理由')}>
          <Input.TextArea rows={3} />
        </Form.Item>
      </CommandModal>
    </>
  );
}
