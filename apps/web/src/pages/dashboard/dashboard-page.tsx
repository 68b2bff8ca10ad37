import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Col, Progress, Row, Statistic, Typography } from 'antd';
import { useMemo } from 'react';
import { useNavigate } from 'react-router-dom';
import { api, unwrap } from '../../api/client';
import { AsOfPicker, useAsOf } from '../../components/as-of';
import { EChart } from '../../components/echart';
import { overdueChart, systemChart } from './overview';

/** 总览 for leaders: counts by light, by 体系, overdue by department, indicators and investment; drill down to the board. */
export default function DashboardPage() {
  const navigate = useNavigate();
  const [asOf, setAsOf] = useAsOf();
  const query = { params: { query: asOf ? { asOf } : {} } };
  const overview = useQuery({
    queryKey: ['overview', asOf],
    queryFn: () => unwrap(api.GET('/overview', query)),
  });
  const indicators = useQuery({
    queryKey: ['indicators', asOf],
    queryFn: () => unwrap(api.GET('/indicators', query)),
  });
  const projects = useQuery({
    queryKey: ['projects', asOf],
    queryFn: () => unwrap(api.GET('/projects', query)),
  });
  const systems = useMemo(() => (overview.data ? systemChart(overview.data) : undefined), [overview.data]);
  const overdue = useMemo(() => (overview.data ? overdueChart(overview.data) : undefined), [overview.data]);
  const drill = (filters: Record<string, string>) =>
    navigate(`/ledger?${new URLSearchParams({ ...filters, ...(asOf ? { asOf } : {}) }).toString()}`);
  const error = overview.error ?? indicators.error ?? projects.error;
  const t = overview.data?.total;

  return (
    <section aria-labelledby="dashboard-title">
      <Typography.Title level={1} id="dashboard-title" style={{ fontSize: 22 }}>
        总览
      </Typography.Title>
      <AsOfPicker asOf={asOf} onChange={setAsOf} />
      {error && <Alert type="error" showIcon message={error.message} style={{ marginTop: 12 }} />}
      <Row gutter={[12, 12]} style={{ marginTop: 12 }}>
        {[
          ['任务总数', t?.total, {}],
          ['已交办', t?.assigned, {}],
          ['已办结', t?.accepted, { status: 'accepted' }],
          ['红灯', t?.red, { light: 'red' }],
          ['黄灯', t?.yellow, { light: 'yellow' }],
          ['绿灯', t?.green, { light: 'green' }],
        ].map(([title, value, filters]) => (
          <Col xs={12} md={8} lg={4} key={title as string}>
            <Card size="small" hoverable onClick={() => drill(filters as Record<string, string>)}>
              <Statistic title={title as string} value={(value as number | undefined) ?? '—'} />
            </Card>
          </Col>
        ))}
      </Row>
      <Row gutter={[12, 12]} style={{ marginTop: 12 }}>
        <Col xs={24} lg={14}>
          <Card size="small" title="各体系任务（按灯）">
            {systems && (
              <EChart
                option={systems}
                label="各体系任务数量，按红黄绿灯、已办结和未交办分段"
                onClick={(system) => drill({ system })}
              />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card size="small" title="各单位逾期事项">
            {overdue && overview.data!.overdueByDepartment.length > 0 ? (
              <EChart option={overdue} label="各单位逾期事项数量" onClick={(department) => drill({ department })} />
            ) : (
              <Typography.Paragraph>暂无逾期事项</Typography.Paragraph>
            )}
          </Card>
        </Col>
      </Row>
      <Row gutter={[12, 12]} style={{ marginTop: 12 }}>
        <Col xs={24} md={12}>
          <Card size="small" title="指标完成情况">
            {indicators.data && (
              <Row>
                <Col span={6}>
                  <Statistic title="已达标/正常（绿）" value={indicators.data.lights.green} />
                </Col>
                <Col span={6}>
                  <Statistic title="需关注（黄）" value={indicators.data.lights.yellow} />
                </Col>
                <Col span={6}>
                  <Statistic title="滞后（红）" value={indicators.data.lights.red} />
                </Col>
                <Col span={6}>
                  <Statistic title="未报送" value={indicators.data.lights.none} />
                </Col>
              </Row>
            )}
          </Card>
        </Col>
        <Col xs={24} md={12}>
          <Card size="small" title="项目投资完成情况">
            {projects.data && (
              <>
                <Statistic
                  title={`累计完成投资（计划 ${projects.data.investment.planned}${projects.data.investment.unit}）`}
                  value={`${projects.data.investment.completed}万元`}
                />
                {/* No rate while the planned investment is 0 (the api answers null). */}
                {projects.data.investment.percent !== null && (
                  <Progress percent={projects.data.investment.percent} aria-label="投资完成比例" />
                )}
              </>
            )}
          </Card>
        </Col>
      </Row>
    </section>
  );
}
