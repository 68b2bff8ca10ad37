import { Alert, DatePicker, Space } from 'antd';
import dayjs from 'dayjs';
import { useSearchParams } from 'react-router-dom';

/** 历史回看: the `asOf` of the page's views, kept in the address so a link shows the same past. */
export function useAsOf(): [string | undefined, (date: string | undefined) => void] {
  const [params, setParams] = useSearchParams();
  const asOf = params.get('asOf') ?? undefined;
  const set = (date: string | undefined) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (date) next.set('asOf', date);
        else next.delete('asOf');
        return next;
      },
      { replace: true },
    );
  return [asOf, set];
}

/** The date picker and, while a past date is chosen, a banner that says the page shows the past. */
export function AsOfPicker({ asOf, onChange }: { asOf: string | undefined; onChange(date: string | undefined): void }) {
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <label htmlFor="as-of">历史回看</label>
        <DatePicker
          id="as-of"
          value={asOf ? dayjs(asOf) : null}
          placeholder="选择日期"
          onChange={(date) => onChange(date ? date.format('YYYY-MM-DD') : undefined)}
        />
      </Space>
      {asOf && <AsOfBanner asOf={asOf} onBack={() => onChange(undefined)} />}
    </Space>
  );
}

export function AsOfBanner({ asOf, onBack }: { asOf: string; onBack(): void }) {
  return (
    <Alert
      type="warning"
      showIcon
      message={`正在查看 ${asOf} 当日结束时的历史状态，不是当前情况`}
      action={
        <a role="button" tabIndex={0} onClick={onBack} onKeyDown={(e) => e.key === 'Enter' && onBack()}>
          返回当前
        </a>
      }
    />
  );
}
