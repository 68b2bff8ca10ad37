import { currentPlanId } from '../../api/plan';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, DatePicker, Descriptions, Form, Typography } from 'antd';
import dayjs from 'dayjs';
import { useNavigate, useParams } from 'react-router-dom';
import { api, unwrap } from '../../api/client';
import { useOwnPlanId } from '../../api/own-plan';
import type { PlanTaskRow } from '../../api/task-responses';
import { fieldErrors, showError } from '../../components/show-error';
import { App } from 'antd';
import type { components } from '../../api/schema';
import { assignmentBody, type AssignForm } from './assignment';
import { DEFAULT_MILESTONE_SETTINGS, defaultMilestones, type MilestoneSettings } from './default-milestones';
import { FieldSelect } from '../../components/field-select';
import { MilestoneFields } from './milestone-fields';

const PLAN = currentPlanId();

/** 交办: the plan row's departments prefilled, all editable; names are picked from the plan's departments. */
export default function AssignPage() {
  const code = useParams().code ?? '';
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<AssignForm>();
  // The user's organisation's plan; the deployment's default plan (written into the page) until it is known.
  const planId = useOwnPlanId() ?? (PLAN || undefined);
  const rows = useQuery({
    queryKey: ['plan', planId, 'tasks'],
    enabled: planId !== undefined,
    queryFn: () =>
      unwrap<PlanTaskRow[]>(
        api.GET('/plans/{planId}/{list}', { params: { path: { planId: planId ?? '', list: 'tasks' } } }),
      ),
    staleTime: Infinity,
  });
  const departments = useQuery({
    queryKey: ['plan', planId, 'departments'],
    enabled: planId !== undefined,
    queryFn: () =>
      unwrap<{ name: string }[]>(
        api.GET('/plans/{planId}/{list}', { params: { path: { planId: planId ?? '', list: 'departments' } } }),
      ),
    staleTime: Infinity,
  });
  // The plan's milestone settings and the service's today (a drill's clock, not the browser's).
  const settings = useQuery({
    queryKey: ['plan', planId],
    enabled: planId !== undefined,
    queryFn: () =>
      unwrap<{ settings?: { milestones?: MilestoneSettings } }>(
        api.GET('/plans/{planId}', { params: { path: { planId: planId ?? '' } } }),
      ),
    staleTime: Infinity,
  });
  const today = useQuery({
    queryKey: ['todo'],
    queryFn: () => unwrap<components['schemas']['TodoAnswerDto']>(api.GET('/me/todo')),
  });
  const row = rows.data?.find((r) => r.code === code);
  const options = (departments.data ?? []).map((d) => ({ value: d.name, label: d.name }));

  const submit = async (values: AssignForm) => {
    try {
      await unwrap(api.POST('/tasks/{code}/assignment', { params: { path: { code } }, body: assignmentBody(values) }));
      void message.success(`${code} 已交办`);
      navigate(`/task/${code}`);
    } catch (error) {
      const fields = fieldErrors<AssignForm>(error);
      if (fields.length) form.setFields(fields);
      else showError(error);
    }
  };

  if (rows.error) return <Alert type="error" showIcon message={rows.error.message} />;
  if (!rows.data || !departments.data || !settings.data || !today.data) return <Card loading />;
  if (!row) return <Alert type="warning" showIcon message={`计划中没有任务 ${code}`} />;
  // The milestones' owner is the first lead the plan names under a department's own name.
  const owner = row.lead.find((name) => options.some((o) => o.value === name));
  const milestones = defaultMilestones(
    row.window,
    settings.data.settings?.milestones ?? DEFAULT_MILESTONE_SETTINGS,
    today.data.asOf,
    owner,
  ).map((m) => ({ ...m, dueDate: dayjs(m.dueDate) }));

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
          里程碑已按计划默认预填（时间栏中每年一个，12月31日到期），可修改、删除或添加；全部删除则仍按计划默认交办。
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
