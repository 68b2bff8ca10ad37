import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, DatePicker, Descriptions, Form, Typography } from 'antd';
import dayjs from 'dayjs';
import { useNavigate, useParams } from 'react-router-dom';
import { api, unwrap } from '../../api/client';
import { ApiError } from '../../api/errors';
import { useDepartmentOptions } from '../../api/departments';
import { fieldErrors, showError } from '../../components/show-error';
import { FieldSelect } from '../../components/field-select';
import { assignmentBody, type AssignForm } from './assignment';
import { MilestoneFields } from './milestone-fields';

/**
 * 交办: the plan row's departments and the milestones 交办 gives by default (the api's own
 * preview, on the service's today), all editable; names are picked from the plan's departments.
 */
export default function AssignPage() {
  const code = useParams().code ?? '';
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<AssignForm>();
  // The same answer the task page reads: while 待交办 it is the plan row with its default milestones.
  const task = useQuery({
    queryKey: ['task', code],
    queryFn: () => unwrap(api.GET('/tasks/{code}', { params: { path: { code } } })),
  });
  const { options, loading } = useDepartmentOptions();

  const submit = async (values: AssignForm) => {
    try {
      await unwrap(api.POST('/tasks/{code}/assignment', { params: { path: { code } }, body: assignmentBody(values) }));
      await queryClient.invalidateQueries({ queryKey: ['task', code] });
      void message.success(`${code} 已交办`);
      navigate(`/task/${code}`);
    } catch (error) {
      const fields = fieldErrors<AssignForm>(error);
      if (fields.length) form.setFields(fields);
      else showError(error);
    }
  };

  if (task.error) {
    const missing = task.error instanceof ApiError && task.error.status === 404;
    return (
      <Alert
        type={missing ? 'warning' : 'error'}
        showIcon
        message={missing ? `计划中没有任务 ${code}` : task.error.message}
      />
    );
  }
  if (!task.data || loading) return <Card loading />;
  const row = task.data;
  if (row.status !== 'unassigned') return <Alert type="info" showIcon message={`任务 ${code} 已交办`} />;
  // No lead the plan names is a department of its own: the office picks the owner.
  const milestones = row.defaultMilestones.map((m) => ({
    ...m,
    owner: m.owner || undefined,
    dueDate: dayjs(m.dueDate),
  }));

  return (
    <Card
      title={
        <Typography.Title level={1} style={{ fontSize: 20, margin: 0 }}>
          交办 {code}
        </Typography.Title>
      }
    >
      <Descriptions size="small" column={1} style={{ marginBottom: 16 }}>
        <Descriptions.Item label="任务清单">{row.text}</Descriptions.Item>
        <Descriptions.Item label="时间">{row.window}</Descriptions.Item>
        <Descriptions.Item label="体系">{row.system}</Descriptions.Item>
      </Descriptions>
      <Form<AssignForm>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ lead: row.lead, cooperating: row.cooperating, milestones }}
      >
        <Form.Item label="牵头单位" name="lead" rules={[{ required: true, message: '请选择牵头单位' }]}>
          <FieldSelect<string[]> mode="multiple" options={options} showSearch />
        </Form.Item>
        <Form.Item label="配合单位" name="cooperating">
          <FieldSelect<string[]> mode="multiple" options={options} showSearch />
        </Form.Item>
        <Form.Item label="完成期限" name="dueDate" extra="不填则按计划的时间栏推算">
          <DatePicker />
        </Form.Item>
        <Form.Item label="签收期限" name="acknowledgeBy" extra="不填则为 3 个工作日">
          <DatePicker />
        </Form.Item>
        <Typography.Paragraph type="secondary">
          里程碑已按计划的设置预填（与不填里程碑时交办给出的相同），可修改、删除或添加；全部删除则仍按计划默认交办。
        </Typography.Paragraph>
        <MilestoneFields options={options} />
        <div>
          <Button type="primary" htmlType="submit">
            交办
          </Button>
        </div>
      </Form>
    </Card>
  );
}
