import { useState, type ReactNode } from 'react';
import { useParams } from 'react-router';
import {
  Alert,
  Button,
  Card,
  Descriptions,
  Divider,
  Form,
  Input,
  Radio,
  Result,
  Space,
  Spin,
  Typography,
} from 'antd';
import {
  checkinsApi,
  type CheckinAnswer,
  type CheckinInput,
  type PublicCheckinView,
} from '@pairing/shared';
import { ApiError, call } from '../../../api/client.ts';
import { useI18n, type MessageKey } from '../../../i18n/index.tsx';
import { useRequest } from '../../../lib/useRequest.ts';
import { PublicShell } from '../../board/PublicShell.tsx';

/** The form's choice: a roster entry's id, or `typed` with a name. */
type Choice = { who?: number | 'typed'; name?: string };

const narrow = { maxWidth: 480, width: '100%', margin: '0 auto' };

function Shell({ children }: { children: ReactNode }) {
  return (
    <PublicShell>
      <div style={narrow}>{children}</div>
    </PublicShell>
  );
}

/**
 * 扫码签到 (issue 12 item 6), opened from the organizer's QR code without signing in: pick yourself
 * from the roster or type a name, confirm, done. The token in the address is the only key.
 */
export default function PublicCheckinPage() {
  const { token = '' } = useParams();
  const { t } = useI18n();
  const { data, error, loading } = useRequest(
    () => call(checkinsApi.publicView, { params: { token } }),
    [token],
  );

  if (error instanceof ApiError && (error.status === 404 || error.status === 409)) {
    const closed = error.status === 409;
    return (
      <Shell>
        <Result
          status={closed ? 'info' : '404'}
          title={t(closed ? 'checkin.closed' : 'checkin.notFound')}
          subTitle={closed ? undefined : t('checkin.notFoundHint')}
        />
      </Shell>
    );
  }
  return (
    <Shell>
      {loading || !data ? (
        error ? (
          <Alert type="error" showIcon title={error.message} />
        ) : (
          <Spin size="large" className="app-page-spin" />
        )
      ) : (
        <CheckinSteps token={token} event={data} />
      )}
    </Shell>
  );
}

/** The message of a refusal: the refused field's own message when there is one. */
function refusalMessage(e: unknown) {
  if (e instanceof ApiError) return Object.values(e.fields)[0] ?? e.message;
  return e instanceof Error ? e.message : String(e);
}

/** Pick (or type), confirm, success. */
function CheckinSteps({ token, event }: { token: string; event: PublicCheckinView }) {
  const { t } = useI18n();
  const [form] = Form.useForm<Choice>();
  const who = Form.useWatch('who', form);
  const [pending, setPending] = useState<{ input: CheckinInput; name: string } | null>(null);
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [done, setDone] = useState<CheckinAnswer | null>(null);

  if (done) {
    return (
      <Card>
        <Result
          status="success"
          title={t(done.already ? 'checkin.already' : 'checkin.success')}
          subTitle={t('checkin.successHint', { name: done.name })}
          data-testid="checkin-success"
        />
        <EventSummary event={event} />
      </Card>
    );
  }

  const next = (choice: Choice) => {
    setFailure(null);
    if (choice.who === 'typed') {
      const name = (choice.name ?? '').trim();
      setPending({ input: { name }, name });
    } else {
      const entry = event.roster.find((r) => r.id === choice.who)!;
      setPending({ input: { rosterId: entry.id }, name: entry.name });
    }
  };

  const confirm = async () => {
    if (!pending) return;
    setSaving(true);
    try {
      setDone(await call(checkinsApi.checkIn, { params: { token }, body: pending.input }));
    } catch (e) {
      setFailure(refusalMessage(e));
      // Refused input goes back to the choice; a network failure keeps the confirmation to retry.
      if (e instanceof ApiError && e.status === 422) setPending(null);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Card title={t('checkin.pageTitle')}>
      <EventSummary event={event} />
      <Divider />
      {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 12 }} />}
      {pending && (
        <Space orientation="vertical" size="large" style={{ width: '100%' }}>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t('checkin.confirmTitle')}
          </Typography.Title>
          <Typography.Text strong style={{ fontSize: 18 }} data-testid="checkin-confirm-name">
            {t('checkin.confirmAs', { name: pending.name })}
          </Typography.Text>
          <Button type="primary" size="large" block loading={saving} onClick={confirm}>
            {t('checkin.confirm')}
          </Button>
          <Button size="large" block disabled={saving} onClick={() => setPending(null)}>
            {t('checkin.back')}
          </Button>
        </Space>
      )}
      {/* Kept mounted while confirming, so going back finds the choice as it was. */}
      <Form
        form={form}
        layout="vertical"
        onFinish={next}
        requiredMark={false}
        style={pending ? { display: 'none' } : undefined}
      >
        <Form.Item
          name="who"
          label={t('checkin.pickYourself')}
          rules={[{ required: true, message: t('checkin.pickRequired') }]}
        >
          <Radio.Group style={{ width: '100%' }}>
            <Space orientation="vertical" style={{ width: '100%' }}>
              {event.roster.map((r) => (
                <Radio key={r.id} value={r.id} style={{ fontSize: 16, padding: '6px 0' }}>
                  {r.name}
                </Radio>
              ))}
              <Radio value="typed" style={{ fontSize: 16, padding: '6px 0' }}>
                {t('checkin.notOnRoster')}
              </Radio>
            </Space>
          </Radio.Group>
        </Form.Item>
        {who === 'typed' && (
          <Form.Item
            name="name"
            label={t('checkin.name')}
            rules={[{ required: true, whitespace: true, message: t('checkin.nameRequired') }]}
          >
            <Input
              size="large"
              maxLength={40}
              autoComplete="name"
              placeholder={t('checkin.namePlaceholder')}
            />
          </Form.Item>
        )}
        <Button type="primary" size="large" block htmlType="submit">
          {t('checkin.next')}
        </Button>
      </Form>
    </Card>
  );
}

function EventSummary({ event }: { event: PublicCheckinView }) {
  const { t } = useI18n();
  const kind =
    event.type === 'visit'
      ? t('checkin.type.visit')
      : event.category === 'other' && event.categoryLabel
        ? event.categoryLabel
        : event.category
          ? t(`checkin.category.${event.category}` as MessageKey)
          : t('checkin.type.activity');
  return (
    <>
      <Typography.Title level={4} style={{ marginTop: 0 }} data-testid="checkin-event">
        {kind}
      </Typography.Title>
      <Descriptions column={1} size="small">
        <Descriptions.Item label={t('checkin.date')}>{event.date}</Descriptions.Item>
        {event.place && (
          <Descriptions.Item label={t('checkin.place')}>{event.place}</Descriptions.Item>
        )}
        <Descriptions.Item label={t('checkin.parties')}>
          {event.urbanName} — {event.ruralName}
        </Descriptions.Item>
      </Descriptions>
    </>
  );
}
