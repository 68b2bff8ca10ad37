import { useQuery } from '@tanstack/react-query';
import { MESSAGE_KEY } from '../task/use-task-command';
import { App, Button, Card, DatePicker, Form, Input, Typography } from 'antd';
import { PickSelect, SuggestInput } from '../task/pick-select';
import { useNavigate } from 'react-router-dom';
import { api, unwrap } from '../../api/client';
import { fieldErrors, showError } from '../../components/show-error';
import { useDepartmentOptions } from '../../api/departments';
import { areasOf, CODE_PATTERN, newTaskBody, nextTaskCode, WINDOW_PATTERN, type NewTaskForm } from './new-task';

/** 新增任务: a task the plan's list lacks, created and 交办 at once; departments picked from the plan. */
export default function AddTaskPage() {
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<NewTaskForm>();
  const system = Form.useWatch('system', form);
  const { options, loading } = useDepartmentOptions();
  // Every task of the plan, listed or created before: the codes in use and the 领域 in use.
  const tasks = useQuery({ queryKey: ['tasks'], queryFn: () => unwrap(api.GET('/tasks')) });
  const rows = tasks.data ?? [];
  const systems = [...new Set(rows.map((r) => r.system))];

  const chooseSystem = (value: string) => {
    const code = nextTaskCode(rows, value);
    if (code && !form.isFieldTouched('code')) form.setFieldValue('code', code);
  };

  const submit = async (values: NewTaskForm) => {
    try {
      const body = newTaskBody(values);
      const idempotency = { 'Idempotency-Key': crypto.randomUUID() };
      await unwrap(api.POST('/tasks', { params: { header: idempotency }, body }));
      void message.success({ content: `${body.code} 已新增并交办`, key: MESSAGE_KEY });
      navigate(`/task/${body.code}`);
    } catch (error) {
      const fields = fieldErrors<NewTaskForm>(error);
      if (fields.length) form.setFields(fields);
      else showError(error);
    }
  };

  return (
    <Card
      title={
        <Typography.Title level={1} style={{ fontSize: 20, margin: 0 }}>
          新增任务
        </Typography.Title>
      }
      loading={tasks.isLoading}
    >
      <Typography.Paragraph type="secondary">
        新增计划任务清单以外的任务，提交后即交办给所选单位；里程碑按计划默认（每年一个，12月31日到期）。
      </Typography.Paragraph>
      <Form<NewTaskForm> form={form} layout="vertical" onFinish={submit} style={{ maxWidth: 720 }}>
        <Form.Item label="体系" name="system" rules={[{ required: true, message: '请选择体系' }]}>
          <PickSelect options={systems.map((s) => ({ value: s, label: s }))} onChange={chooseSystem} />
        </Form.Item>
        <Form.Item
          label="任务编号"
          name="code"
          extra="选择体系后自动填写下一个编号，可修改"
          rules={[
            { required: true, message: '请填写任务编号' },
            { pattern: CODE_PATTERN, message: '任务编号应形如 A-16' },
          ]}
        >
          <Input style={{ width: 160 }} />
        </Form.Item>
        <Form.Item label="领域" name="area" rules={[{ required: true, whitespace: true, message: '请填写领域' }]}>
          <SuggestInput options={areasOf(rows, system ?? '').map((a) => ({ value: a }))} />
        </Form.Item>
        <Form.Item
          label="任务清单"
          name="text"
          rules={[{ required: true, whitespace: true, message: '请填写任务内容' }]}
        >
          <Input.TextArea rows={3} maxLength={1000} />
        </Form.Item>
        <Form.Item
          label="时间"
          name="window"
          extra="如 2023、2023-2025 或 持续开展"
          rules={[
            { required: true, message: '请填写时间' },
            { pattern: WINDOW_PATTERN, message: '时间应为 2023、2023-2025 或 持续开展 这样的写法' },
          ]}
        >
          <Input style={{ width: 200 }} />
        </Form.Item>
        <Form.Item label="牵头单位" name="lead" rules={[{ required: true, message: '请选择牵头单位' }]}>
          <PickSelect mode="multiple" options={options} loading={loading} showSearch />
        </Form.Item>
        <Form.Item label="配合单位" name="cooperating">
          <PickSelect mode="multiple" options={options} loading={loading} showSearch />
        </Form.Item>
        <Form.Item label="完成期限" name="dueDate" extra="不填则按时间栏推算">
          <DatePicker />
        </Form.Item>
        <Form.Item label="签收期限" name="acknowledgeBy" extra="不填则为 3 个工作日">
          <DatePicker />
        </Form.Item>
        <Button type="primary" htmlType="submit">
          新增并交办
        </Button>
      </Form>
    </Card>
  );
}
