import { useState } from 'react';
import { Alert, App, Button, Card, InputNumber, Space, Table, Typography, Upload } from 'antd';
import {
  DownloadOutlined,
  FileExcelOutlined,
  FileWordOutlined,
  UploadOutlined,
} from '@ant-design/icons';
import { archiveApi, disclosureApi } from '@pairing/shared';
import { ApiError, hrefOf } from '../../api/client.ts';
import { useI18n } from '../../i18n/index.tsx';
import { importArchive, type ImportAnswer } from './archiveImport.ts';

type Props = {
  pairingId: number;
  /** The pairing's abilities: its sides import, every reader exports. */
  canImport?: boolean;
  canExport?: boolean;
  /** The donor letter's year; the current year by default. */
  year?: number;
};

const maxBytes = 20 * 1024 * 1024;

/**
 * The pairing's archive (R-ARCHIVE): the ledger as Excel (one sheet per record type), the printable
 * archive and the donor's yearly letter as Word, and the import of past records from the same
 * workbook — all or nothing, its row errors listed when refused.
 */
export function ArchiveActions({ pairingId, canImport = true, canExport = true, year }: Props) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [letterYear, setLetterYear] = useState(year ?? new Date().getFullYear());
  const [busy, setBusy] = useState(false);
  const [answer, setAnswer] = useState<ImportAnswer | null>(null);

  const upload = (file: File) => {
    if (!file.name.toLowerCase().endsWith('.xlsx') || file.size > maxBytes) {
      message.error(t('archive.notXlsx'));
      return false;
    }
    setBusy(true);
    setAnswer(null);
    importArchive(pairingId, file)
      .then(setAnswer, (e: Error) =>
        message.error(e instanceof ApiError && e.status === 0 ? t('archive.network') : e.message),
      )
      .finally(() => setBusy(false));
    return false;
  };
  const params = { id: pairingId };

  return (
    <Card title={t('archive.title')} size="small" data-testid="archive-actions">
      {canExport && (
        <Space wrap>
          <Button icon={<FileExcelOutlined />} href={hrefOf(archiveApi.workbook, { params })}>
            {t('archive.xlsx')}
          </Button>
          <Button icon={<FileWordOutlined />} href={hrefOf(archiveApi.document, { params })}>
            {t('archive.docx')}
          </Button>
          <Space.Compact>
            <InputNumber
              aria-label={t('archive.letterYear')}
              min={2000}
              max={2100}
              precision={0}
              value={letterYear}
              onChange={(v) => v && setLetterYear(v)}
              style={{ width: 96 }}
            />
            <Button
              icon={<DownloadOutlined />}
              href={hrefOf(disclosureApi.donorLetter, { params, query: { year: letterYear } })}
              data-testid="donor-letter"
            >
              {t('archive.letter')}
            </Button>
          </Space.Compact>
        </Space>
      )}
      {canImport && (
        <div style={{ marginTop: 16 }}>
          <Typography.Paragraph type="secondary">{t('archive.importHint')}</Typography.Paragraph>
          <Upload accept=".xlsx" showUploadList={false} beforeUpload={upload} disabled={busy}>
            <Button icon={<UploadOutlined />} loading={busy}>
              {busy ? t('archive.importing') : t('archive.import')}
            </Button>
          </Upload>
        </div>
      )}
      {answer?.ok && (
        <Alert
          type="success"
          showIcon
          style={{ marginTop: 12 }}
          title={t('archive.imported', { count: answer.imported.imported })}
          data-testid="archive-imported"
        />
      )}
      {answer && !answer.ok && (
        <div style={{ marginTop: 12 }} data-testid="archive-rejected">
          <Alert
            type="error"
            showIcon
            title={t('archive.rejected', { count: answer.rowCount })}
            style={{ marginBottom: 8 }}
          />
          <Table
            size="small"
            rowKey={(r) => `${r.sheet}-${r.row}-${r.column}-${r.message}`}
            dataSource={answer.rows}
            pagination={answer.rows.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
            scroll={{ x: 480 }}
            columns={[
              { title: t('archive.sheet'), dataIndex: 'sheet', width: 90 },
              { title: t('archive.row'), dataIndex: 'row', width: 60 },
              { title: t('archive.column'), dataIndex: 'column', width: 110 },
              { title: t('archive.problem'), dataIndex: 'message' },
            ]}
          />
        </div>
      )}
    </Card>
  );
}
