import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Result, Space, Typography, Upload } from 'antd';
import { useRef, useState } from 'react';
import { api, unwrap } from '../../api/client';
import { ApiError } from '../../api/errors';
import type { components } from '../../api/schema';
import { showError } from '../../components/show-error';
import { usePlanId } from '../../api/own-plan';
import { checkFile, type ChosenFile } from './chosen-file';
import { problemsOf, type Problem } from './problems';
import { importOutcome, type ValidationReport } from './report';
import { ProblemTable, ReportComparison, ReportView } from './report-view';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

type Imported = components['schemas']['PlanImportResult'];

type Outcome =
  | { kind: 'checked'; result: Imported; before?: ValidationReport }
  | { kind: 'imported'; result: Imported; before?: ValidationReport }
  | { kind: 'refused'; message: string; problems: Problem[] };

/**
 * Sends the checked file: a plan file to POST /plans, a task sheet to replace the plan's task list.
 * A dry run (on picking) answers the server's report of the file and appends nothing.
 */
function send(chosen: ChosenFile, planId: string, dryRun: boolean): Promise<Imported> {
  const query = dryRun ? { dryRun } : {};
  if (chosen.kind === 'json')
    return unwrap(api.POST('/plans', { params: { query }, body: chosen.body as { id: string } }));
  return unwrap(
    api.PUT('/plans/{planId}/tasks', {
      params: { path: { planId }, query },
      body: chosen.file as unknown as string,
      bodySerializer: (file) => file as unknown as Blob,
      headers: { 'Content-Type': XLSX },
    }),
  );
}

/** 计划导入: pick a plan file or a task sheet, see it checked, import it, and read the report before and after. */
export default function PlanImportPage() {
  const planId = usePlanId();
  const queryClient = useQueryClient();
  const [chosen, setChosen] = useState<ChosenFile>();
  const [pickError, setPickError] = useState<string>();
  const [outcome, setOutcome] = useState<Outcome>();
  const [busy, setBusy] = useState(false);
  const current = useQuery({
    queryKey: ['plan', planId, 'validation-report'],
    enabled: planId !== undefined,
    queryFn: () =>
      unwrap(api.GET('/plans/{planId}/validation-report', { params: { path: { planId: planId ?? '' } } })).then(
        (report) => report ?? null,
      ),
  });
  const before = current.data ?? undefined;

  // Only the last request's answer counts: a dry run may answer after a newer pick or the import.
  const requests = useRef(0);

  const pick = async (file: File) => {
    requests.current++;
    setOutcome(undefined);
    const checked = await checkFile(file);
    setChosen(checked.ok ? checked.chosen : undefined);
    setPickError(checked.ok ? undefined : checked.message);
    if (checked.ok && planId) await submit(checked.chosen, planId, true);
  };

  /** The dry run does not hold the 导入 button: the office may import without waiting for the check. */
  const submit = async (file: ChosenFile, plan: string, dryRun: boolean) => {
    const request = ++requests.current;
    const current = () => request === requests.current;
    if (!dryRun) setBusy(true);
    try {
      const result = await send(file, plan, dryRun);
      if (!dryRun)
        for (const queryKey of [['plan'], ['board'], ['todo'], ['tasks'], ['organisations']])
          void queryClient.invalidateQueries({ queryKey });
      if (!current()) return;
      setOutcome({ kind: dryRun ? 'checked' : 'imported', result, before });
      if (!dryRun) setChosen(undefined);
    } catch (error) {
      if (!current()) return;
      const problems = problemsOf(error);
      if (error instanceof ApiError && error.status === 400)
        setOutcome({ kind: 'refused', message: error.message, problems });
      else showError(error);
    } finally {
      if (!dryRun) setBusy(false);
    }
  };

  const importFile = () => (chosen && planId ? submit(chosen, planId, false) : undefined);

  return (
    <section aria-labelledby="import-title">
      <Typography.Title level={1} id="import-title" style={{ fontSize: 22 }}>
        计划导入
      </Typography.Title>
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <Card size="small" title="上传计划文件">
          <Upload.Dragger
            accept=".json,.xlsx"
            multiple={false}
            showUploadList={false}
            beforeUpload={(file) => {
              void pick(file);
              return false;
            }}
          >
            <p className="ant-upload-text">点击或将文件拖到此处</p>
            <p className="ant-upload-hint">
              .json 计划文件（整个计划），或 .xlsx 任务清单表格（附件3 的列，替换当前计划的任务清单）
            </p>
          </Upload.Dragger>
          {pickError && <Alert type="error" showIcon style={{ marginTop: 12 }} message={pickError} />}
          {chosen && <ChosenSummary chosen={chosen} planId={planId} busy={busy} onImport={importFile} />}
        </Card>
        <Card size="small" title="校验报告">
          {outcome?.kind === 'refused' ? (
            <Result status="error" title="文件未通过校验，未导入任何内容" subTitle={outcome.message}>
              {outcome.problems.length > 0 && <ProblemTable problems={outcome.problems} />}
            </Result>
          ) : outcome?.kind === 'imported' || outcome?.kind === 'checked' ? (
            <Imported outcome={outcome} />
          ) : before ? (
            <ReportView report={before} caption="当前计划的校验报告（导入前）" />
          ) : (
            <Typography.Paragraph type="secondary">
              {current.isLoading ? '正在读取当前计划的校验报告…' : '当前计划尚无校验报告'}
            </Typography.Paragraph>
          )}
        </Card>
      </Space>
    </section>
  );
}

