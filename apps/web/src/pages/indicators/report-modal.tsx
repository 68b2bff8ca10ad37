import { Form, Input, InputNumber, Radio } from 'antd';
import { api, unwrap } from '../../api/client';
import { EvidenceFormItem } from '../../components/evidence-field';
import { FieldSelect } from '../../components/field-select';
import { CommandModal } from '../task/command-modal';
import { reportablePeriods, reportBody, type IndicatorView, type ReportForm } from './indicator';
import { useIndicatorCommand } from './use-indicator-command';

/** 报送 an indicator's value for a period, with its 数据来源 and 佐证材料 (files or 文号). */
export function ReportModal({ indicator, today }: { indicator: IndicatorView; today: string }) {
  const run = useIndicatorCommand(indicator.indicatorId);
  const periods = reportablePeriods(indicator.deadlines, today);
  const { measure } = indicator;
  const submit = (
    values: ReportForm,
    form: Parameters<Parameters<typeof CommandModal<ReportForm>>[0]['onSubmit']>[1],
  ) =>
    run(
      () =>
        unwrap(
          api.POST('/indicators/{indicatorId}/reports', {
            params: { path: { indicatorId: indicator.indicatorId } },
            body: reportBody(values, measure),
          }),
        ),
      `指标 ${indicator.no} ${values.period} 已报送，待无废办确认`,
      form,
    );

  return (
    <CommandModal<ReportForm>
      label="报送"
      primary
      onSubmit={submit}
      initialValues={{ period: periods[0], evidence: [], source: indicator.dataSource || undefined }}
    >
      <Form.Item label="指标">{indicator.level3}</Form.Item>
      <Form.Item label="报送期次" name="period" rules={[{ required: true, message: '请选择报送期次' }]}>
        <FieldSelect<string>
          options={periods.map((p) => ({
            value: p,
            label: p.includes('Q') ? p.replace('-Q', '年第') + '季度' : `${p}年度`,
          }))}
        />
      </Form.Item>
      {measure.kind === 'numeric' ? (
        <Form.Item
          label={`数值（${measure.unit}）`}
          name="value"
          rules={[{ required: true, type: 'number', message: '请填写数值' }]}
          extra={`${measure.directionLabel}；2022年现状值 ${indicator.baseline2022}，2025年目标值 ${indicator.districtTarget2025}`}
        >
          <InputNumber style={{ width: 200 }} />
        </Form.Item>
      ) : (
        <Form.Item label="是否达成" name="met" rules={[{ required: true, message: '请选择是否达成' }]}>
          <Radio.Group
            options={[
              { value: true, label: '达成' },
              { value: false, label: '未达成' },
            ]}
          />
        </Form.Item>
      )}
      <Form.Item
        label="数据来源"
        name="source"
        rules={[{ required: true, whitespace: true, message: '请填写数据来源' }]}
      >
        <Input placeholder="如 2023年环境统计年报" />
      </Form.Item>
      <EvidenceFormItem />
      <Form.Item label="说明" name="note">
        <Input.TextArea rows={2} />
      </Form.Item>
    </CommandModal>
  );
}
