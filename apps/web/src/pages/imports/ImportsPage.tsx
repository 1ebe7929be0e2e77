import { useEffect, useState } from 'react';
import {
  Alert,
  Button,
  Card,
  Col,
  Progress,
  Result,
  Row,
  Segmented,
  Space,
  Steps,
  Typography,
  Upload,
} from 'antd';
import { DownloadOutlined, FileExcelOutlined, InboxOutlined } from '@ant-design/icons';
import { importsApi, type ImportJob } from '@pairing/shared';
import { ResponsiveTable } from '../../components/ResponsiveTable.tsx';
import { call, hrefOf } from '../../api/client.ts';
import { useMe } from '../../auth/AuthProvider.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { mayDo } from '../orgs/mayDo.ts';
import { useImportJob } from './useImportJob.ts';
import { importKinds, workbooks, type ImportKind } from './workbooks.ts';

const maxBytes = 20 * 1024 * 1024;
const errorPageSize = 20;

/** The failed job's errors, a page at a time from the server (it keeps the first 1,000). */
function useErrorPage(job: ImportJob, page: number) {
  const [errors, setErrors] = useState(job.errors.slice(0, errorPageSize));
  useEffect(() => {
    let alive = true;
    const offset = (page - 1) * errorPageSize;
    call(importsApi.job, {
      params: { jobId: job.id },
      query: { offset, limit: errorPageSize },
    })
      .then((current) => {
        if (alive) setErrors(current.errors);
      })
      .catch(() => {
        if (alive) setErrors([]);
      });
    return () => {
      alive = false;
    };
  }, [job.id, page]);
  return errors;
}

function JobErrors({ job }: { job: ImportJob }) {
  const { t } = useI18n();
  const [page, setPage] = useState(1);
  const errors = useErrorPage(job, page);
  return (
    <>
      {job.errorCount > job.errorsKept && (
        <Typography.Paragraph type="secondary">
          {t('imports.errorsKept', { kept: job.errorsKept })}
        </Typography.Paragraph>
      )}
      <ResponsiveTable
        rowKey={(row) => `${row.row}-${row.column}-${row.message}`}
        size="small"
        dataSource={errors}
        pagination={
          job.errorsKept > errorPageSize
            ? {
                pageSize: errorPageSize,
                current: page,
                total: job.errorsKept,
                showSizeChanger: false,
                onChange: setPage,
              }
            : false
        }
        columns={[
          { title: t('imports.row'), dataIndex: 'row', width: 80 },
          { title: t('imports.column'), dataIndex: 'column', width: 160 },
          { title: t('imports.problem'), dataIndex: 'message' },
        ]}
        data-testid="import-errors"
      />
    </>
  );
}

function JobStatus({ job }: { job: ImportJob }) {
  const { t } = useI18n();
  const percent = job.total ? Math.floor((job.processed / job.total) * 100) : 0;
  if (job.status === 'running') {
    return (
      <div data-testid="import-progress">
        <Typography.Text>
          {t('imports.running', { processed: job.processed, total: job.total || '…' })}
        </Typography.Text>
        <Progress percent={percent} status="active" aria-label={t('imports.title')} />
      </div>
    );
  }
  if (job.status === 'done') {
    return (
      <Result
        status="success"
        title={t('imports.doneTitle')}
        subTitle={t('imports.done', { imported: job.imported, total: job.total })}
        data-testid="import-done"
      />
    );
  }
  return (
    <div data-testid="import-failed">
      <Alert
        type="error"
        showIcon
        title={t('imports.failedTitle', { count: job.errorCount })}
        description={t('imports.nothingImported')}
        style={{ marginBottom: 12 }}
      />
      <JobErrors job={job} />
    </div>
  );
}

export default function ImportsPage() {
  const { t } = useI18n();
  const me = useMe();
  const kinds = importKinds.filter((k) => mayDo(me, workbooks[k].ability));
  const [kind, setKind] = useState<ImportKind>(kinds[0]);
  const [fileError, setFileError] = useState<string | null>(null);
  const { job, uploading, error, start, clear } = useImportJob();
  const busy = uploading || job?.status === 'running';

  const choose = (file: File) => {
    setFileError(null);
    if (!file.name.toLowerCase().endsWith('.xlsx')) setFileError(t('imports.notXlsx'));
    else if (file.size > maxBytes) setFileError(t('imports.tooLarge'));
    else void start(kind, file);
    return false;
  };

  const kindLabel = kind === 'units' ? t('imports.units') : t('imports.weakVillages');

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={16}>
        <Card title={t('imports.title')}>
          <Space direction="vertical" size="large" style={{ width: '100%' }}>
            <Segmented<ImportKind>
              value={kind}
              disabled={busy}
              onChange={(value) => {
                setKind(value);
                setFileError(null);
                clear();
              }}
              options={kinds.map((value) => ({
                value,
                label: value === 'units' ? t('imports.units') : t('imports.weakVillages'),
              }))}
              data-testid="import-kind"
            />
            <Steps
              size="small"
              current={job ? 2 : 1}
              items={[
                { title: t('imports.step1') },
                { title: t('imports.step2') },
                { title: t('imports.step3') },
              ]}
            />
            <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
              {kind === 'units' ? t('imports.unitsHelp') : t('imports.weakHelp')}
            </Typography.Paragraph>
            <Button icon={<DownloadOutlined />} href={hrefOf(workbooks[kind].template)} download>
              {t('imports.template', { kind: kindLabel })}
            </Button>
            <Upload.Dragger
              accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              multiple={false}
              showUploadList={false}
              disabled={busy}
              beforeUpload={choose}
              data-testid="import-upload"
            >
              <p className="ant-upload-drag-icon">
                <InboxOutlined />
              </p>
              <p className="ant-upload-text">{t('imports.drop', { kind: kindLabel })}</p>
              <p className="ant-upload-hint">{t('imports.dropHint')}</p>
            </Upload.Dragger>
            {uploading && !job && <Progress percent={0} status="active" showInfo={false} />}
            {(fileError || error) && (
              <Alert type="error" showIcon title={fileError || error} data-testid="import-error" />
            )}
            {job && <JobStatus job={job} />}
          </Space>
        </Card>
      </Col>
      <Col xs={24} xl={8}>
        <Card title={t('imports.exports')}>
          <Typography.Paragraph type="secondary">{t('imports.exportsHelp')}</Typography.Paragraph>
          <Space direction="vertical" style={{ width: '100%' }}>
            {kinds.includes('units') && (
              <Button
                block
                icon={<FileExcelOutlined />}
                href={hrefOf(workbooks.units.export)}
                download
              >
                {t('imports.exportUnits')}
              </Button>
            )}
            {kinds.includes('weak-villages') && (
              <Button
                block
                icon={<FileExcelOutlined />}
                href={hrefOf(workbooks['weak-villages'].export)}
                download
              >
                {t('imports.exportWeak')}
              </Button>
            )}
          </Space>
        </Card>
      </Col>
    </Row>
  );
}
