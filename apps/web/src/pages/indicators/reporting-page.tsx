import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Empty, Table, Typography } from 'antd';
import { Link, useNavigate } from 'react-router-dom';
import { api, unwrap } from '../../api/client';
import { useAuth } from '../../auth/auth-context';
import { LightTag } from '../../components/light-tag';
import { indicatorLight, reportedBy, type IndicatorRow } from './indicator';

/** 指标报送: the indicators of the 目标清单 my department reports, where each stands, and 报送. */
export default function ReportingPage() {
  const { user } = useAuth();
  const navigate = useNavigate();
  const list = useQuery({
    queryKey: ['indicators'],
    queryFn: () => unwrap(api.GET('/indicators')),
  });
  const rows = reportedBy(list.data?.indicators ?? [], user?.department);

  return (
    <section aria-labelledby="reporting-title">
      <Typography.Title level={1} id="reporting-title" style={{ fontSize: 22 }}>
        指标报送
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        {user?.department} 负责报送的指标{list.data ? `，截至 ${list.data.asOf}` : ''}
        。报送后由无废办确认，确认后计入进度。
      </Typography.Paragraph>
      {list.error && <Alert type="error" showIcon message={list.error.message} />}
      {list.data && rows.length === 0 ? (
        <Empty description="本单位没有需要报送的指标" />
      ) : (
        <Table<IndicatorRow>
          rowKey="indicatorId"
          size="small"
          loading={list.isLoading}
          dataSource={rows}
          pagination={false}
          scroll={{ x: 760 }}
          columns={[
            { title: '序号', dataIndex: 'no', width: 60 },
            {
              title: '指标',
              render: (_, row) => <Link to={`/indicator/${row.indicatorId}`}>{row.level3}</Link>,
            },
            { title: '2025年目标值', dataIndex: 'districtTarget2025', width: 120 },
            {
              title: '最新值',
              width: 130,
              render: (_, row) => (row.latest ? `${row.latest.display}（${row.latest.period}）` : '—'),
            },
            { title: '灯', width: 80, render: (_, row) => <LightTag light={indicatorLight(row)} /> },
            {
              title: '操作',
              width: 90,
              render: (_, row) => (
                <Button
                  type="primary"
                  ghost
                  aria-label={`报送指标 ${row.no}`}
                  onClick={() => navigate(`/indicator/${row.indicatorId}`)}
                >
                  去报送
                </Button>
              ),
            },
          ]}
        />
      )}
    </section>
  );
}
