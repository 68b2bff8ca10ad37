import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Col, Empty, List, Row, Space, Statistic, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router-dom';
import { api, unwrap } from '../../api/client';
import { useAuth } from '../../auth/auth-context';
import { AsOfPicker, useAsOf } from '../../components/as-of';
import { DepartmentPicker } from '../../components/department-picker';
import { accountabilitySections, figureCards, type Accountability, type Line } from './accountability';

/** A line's task page, or its indicator's (`指标14`). */
const linkOf = (code: string) => (code.startsWith('指标') ? `/indicator/${code.slice(2)}` : `/task/${code}`);

/**
 * 单位责任: one department's work — figures, what it must do now, what is overdue, what it leads
 * and supports, what it completed and the 催办/督办 it received. A department sees its own; the
 * office and leaders pick any department of the plan.
 */
export default function AccountabilityPage() {
  const { user } = useAuth();
  const [params, setParams] = useSearchParams();
  const [asOf, setAsOf] = useAsOf();
  const own = user?.role === 'department' ? user.department : undefined;
  const department = own ?? params.get('department') ?? undefined;
  const view = useQuery({
    queryKey: ['accountability', department, asOf],
    enabled: department !== undefined,
    queryFn: () =>
      unwrap(
        api.GET('/departments/{department}/accountability', {
          params: { path: { department: department ?? '' }, query: asOf ? { asOf } : {} },
        }),
      ),
  });
  const pick = (name: string | undefined) =>
    setParams((current) => {
      const next = new URLSearchParams(current);
      if (name) next.set('department', name);
      else next.delete('department');
      return next;
    });

  return (
    <section aria-labelledby="accountability-title">
      <Typography.Title level={1} id="accountability-title" style={{ fontSize: 22 }}>
        单位责任{department ? `：${department}` : ''}
      </Typography.Title>
      <Space direction="vertical" style={{ width: '100%', marginBottom: 12 }}>
        {!own && (
          <DepartmentPicker label="单位" placeholder="选择单位" width={240} value={department} onChange={pick} />
        )}
        <AsOfPicker asOf={asOf} onChange={setAsOf} />
      </Space>
      {!department && <Empty description="请选择单位" />}
      {view.error && <Alert type="error" showIcon message={view.error.message} />}
      {department && view.isLoading && <Card loading />}
      {view.data && <AccountabilityBody data={view.data} />}
    </section>
  );
}

function AccountabilityBody({ data }: { data: Accountability }) {
  return (
    <>
      <Typography.Paragraph type="secondary">截至 {data.asOf}</Typography.Paragraph>
      <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
        {figureCards(data.figures).map((f) => (
          <Col key={f.label} xs={12} sm={8} md={6} lg={4}>
            <Card size="small">
              <Statistic title={f.label} value={f.value} valueStyle={f.warn ? { color: '#a8071a' } : undefined} />
            </Card>
          </Col>
        ))}
      </Row>
      {accountabilitySections(data).map((section) => (
        <Card
          key={section.title}
          size="small"
          title={<h2 style={{ fontSize: 16, margin: 0 }}>{`${section.title}（${section.lines.length}）`}</h2>}
          style={{ marginBottom: 12 }}
          // An empty list is said by its （0）: no body to scroll past.
          styles={{ body: section.lines.length ? { paddingBlock: 4 } : { display: 'none' } }}
        >
          <List<Line>
            size="small"
            dataSource={section.lines}
            renderItem={(line) => (
              <List.Item>
                <Space wrap size={6}>
                  <Link to={linkOf(line.code)}>{line.code}</Link>
                  <Typography.Text type={line.late ? 'danger' : undefined}>{line.text}</Typography.Text>
                </Space>
              </List.Item>
            )}
          />
        </Card>
      ))}
    </>
  );
}
