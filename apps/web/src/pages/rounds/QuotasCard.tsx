import { useState } from 'react';
import { App, Alert, Button, Card, Form, Input, InputNumber, Modal, Progress, Table } from 'antd';
import type { TableColumnsType } from 'antd';
import { FileWordOutlined, PlusOutlined } from '@ant-design/icons';
import {
  roundsApi,
  type QuotaInput,
  type QuotaView,
  type RoundWithAbilities,
} from '@pairing/shared';
import { call, hrefOf } from '../../api/client.ts';
import { OrgSelect } from '../../components/OrgSelect.tsx';
import { enumLabel, useI18n } from '../../i18n/index.tsx';
import { useFormSubmit } from '../../lib/useFormSubmit.ts';
import { useRequest } from '../../lib/useRequest.ts';

type Values = Omit<QuotaInput, 'note'> & { note?: string };

const quotaKinds = ['district', 'working_committee'] as const;

function Done({ done, target }: { done: number; target: number }) {
  const percent = target ? Math.min(100, Math.round((done / target) * 100)) : 100;
  return (
    <div style={{ minWidth: 120 }}>
      {done} / {target}
      <Progress percent={percent} size="small" showInfo={false} />
    </div>
  );
}

/** 任务建议书 (R-QUOTA): what each district or working committee's units must cover. */
export function QuotasCard({ round }: { round: RoundWithAbilities }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [editing, setEditing] = useState<QuotaView | 'new' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const { data, loading, reload } = useRequest(
    () => call(roundsApi.quotas, { params: { id: round.id } }),
    [round.id],
  );
  const editable = round.abilities.setQuotas;

  const open = (quota: QuotaView | 'new') => {
    setError(null);
    form.resetFields();
    if (quota !== 'new') form.setFieldsValue({ ...quota, note: quota.note ?? undefined });
    setEditing(quota);
  };

  const { saving, submit: save } = useFormSubmit(
    form,
    async (values: Values) => {
      setError(null);
      await call(roundsApi.setQuota, {
        params: { id: round.id },
        body: { ...values, note: values.note || null },
      });
      message.success(t('common.saved'));
      setEditing(null);
      reload();
    },
    setError,
  );

  const columns: TableColumnsType<QuotaView> = [
    { title: t('quotas.org'), dataIndex: 'orgName' },
    {
      title: t('org.kind'),
      dataIndex: 'orgKind',
      width: 110,
      render: (kind: string) => enumLabel(t, 'kind', kind),
    },
    {
      title: t('quotas.towns'),
      key: 'towns',
      render: (_, q) => <Done done={q.progress.towns} target={q.towns} />,
    },
    {
      title: t('quotas.villages'),
      key: 'villages',
      render: (_, q) => <Done done={q.progress.villages} target={q.villages} />,
    },
    {
      title: t('quotas.weakVillages'),
      key: 'weak',
      render: (_, q) => <Done done={q.progress.weakVillages} target={q.weakVillages} />,
    },
    { title: t('quotas.note'), dataIndex: 'note', render: (v) => v || '—' },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 200,
      render: (_, q) => (
        <>
          <Button
            type="link"
            size="small"
            icon={<FileWordOutlined />}
            href={hrefOf(roundsApi.quotaLetter, { params: { id: round.id, quotaId: q.id } })}
            download
          >
            {t('quotas.letter')}
          </Button>
          {editable && (
            <Button type="link" size="small" onClick={() => open(q)}>
              {t('common.edit')}
            </Button>
          )}
        </>
      ),
    },
  ];

  return (
    <Card
      title={t('quotas.title')}
      extra={
        editable && (
          <Button icon={<PlusOutlined />} onClick={() => open('new')}>
            {t('quotas.add')}
          </Button>
        )
      }
    >
      <Table
        rowKey="id"
        size="small"
        loading={loading}
        columns={columns}
        dataSource={data?.items ?? []}
        pagination={false}
        locale={{ emptyText: t('quotas.empty') }}
      />
      <Modal
        open={editing !== null}
        title={t('quotas.edit')}
        okText={t('common.save')}
        confirmLoading={saving}
        onOk={() => form.submit()}
        onCancel={() => setEditing(null)}
        destroyOnHidden
      >
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
        <Form
          form={form}
          layout="vertical"
          onFinish={save}
          initialValues={{ towns: 0, villages: 0, weakVillages: 0 }}
        >
          <Form.Item
            name="orgId"
            label={t('quotas.org')}
            rules={[{ required: true, message: t('quotas.orgRequired') }]}
          >
            <OrgSelect
              kinds={quotaKinds}
              placeholder={t('users.orgPlaceholder')}
              initialOption={
                editing && editing !== 'new'
                  ? { value: editing.orgId, label: editing.orgName }
                  : undefined
              }
            />
          </Form.Item>
          <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr 1fr', columnGap: 12 }}>
            {(['towns', 'villages', 'weakVillages'] as const).map((name) => (
              <Form.Item
                key={name}
                name={name}
                label={t(`quotas.${name}`)}
                rules={[{ required: true }]}
              >
                <InputNumber min={0} precision={0} style={{ width: '100%' }} />
              </Form.Item>
            ))}
          </div>
          <Form.Item name="note" label={t('quotas.note')}>
            <Input.TextArea rows={3} maxLength={1000} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
