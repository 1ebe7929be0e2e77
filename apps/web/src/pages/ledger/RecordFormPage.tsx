import { useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { Alert, App, Button, Card, Form, Result, Select, Space, Spin } from 'antd';
import { ArrowLeftOutlined, SendOutlined } from '@ant-design/icons';
import { ledgerApi, recordTypes, type PairingView, type RecordType } from '@pairing/shared';
import { ApiError, call, newIdempotencyKey } from '../../api/client.ts';
import { useI18n } from '../../i18n/index.tsx';
import { useIsPhone } from '../../lib/useIsPhone.ts';
import { useRequest } from '../../lib/useRequest.ts';
import { submitRecord } from '../../offline/outbox.ts';
import { chinaToday, defaultQuarter, reportQuarters } from './dates.ts';
import { showIssues } from './form/fieldErrors.ts';
import { PhotoPicker } from './form/PhotoPicker.tsx';
import { RecordFields } from './form/RecordFields.tsx';
import { parseRecord, type RecordValues } from './form/validate.ts';
import { compactCard } from './labels.tsx';
import './ledger.css';

const asType = (v: string | null): RecordType => recordTypes.find((type) => type === v) ?? 'visit';

/** 记一笔: one form per record type, with photos, sent (or kept for later) in one go. */
export default function RecordFormPage() {
  const { id } = useParams();
  const { t } = useI18n();
  const { data, error, loading } = useRequest(
    () => call(ledgerApi.get, { params: { id: Number(id) } }),
    [id],
  );
  if (loading && !data) return <Spin size="large" className="app-page-spin" />;
  if (error instanceof ApiError && error.status === 404)
    return <Result status="404" title={t('pairing.notFound')} />;
  if (error || !data) return <Alert type="error" showIcon title={error?.message} />;
  if (!data.abilities.record)
    return (
      <Result
        status="403"
        title={t('record.mayNotRecord')}
        extra={<Link to={`/pairings/${data.id}`}>{t('record.backToPairing')}</Link>}
      />
    );
  return <RecordForm pairing={data} />;
}

function RecordForm({ pairing }: { pairing: PairingView }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const phone = useIsPhone();
  const [params, setParams] = useSearchParams();
  const type = asType(params.get('type'));
  const [form] = Form.useForm<RecordValues>();
  const [files, setFiles] = useState<File[]>([]);
  const [sending, setSending] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  // One key for this record, kept across retries so a resend cannot record it twice.
  const [idempotencyKey, setIdempotencyKey] = useState(() => newIdempotencyKey('record'));
  const today = chinaToday();
  const lastDay = pairing.termEnd < today ? pairing.termEnd : today;
  const quarters = reportQuarters(pairing.termStart, pairing.termEnd, lastDay);

  const submit = async () => {
    setProblem(null);
    const parsed = parseRecord(t, type, form.getFieldsValue(true) as RecordValues);
    if (!parsed.ok) {
      const shown = showIssues(form, parsed.issues);
      setProblem(t('record.fixErrors', { n: shown.length }));
      return;
    }
    setSending(true);
    try {
      const result = await submitRecord({
        pairingId: pairing.id,
        input: parsed.input,
        files,
        idempotencyKey,
      });
      if (result.status === 'sent') {
        message.success(t('record.sent'));
        navigate(`/records/${result.recordId}`, { replace: true });
      } else {
        message.info(t('record.queued'));
        navigate(`/pairings/${pairing.id}?tab=records`, { replace: true });
      }
    } catch (e) {
      if (e instanceof ApiError) {
        showIssues(form, fieldIssues(e));
        // The server keeps its refusal under the key: the corrected record is another request.
        setIdempotencyKey(newIdempotencyKey('record'));
      }
      setProblem(e instanceof Error ? e.message : String(e));
    } finally {
      setSending(false);
    }
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        title={t('record.newTitle')}
        extra={
          <Link to={`/pairings/${pairing.id}?tab=records`} aria-label={t('record.backToPairing')}>
            <ArrowLeftOutlined /> {phone ? '' : t('record.backToPairing')}
          </Link>
        }
        styles={phone ? compactCard : undefined}
      >
        <div className="ledger-card-meta">
          {pairing.urbanOrg.name} ↔ {pairing.ruralOrg.name}
        </div>
        <Select
          value={type}
          onChange={(next) => setParams({ type: next }, { replace: true })}
          options={recordTypes.map((value) => ({ value, label: t(`recordType.${value}`) }))}
          style={{ width: '100%', marginBottom: 16 }}
          size="large"
          aria-label={t('record.type')}
          data-testid="record-type"
        />
        <Form
          form={form}
          layout="vertical"
          requiredMark
          initialValues={{
            date: lastDay,
            place: '',
            narrative: '',
            people: { rosterIds: [], others: [] },
            department: false,
            form: 'cash',
            source: 'unit',
            channel: 'direct',
            purpose: '',
            receiptNo: '',
            milestone: '',
            passed: true,
            quarter: defaultQuarter(quarters, today),
            body: '',
          }}
          onValuesChange={() => problem && setProblem(null)}
          data-testid="record-form"
        >
          <RecordFields type={type} pairing={pairing} lastDay={lastDay} />
          <Form.Item label={t('record.files')}>
            <PhotoPicker files={files} onChange={setFiles} />
          </Form.Item>
        </Form>
      </Card>
      {problem && <Alert type="error" showIcon title={problem} data-testid="record-problem" />}
      <div className="ledger-actions">
        <Button
          type="primary"
          size="large"
          icon={<SendOutlined />}
          loading={sending}
          onClick={submit}
          data-testid="record-submit"
        >
          {t('record.submit')}
        </Button>
      </div>
    </Space>
  );
}

/** A refusal's per-field messages (422), in the shape the form's issues take. */
const fieldIssues = (e: ApiError) =>
  Object.entries(e.fields).map(([name, message]) => ({
    path: name.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part)),
    message,
  }));