function ChosenSummary(props: { chosen: ChosenFile; planId?: string; busy: boolean; onImport(): void }) {
  const { chosen, planId } = props;
  return (
    <div style={{ marginTop: 16 }}>
      <Descriptions size="small" column={{ xs: 1, md: 2 }} title="待导入文件" bordered>
        <Descriptions.Item label="文件">{chosen.name}</Descriptions.Item>
        <Descriptions.Item label="大小">{(chosen.size / 1024).toFixed(1)} KB</Descriptions.Item>
        {chosen.kind === 'json' ? (
          <>
            <Descriptions.Item label="计划编号">{chosen.plan.id}</Descriptions.Item>
            <Descriptions.Item label="计划版本">{chosen.plan.planVersion ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="计划名称">{chosen.plan.title ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="任务数">{chosen.plan.tasks}</Descriptions.Item>
          </>
        ) : (
          <Descriptions.Item label="导入到">计划 {planId} 的任务清单（整表替换）</Descriptions.Item>
        )}
      </Descriptions>
      {chosen.kind === 'json' && planId && chosen.plan.id !== planId && (
        <Alert
          type="warning"
          showIcon
          style={{ marginTop: 12 }}
          message={`文件的计划编号 ${chosen.plan.id} 与当前计划 ${planId} 不同，将作为另一项计划导入`}
        />
      )}
      <Button type="primary" style={{ marginTop: 12 }} loading={props.busy} onClick={props.onImport}>
        校验并导入
      </Button>
    </div>
  );
}

/** The server's answer: after a dry run what an import would do, after an import what it did. */
function Imported({ outcome }: { outcome: Extract<Outcome, { kind: 'imported' | 'checked' }> }) {
  const after = outcome.result.report;
  const checked = outcome.kind === 'checked';
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Result
        status={checked || outcome.result.appended === 0 ? 'info' : 'success'}
        title={importOutcome(outcome.result)}
        style={{ padding: '16px 0' }}
      />
      {after && (
        <>
          <ReportComparison before={outcome.before} after={after} afterLabel={checked ? '导入后（预计）' : '导入后'} />
          <ReportView report={after} caption={checked ? '导入前（校验结果）' : '导入后的校验报告'} />
        </>
      )}
    </Space>
  );
}
