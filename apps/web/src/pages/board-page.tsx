import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Select, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { api, unwrap } from '../api/client';
import type { Board, BoardItem } from '../api/responses';
import { LightTag } from '../components/light-tag';
import { AsOfPicker } from '../components/as-of';
import { boardFilterOptions, downloadBoard, filtersFrom, type BoardFilters } from './board-filters';

const columns: ColumnsType<BoardItem> = [
  { title: '编号', dataIndex: 'code', width: 72, render: (code: string) => <Link to={`/task/${code}`}>{code}</Link> },
  { title: '任务清单', dataIndex: 'title', ellipsis: true },
  { title: '体系', dataIndex: 'system', width: 120 },
  { title: '状态', dataIndex: 'statusLabel', width: 90 },
  { title: '灯', dataIndex: 'light', width: 90, render: (_, item) => <LightTag light={item.light} /> },
  {
    title: '牵头单位',
    width: 150,
    render: (_, item) =>
      item.departments
        .filter((d) => d.role === 'lead')
        .map((d) => d.name)
        .join('、'),
  },
  { title: '期限', dataIndex: 'dueDate', width: 110, render: (date: string | null) => date ?? '—' },
  {
    title: '剩余天数',
    dataIndex: 'daysLeft',
    width: 90,
    render: (days: number | null) => (days === null ? '—' : days),
  },
  {
    title: '当前责任方',
    width: 200,
    render: (_, row) => row.currentResponsible.map((r) => `${r.party}：${r.action}`).join('；') || '—',
  },
];

type FilterOptions = ReturnType<typeof boardFilterOptions>;

/** The board's filters, each a labelled select over the choices found in the tasks. */
const FILTERS: {
  key: Exclude<keyof BoardFilters, 'asOf'>;
  label: string;
  width: number;
  options: keyof FilterOptions;
  search?: boolean;
}[] = [
  { key: 'system', label: '体系', width: 150, options: 'systems' },
  { key: 'status', label: '状态', width: 120, options: 'statuses' },
  { key: 'light', label: '灯', width: 90, options: 'lights' },
  { key: 'department', label: '单位', width: 180, options: 'departments', search: true },
  { key: 'year', label: '年度', width: 100, options: 'years' },
];

/** 任务台账: every task of the plan with its state, light (as text, reason on hover) and who acts next. */
export default function BoardPage() {
  // Filters live in the address: the 总览 drills down with a link, and a link shows the same list.
  const [params, setParams] = useSearchParams();
  const filters = filtersFrom(params);
  const board = useQuery({
    queryKey: ['board', filters],
    queryFn: () => unwrap<Board>(api.GET('/board', { params: { query: filters } })),
    placeholderData: (previous) => previous,
  });
  const all = useQuery({ queryKey: ['board', {}], queryFn: () => unwrap<Board>(api.GET('/board')), staleTime: 60_000 });
  const options = useMemo(() => boardFilterOptions(all.data?.tasks ?? []), [all.data]);
  const set = (key: keyof BoardFilters) => (value: string | number | undefined) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value === undefined || value === '') next.delete(key);
        else next.set(key, String(value));
        return next;
      },
      { replace: true },
    );

  return (
    <section aria-labelledby="board-title">
      <Typography.Title level={1} id="board-title" style={{ fontSize: 22 }}>
        任务台账
      </Typography.Title>
      <AsOfPicker asOf={filters.asOf} onChange={set('asOf')} />
      <Space wrap style={{ margin: '12px 0' }}>
        {FILTERS.map((filter) => (
          <Select<string | number, { value: string | number; label: string }>
            key={filter.key}
            aria-label={filter.label}
            placeholder={filter.label}
            allowClear
            showSearch={filter.search}
            style={{ width: filter.width }}
            options={options[filter.options]}
            value={filters[filter.key]}
            onChange={set(filter.key)}
          />
        ))}
        <Button onClick={() => void downloadBoard(filters)}>导出 Excel</Button>
      </Space>
      {board.error && <Alert type="error" showIcon message={board.error.message} />}
      <Table<BoardItem>
        rowKey="code"
        size="small"
        loading={board.isFetching}
        dataSource={board.data?.tasks}
        columns={columns}
        pagination={{ pageSize: 50, showSizeChanger: false }}
        scroll={{ x: 1000 }}
      />
      {board.data && (
        <Typography.Text type="secondary">
          截至 {board.data.asOf}，共 {board.data.tasks.length} 项
        </Typography.Text>
      )}
    </section>
  );
}
