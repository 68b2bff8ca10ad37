import { Form, Input, Space } from 'antd';
import { api, unwrap } from '../../api/client';
import { CommandModal } from '../task/command-modal';
import type { IndicatorReport, IndicatorView } from './indicator';
import { useIndicatorCommand } from './use-indicator-command';

/** The office's decision on a report: 确认 (with an optional note) or 退回 (with the reason, required). */
export function ReviewActions({ indicator, report }: { indicator: IndicatorView; report: IndicatorReport }) {
  const run = useIndicatorCommand(indicator.indicatorId);
  const path = { indicatorId: indicator.indicatorId, reportId: report.reportId };
  const what = `${report.department} ${report.period} 的报送`;
  return (
    <Space size={4} wrap>
      <CommandModal<{ note?: string }>
        label="确认"
        primary
        onSubmit={(v, form) =>
          run(
            () =>
              unwrap(
                api.POST('/indicators/{indicatorId}/reports/{reportId}/confirmation', {
                  params: { path },
                  body: v.note?.trim() ? { note: v.note.trim() } : {},
                }),
              ),
            `已确认${what}`,
            form,
          )
        }
      >
        <Form.Item label="报送">{`${what}：${report.display}`}</Form.Item>
        <Form.Item label="确认意见" name="note">
          <Input.TextArea rows={2} />
        </Form.Item>
      </CommandModal>
      <CommandModal<{ reason: string }>
        label="退回"
        danger
        onSubmit={(v, form) =>
          run(
            () =>
              unwrap(
                api.POST('/indicators/{indicatorId}/reports/{reportId}/rejection', {
                  params: { path },
                  body: { reason: v.reason.trim() },
                }),
              ),
            `已退回${what}`,
            form,
          )
        }
      >
        <Form.Item label="报送">{`${what}：${report.display}`}</Form.Item>
        <Form.Item
          label="退回理由"
          name="reason"
          rules={[{ required: true, whitespace: true, message: '请填写退回理由' }]}
        >
          <Input.TextArea rows={3} />
        </Form.Item>
      </CommandModal>
    </Space>
  );
}
