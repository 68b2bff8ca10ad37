import { Alert, Space, Table, Tag } from 'antd';
import type { Problem } from './problems';
import { compareSummaries, findingRows, SEVERITY_LABELS, type FindingRow, type ValidationReport } from './report';

const TAG_COLOURS = { error: 'error', warning: 'warning', info: 'default' } as const;

/** A plan's validation report: the verdict, then every finding with where it points. */
export function ReportView({ report, caption }: { report: ValidationReport; caption: string }) {
  const { error, warning, info } = report.summary;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Alert
        type={report.ok ? (warning ? 'warning' : 'success') : 'error'}
        showIcon
        message={`${caption}：${report.ok ? '无错误' : `${error} 个错误`}，${warning} 个警告，${info} 个提示`}
        description={`计划 ${report.planId}，版本 ${report.planVersion}`}
      />
      <Table<FindingRow>
        rowKey="key"
        size="small"
        dataSource={findingRows(report)}
        pagination={{ pageSize: 10, hideOnSinglePage: true, showSizeChanger: false }}
        scroll={{ x: 640 }}
        locale={{ emptyText: '没有发现问题' }}
        columns={[
          {
            title: '级别',
            width: 80,
            render: (_, f) => (
              <Tag color={TAG_COLOURS[f.severity]} style={{ color: '#000000e0' }}>
                {SEVERITY_LABELS[f.severity]}
              </Tag>
            ),
          },
          { title: '位置', dataIndex: 'where', width: 240 },
          { title: '说明', dataIndex: 'message' },
        ]}
      />
    </Space>
  );
}

/** 导入前 and 导入后 side by side, per severity. */
export function ReportComparison(props: { before?: ValidationReport; after: ValidationReport; afterLabel?: string }) {
  const { before, after, afterLabel = '导入后' } = props;
  return (
    <Table
      rowKey="severity"
      size="small"
      pagination={false}
      style={{ maxWidth: 420 }}
      dataSource={compareSummaries(before, after)}
      columns={[
        { title: '级别', dataIndex: 'label' },
        { title: '导入前', dataIndex: 'before', render: (v?: number) => v ?? '—' },
        { title: afterLabel, dataIndex: 'after' },
      ]}
    />
  );
}

/** A refused file's problems: where (list and row), which field, what is wrong. */
export function ProblemTable({ problems }: { problems: Problem[] }) {
  return (
    <Table<Problem>
      rowKey="key"
      size="small"
      dataSource={problems}
      pagination={{ pageSize: 10, hideOnSinglePage: true, showSizeChanger: false }}
      scroll={{ x: 560 }}
      columns={[
        { title: '位置', dataIndex: 'where', width: 200 },
        { title: '字段', dataIndex: 'field', width: 140 },
        { title: '问题', dataIndex: 'message' },
      ]}
    />
  );
}
