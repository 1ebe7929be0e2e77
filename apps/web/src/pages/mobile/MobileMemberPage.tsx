import { useState } from 'react';
import { Link, useParams } from 'react-router';
import {
  App,
  Button,
  Card,
  Descriptions,
  Form,
  Input,
  Modal,
  Select,
  Space,
  Spin,
  Typography,
} from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import {
  mobileApi,
  type MobileDutyKind,
  type MobileDutyView,
  type MobileSide,
} from '@pairing/shared';
import { call, hrefOf, newIdempotencyKey } from '../../api/client.ts';
import { ActionBar } from '../../components/ActionBar.tsx';
import { ErrorAlert } from '../../components/ListControls.tsx';
import { ResponsiveTable, type ResponsiveColumns } from '../../components/ResponsiveTable.tsx';
import { useI18n, type MessageKey } from '../../i18n/index.tsx';
import { useFormSubmit } from '../../lib/useFormSubmit.ts';
import { useQueryState } from '../../lib/useQueryState.ts';
import { useRequest } from '../../lib/useRequest.ts';
import { DateField } from '../ledger/form/DateField.tsx';
import { AskModal } from './AskModal.tsx';
import { DutyStatusTag, StateTag } from './labels.tsx';
import { QueryList } from './QueryList.tsx';
import { SendModal } from './SendModal.tsx';

const yearKeys = ['year'] as const;
const thisYear = new Date().getFullYear();

