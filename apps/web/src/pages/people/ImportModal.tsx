import { useState } from 'react';
import { Alert, App, Button, Form, Modal, Space, Table, Typography, Upload } from 'antd';
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { peopleFilesApi } from '@pairing/shared';
import { ApiError, hrefOf, newIdempotencyKey } from '../../api/client.ts';
import { useMe } from '../../auth/AuthProvider.tsx';
import { OrgSelect } from '../../components/OrgSelect.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { importPeople, type ImportAnswer } from './peopleFiles.ts';

const maxBytes = 20 * 1024 * 1024;
const personOrgKinds = ['village', 'community', 'urban_unit', 'town'] as const;

/**
 * 导入: the template of the chosen organization, then the filled-in workbook — all or nothing,
 * its row errors listed when refused (numbers in them masked by the server).
 */
export function ImportModal({
  onClose,
  onImported,
}: {
  onClose: () => void;
  onImported: () => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const me = useMe();
  const ownOrg = me.role === 'village_admin' || me.role === 'unit_admin';
  const [orgId, setOrgId] = useState<number | undefined>(ownOrg ? me.orgId : undefined);
  const [busy, setBusy] = useState(false);
  const [answer, setAnswer] = useState<ImportAnswer | null>(null);

  const upload = (file: File) => {
    if (!orgId) return false;
    if (!file.name.toLowerCase().endsWith('.xlsx') || file.size > maxBytes) {
      message.error(t('people.notXlsx'));
      return false;
    }
    setBusy(true);
    setAnswer(null);
    importPeople(orgId, file, newIdempotencyKey('people-import'))
      .then(
        (a) => {
          setAnswer(a);
          if (a.ok) onImported();
        },
        (e: Error) =>
          message.error(e instanceof ApiError && e.status === 0 ? t('archive.network') : e.message),
      )
      .finally(() => setBusy(false));
    return false;
  };

  return (
    <Modal open title={t('people.importTitle')} onCancel={onClose} footer={null} destroyOnHidden>
      <Typography.Paragraph type="secondary">{t('people.importHint')}</Typography.Paragraph>
      <Form layout="vertical">
        <Form.Item label={t('people.importOrg')} required>
          <OrgSelect
            kinds={personOrgKinds}
            ariaLabel={t('people.importOrg')}
            value={orgId}
            onChange={setOrgId}
            initialOption={ownOrg ? { value: me.orgId, label: me.orgName } : undefined}
          />
        </Form.Item>
      </Form>
      <Space wrap>
        <Button
          icon={<DownloadOutlined />}
          disabled={!orgId}
          href={orgId ? hrefOf(peopleFilesApi.template, { params: { id: orgId } }) : undefined}
        >
          {t('people.template')}
        </Button>
        <Upload
          accept=".xlsx"
          showUploadList={false}
          beforeUpload={upload}
          disabled={busy || !orgId}
        >
          <Button type="primary" icon={<UploadOutlined />} loading={busy} disabled={!orgId}>
            {busy ? t('people.importing') : t('people.upload')}
          </Button>
        </Upload>
      </Space>
      {answer?.ok && (
        <Alert
          type="success"
          showIcon
          style={{ marginTop: 12 }}
          title={t('people.imported', { count: answer.imported })}
          data-testid="people-imported"
        />
      )}
      {answer && !answer.ok && (
        <div style={{ marginTop: 12 }} data-testid="people-rejected">
          <Alert
            type="error"
            showIcon
            title={t('people.rejected', { count: answer.rowCount })}
            style={{ marginBottom: 8 }}
          />
          <Table
            size="small"
            rowKey={(r) => `${r.row}-${r.column}-${r.message}`}
            dataSource={answer.rows}
            pagination={answer.rows.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
            columns={[
              { title: t('people.row'), dataIndex: 'row', width: 56 },
              { title: t('people.column'), dataIndex: 'column', width: 90 },
              { title: t('people.problem'), dataIndex: 'message' },
            ]}
          />
        </div>
      )}
    </Modal>
  );
}
