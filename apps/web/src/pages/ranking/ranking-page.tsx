import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Space, Table, Typography } from 'antd';
import { api, unwrap } from '../../api/client';
import { ApiError, type ErrorBody } from '../../api/errors';
import { AsOfPicker, useAsOf } from '../../components/as-of';
import { showError } from '../../components/show-error';
import { saveBlob } from '../board-filters';

const percent = (rate: number | null) => (rate === null ? '—' : `${Math.round(rate * 100)}%`);
const days = (value: number | null) => (value === null ? '—' : `${value.toFixed(1)} 天`);

/** 考核排名: departments ranked by the stated rule (in the answer), with its figures; Excel export. */
export default function RankingPage() {
  const [asOf, setAsOf] = useAsOf();
  const query = asOf ? { asOf } : {};
  const ranking = useQuery({
    queryKey: ['ranking', asOf],
    queryFn: () => unwrap(api.GET('/accountability/ranking', { params: { query } })),
  });
  const download = async () => {
    const { data, error, response } = await api.GET('/accountability/ranking.xlsx', {
      params: { query },
      parseAs: 'blob',
    });
    if (!response.ok || !data) return showError(new ApiError(response.status, (error ?? {}) as ErrorBody));
    saveBlob(data as Blob, `考核排名-${ranking.data?.asOf ?? ''}.xlsx`);
  };
  return (
    <section aria-labelledby="ranking-title">
      <Typography.Title level={1} id="ranking-title" style={{ fontSize: 22 }}>
        考核排名
      </Typography.Title>
      <Space direction="vertical" style={{ width: '100%' }}>
        <AsOfPicker asOf={asOf} onChange={setAsOf} />
        {ranking.data && <Typography.Paragraph>排名规则：{ranking.data.rule}</Typography.Paragraph>}
        <Button onClick={() => void download()}>导出 Excel</Button>
        {ranking.error && <Alert type="error" showIcon message={ranking.error.message} />}
        <Table
          rowKey="department"
          size="small"
          loading={ranking.isLoading}
          dataSource={ranking.data?.departments}
          pagination={false}
          scroll={{ x: 900 }}
          columns={[
            { title: '名次', dataIndex: 'rank', width: 64 },
            { title: '单位', dataIndex: 'department', width: 160 },
            { title: '逾期事项', render: (_, d) => d.figures.overdueItems },
            { title: '按时完成率', render: (_, d) => percent(d.figures.onTimeRate) },
            { title: '平均签收用时', render: (_, d) => days(d.figures.averageAcknowledgementDays) },
            { title: '牵头', render: (_, d) => d.figures.led },
            { title: '配合', render: (_, d) => d.figures.supported },
            { title: '按时/逾期完成', render: (_, d) => `${d.figures.completedOnTime} / ${d.figures.completedLate}` },
            { title: '催办/督办', render: (_, d) => `${d.figures.reminders} / ${d.figures.escalations}` },
          ]}
        />
      </Space>
    </section>
  );
}