/** One mobile member's file: registration, the year's 八个一, queries, documents. */
export default function MobileMemberPage() {
  const { t } = useI18n();
  const id = Number(useParams().id);
  const { values, update } = useQueryState(yearKeys);
  const year = Number(values.year) || thisYear;
  const request = useRequest(
    () => call(mobileApi.get, { params: { id }, query: { year } }),
    [id, year],
  );
  const [dialog, setDialog] = useState<'send' | 'ask' | 'return' | null>(null);
  const [recording, setRecording] = useState<MobileDutyView | null>(null);
  const done = () => {
    setDialog(null);
    setRecording(null);
    request.reload();
  };

  if (request.error && !request.data)
    return (
      <Card>
        <ErrorAlert error={request.error} />
        <Link to="/mobile">{t('mobile.backToList')}</Link>
      </Card>
    );
  const file = request.data;
  if (!file) return <Spin />;
  const m = file.member;
  const askSides: MobileSide[] = [
    ...(m.abilities.askAsOutflow ? (['outflow'] as const) : []),
    ...(m.abilities.askAsInflow ? (['inflow'] as const) : []),
  ];
  const recordable = (d: MobileDutyView) =>
    m.abilities.record && d.date === null && d.status !== 'notYet';
  const columns: ResponsiveColumns<MobileDutyView> = [
    {
      key: 'duty',
      title: t('mobile.duties'),
      render: (_, d) => t(`mobile.duty.${d.duty}` as MessageKey),
    },
    { key: 'period', title: t('mobile.period'), render: (_, d) => `${d.from} ~ ${d.to}` },
    {
      key: 'status',
      title: t('mobile.dutyStatus'),
      render: (_, d) => <DutyStatusTag t={t} status={d.status} />,
    },
    { key: 'date', title: t('mobile.date'), render: (_, d) => d.date ?? '—' },
    {
      key: 'actions',
      title: t('common.actions'),
      render: (_, d) =>
        recordable(d) && (
          <Button
            size="small"
            onClick={() => setRecording(d)}
            data-testid={`mobile-record-${d.duty}`}
          >
            {t('mobile.record')}
          </Button>
        ),
    },
  ];

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Card
        title={`${t('mobile.file')} · ${m.person.name}`}
        extra={<StateTag t={t} state={m.state} />}
      >
        <Descriptions column={{ xs: 1, md: 2 }} size="small">
          <Descriptions.Item label={t('mobile.certificate')}>
            {m.certificateNumber}
          </Descriptions.Item>
          <Descriptions.Item label={t('mobile.reason')}>
            {t(`mobile.reason.${m.reason}` as MessageKey)}
          </Descriptions.Item>
          <Descriptions.Item label={t('mobile.outflowOrg')}>{m.outflowOrg.name}</Descriptions.Item>
          <Descriptions.Item label={t('mobile.inflowOrg')}>
            {m.inflowOrg?.name ?? '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('mobile.destination')}>
            {m.destination || '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('mobile.leaveDate')}>{m.leaveDate ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('mobile.trainedOn')}>{m.trainedOn ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('mobile.agreementSignedOn')}>
            {m.agreementSignedOn ?? '—'}
          </Descriptions.Item>
          {m.returnedOn && (
            <Descriptions.Item label={t('mobile.returnedOn')}>{m.returnedOn}</Descriptions.Item>
          )}
        </Descriptions>
      </Card>
      <Card
        title={t('mobile.duties')}
        extra={
          <Select
            aria-label={t('mobile.year')}
            value={year}
            onChange={(y) => update({ year: String(y) })}
            options={Array.from({ length: 6 }, (_, i) => thisYear - i).map((y) => ({
              value: y,
              label: `${y}`,
            }))}
            style={{ width: 100 }}
          />
        }
      >
        <ResponsiveTable<MobileDutyView>
          rowKey="duty"
          data-testid="mobile-duties"
          columns={columns}
          dataSource={file.duties}
          pagination={false}
        />
      </Card>
      <Card title={t('mobile.queries')}>
        {file.queries.length === 0 ? (
          <Typography.Text type="secondary">{t('mobile.noQueries')}</Typography.Text>
        ) : (
          <QueryList queries={file.queries} onAnswered={request.reload} />
        )}
      </Card>
      <ActionBar>
        {m.abilities.send && (
          <Button type="primary" onClick={() => setDialog('send')} data-testid="mobile-send">
            {t('mobile.send')}
          </Button>
        )}
        {askSides.length > 0 && (
          <Button onClick={() => setDialog('ask')} data-testid="mobile-ask">
            {t('mobile.ask')}
          </Button>
        )}
        {m.abilities.returnHome && (
          <Button onClick={() => setDialog('return')}>{t('mobile.returnHome')}</Button>
        )}
        <Button icon={<DownloadOutlined />} href={hrefOf(mobileApi.agreement, { params: { id } })}>
          {t('mobile.agreement')}
        </Button>
      </ActionBar>
      {dialog === 'send' && (
        <SendModal
          memberId={id}
          destination={m.destination}
          open
          onClose={() => setDialog(null)}
          onDone={done}
        />
      )}
      {dialog === 'ask' && (
        <AskModal
          memberId={id}
          sides={askSides}
          open
          onClose={() => setDialog(null)}
          onDone={done}
        />
      )}
      {dialog === 'return' && (
        <ReturnModal memberId={id} onClose={() => setDialog(null)} onDone={done} />
      )}
      {recording && (
        <DutyModal
          memberId={id}
          year={year}
          duty={recording.duty}
          min={recording.from}
          onClose={() => setRecording(null)}
          onDone={done}
        />
      )}
    </Space>
  );
}

function DutyModal(props: {
  memberId: number;
  year: number;
  duty: MobileDutyKind;
  min: string;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ date: string; content: string }>();
  const [key] = useState(() => newIdempotencyKey('mobile-duty'));
  const { saving, submit } = useFormSubmit(form, async (values) => {
    await call(mobileApi.recordDuty, {
      params: { id: props.memberId },
      body: {
        year: props.year,
        duty: props.duty,
        date: values.date,
        content: values.content ?? '',
      },
      idempotencyKey: key,
    });
    message.success(t('mobile.recorded'));
    props.onDone();
  });
  return (
    <Modal
      open
      title={`${t(`mobile.duty.${props.duty}` as MessageKey)} · ${props.year}`}
      onCancel={props.onClose}
      onOk={() => form.submit()}
      confirmLoading={saving}
    >
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="date" label={t('mobile.date')} rules={[{ required: true }]}>
          <DateField min={props.min} />
        </Form.Item>
        <Form.Item name="content" label={t('mobile.content')}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function ReturnModal(props: { memberId: number; onClose: () => void; onDone: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ returnedOn: string }>();
  const { saving, submit } = useFormSubmit(form, async (values) => {
    await call(mobileApi.returnHome, { params: { id: props.memberId }, body: values });
    message.success(t('mobile.returned'));
    props.onDone();
  });
  return (
    <Modal
      open
      title={t('mobile.returnHome')}
      onCancel={props.onClose}
      onOk={() => form.submit()}
      confirmLoading={saving}
    >
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="returnedOn" label={t('mobile.returnedOn')} rules={[{ required: true }]}>
          <DateField />
        </Form.Item>
      </Form>
    </Modal>
  );
}
