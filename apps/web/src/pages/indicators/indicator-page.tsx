import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Descriptions, Space, Table, Tag, Typography } from 'antd';
import { useParams } from 'react-router-dom';
import { api, unwrap } from '../../api/client';
import { useAuth } from '../../auth/auth-context';
import { EvidenceLink } from '../../components/file-link';
import { LightTag } from '../../components/light-tag';
import { indicatorLight, type IndicatorReport } from './indicator';
import { ReportModal } from './report-modal';
import { ReviewActions } from './review-actions';

/**
 * One indicator of the 目标清单: the plan's facts, where it stands, and every report by period.
 * Its responsible department 报送 here; the office 确认 or 退回 each report awaiting review.
 */
export default function IndicatorPage() {
  const id = useParams().id ?? '';
  const { user } = useAuth();
  const indicator = useQuery({
    queryKey: ['indicator', id],
    queryFn: () => unwrap(api.GET('/indicators/{indicatorId}', { params: { path: { indicatorId: id } } })),
  });
  // The service's today (a drill's clock, not the browser's) decides which periods have begun.
  const todo = useQuery({
    queryKey: ['todo'],
    queryFn: () => unwrap(api.GET('/me/todo')),
  });
  if (indicator.error) return <Alert type="error" showIcon message={indicator.error.message} />;
  const view = indicator.data;
  if (!view) return <Card loading />;
  const reports = view.periods.flatMap((p) => p.reports).reverse();
  const mayReport = user?.role === 'department' && view.responsible.departments.includes(user.department ?? '');
  const reviews = user?.role === 'office';

  return (
    <section aria-labelledby="indicator-title">
      <Typography.Title level={1} id="indicator-title" style={{ fontSize: 22 }}>
        指标 {view.no}：{view.level3}
      </Typography.Title>
      <Descriptions size="small" bordered column={{ xs: 1, md: 2 }} style={{ marginBottom: 16 }}>
        <Descriptions.Item label="一级指标">{view.level1}</Descriptions.Item>
        <Descriptions.Item label="二级指标">{view.level2}</Descriptions.Item>
        <Descriptions.Item label="2022年现状值">{view.baseline2022}</Descriptions.Item>
        <Descriptions.Item label="2025年目标值">{view.districtTarget2025}</Descriptions.Item>
        <Descriptions.Item label="计量">
          {view.measure.kind === 'numeric'
            ? `${view.measure.unit}，${view.measure.directionLabel}`
            : view.measure.label}
        </Descriptions.Item>
        <Descriptions.Item label="数据来源">{view.dataSource || '—'}</Descriptions.Item>
        <Descriptions.Item label="责任部门">{view.responsible.departments.join('、') || '未指定'}</Descriptions.Item>
        <Descriptions.Item label="最新值">
          {view.latest ? `${view.latest.display}（${view.latest.period}）` : '尚无确认的报送'}
        </Descriptions.Item>
        <Descriptions.Item label="灯">
          <LightTag light={indicatorLight(view)} />
        </Descriptions.Item>
      </Descriptions>
      {mayReport && todo.data && (
        <div style={{ marginBottom: 16 }}>
          <ReportModal indicator={view} today={todo.data.asOf} />
        </div>
      )}
      <Typography.Title level={2} style={{ fontSize: 18 }}>
        报送记录
      </Typography.Title>
      <Table<IndicatorReport>
        rowKey="reportId"
        size="small"
        pagination={false}
        dataSource={reports}
        // antd's grey empty text falls short of 4.5:1 (axe).
        locale={{ emptyText: <Typography.Text type="secondary">尚无报送</Typography.Text> }}
        scroll={{ x: 900 }}
        columns={[
          { title: '期次', dataIndex: 'period', width: 90 },
          { title: '报送单位', dataIndex: 'department', width: 140 },
          { title: '数值', dataIndex: 'display', width: 100 },
          { title: '数据来源', dataIndex: 'source' },
          {
            title: '佐证材料',
            render: (_, r) => (
              <Space size={4} wrap>
                {r.evidence.map((e, i) => (
                  <EvidenceLink key={i} item={e} />
                ))}
              </Space>
            ),
          },
          {
            title: '状态',
            width: 160,
            render: (_, r) => (
              <Space direction="vertical" size={0}>
                <Tag>{r.supersededBy ? '已被更正' : r.statusLabel}</Tag>
                {r.review?.note && <Typography.Text type="secondary">{r.review.note}</Typography.Text>}
              </Space>
            ),
          },
          {
            title: '操作',
            width: 150,
            render: (_, r) =>
              reviews && r.status === 'pending' && !r.supersededBy ? (
                <ReviewActions indicator={view} report={r} />
              ) : null,
          },
        ]}
      />
    </section>
  );
}
