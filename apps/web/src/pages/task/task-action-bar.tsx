import { Link } from 'react-router-dom';
import { Button, DatePicker, Form, Input, InputNumber, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import type { SessionUser } from '../../auth/session';
import type { AssignedTaskView } from '../../api/responses';
import { ACTION_LABELS, availableActions } from './available-actions';
import { CommandModal } from './command-modal';
import { taskCommands } from './task-commands';
import { TaskOfficeActions } from './task-office-actions';
import { useTaskCommand } from './use-task-command';

const required = (message: string) => [{ required: true, whitespace: true, message }];

/** The buttons of what this person may do on the task now, each with its small form. */
export function TaskActionBar({ task, user }: { task: AssignedTaskView; user: SessionUser }) {
  const run = useTaskCommand(task.code);
  // A second click while 签收 is on its way would be a second command: the button waits.
  const [acknowledging, setAcknowledging] = useState(false);
  const target = { code: task.code, revision: task.revision };
  const actions = availableActions(task, user);
  if (actions.length === 0) return null;
  const has = (a: (typeof actions)[number]) => actions.includes(a);

  return (
    <Space wrap aria-label="可办理的操作">
      {has('acknowledge') && (
        <Button
          type="primary"
          loading={acknowledging}
          onClick={() => {
            setAcknowledging(true);
            void run(() => taskCommands.acknowledge(target), '已签收').finally(() => setAcknowledging(false));
          }}
        >
          {ACTION_LABELS.acknowledge}
        </Button>
      )}
      {has('reportProgress') && (
        <CommandModal<{ text: string; percent: number; difficulties?: string; nextSteps?: string }>
          label={ACTION_LABELS.reportProgress}
          onSubmit={(v, form) => run(() => taskCommands.reportProgress(target, v), '进展已报送', form)}
        >
          <Form.Item label="进展情况" name="text" rules={required('请填写进展情况')}>
            <Input.TextArea rows={3} />
          </Form.Item>
          <Form.Item label="完成比例（%）" name="percent" rules={[{ required: true, message: '请填写完成比例' }]}>
            <InputNumber min={0} max={100} precision={0} style={{ width: 120 }} />
          </Form.Item>
          <Form.Item label="存在困难" name="difficulties">
            <Input.TextArea rows={2} />
          </Form.Item>
          <Form.Item label="下一步计划" name="nextSteps">
            <Input.TextArea rows={2} />
          </Form.Item>
        </CommandModal>
      )}
      {has('requestSignOff') && (
        <CommandModal<{ note?: string }>
          label={ACTION_LABELS.requestSignOff}
          primary
          onSubmit={(v, form) => run(() => taskCommands.requestSignOff(target, v), '已提交会签', form)}
        >
          <Form.Item label="说明" name="note">
            <Input.TextArea rows={2} />
          </Form.Item>
        </CommandModal>
      )}
      {has('signOff') && (
        <CommandModal<{ note?: string }>
          label={ACTION_LABELS.signOff}
          primary
          onSubmit={(v, form) => run(() => taskCommands.signOff(target, v), '已会签同意', form)}
        >
          <Form.Item label="会签意见" name="note">
            <Input.TextArea rows={2} />
          </Form.Item>
        </CommandModal>
      )}
      {has('object') && (
        <CommandModal<{ reason: string }>
          label={ACTION_LABELS.object}
          danger
          onSubmit={(v, form) => run(() => taskCommands.object(target, v), '异议已提出', form)}
        >
          <Form.Item label="异议理由" name="reason" rules={required('请填写异议理由')}>
            <Input.TextArea rows={3} />
          </Form.Item>
        </CommandModal>
      )}
      {has('accept') && (
        <CommandModal<{ note?: string }>
          label={ACTION_LABELS.accept}
          primary
          onSubmit={(v, form) => run(() => taskCommands.accept(target, v), '任务已办结', form)}
        >
          <Form.Item label="办结意见" name="note">
            <Input.TextArea rows={2} />
          </Form.Item>
        </CommandModal>
      )}
      {has('return') && (
        <CommandModal<{ reason: string }>
          label={ACTION_LABELS.return}
          danger
          onSubmit={(v, form) => run(() => taskCommands.return(target, v), '任务已退回', form)}
        >
          <Form.Item label="退回理由" name="reason" rules={required('请填写退回理由')}>
            <Input.TextArea rows={3} />
          </Form.Item>
        </CommandModal>
      )}
      {has('requestExtension') && (
        <CommandModal<{ reason: string; newDueDate: Dayjs; milestoneId?: string }>
          label={ACTION_LABELS.requestExtension}
          onSubmit={(v, form) =>
            run(
              () => taskCommands.requestExtension(target, { ...v, newDueDate: v.newDueDate.format('YYYY-MM-DD') }),
              '延期申请已提交',
              form,
            )
          }
        >
          <Form.Item label="延期事项" name="milestoneId" extra="不选则申请整个任务延期">
            <Select
              allowClear
              options={task.milestones
                .filter((m) => !m.completion)
                .map((m) => ({ value: m.milestoneId, label: m.title }))}
            />
          </Form.Item>
          <Form.Item label="申请延期至" name="newDueDate" rules={[{ required: true, message: '请选择新的期限' }]}>
            <DatePicker />
          </Form.Item>
          <Form.Item label="延期理由" name="reason" rules={required('请填写延期理由')}>
            <Input.TextArea rows={3} />
          </Form.Item>
        </CommandModal>
      )}
      {has('decideExtension') && (
        <Link to={`/extensions?code=${encodeURIComponent(task.code)}`}>{ACTION_LABELS.decideExtension}</Link>
      )}
      {has('reassign') && <TaskOfficeActions task={task} target={target} />}
    </Space>
  );
}
