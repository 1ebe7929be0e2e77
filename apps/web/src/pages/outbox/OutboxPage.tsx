import { App, Alert, Button, Card, Empty, Popconfirm, Space, Spin, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import type { MessageKey } from '../../i18n/index.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { discardEntry, retryEntry, syncOutbox, type OutboxEntry } from '../../offline/outbox.ts';
import { useOutbox } from '../../offline/useOutbox.ts';

const time = (ms: number) => dayjs(ms).format('MM-DD HH:mm');

/** What the record is about, from what the user entered: its type, date and place or quarter. */
function summary(entry: OutboxEntry, t: (key: MessageKey) => string) {
  const input = entry.input;
  const detail = input.type === 'report' ? input.quarter : input.place;
  return [t(`outbox.type.${input.type}` as MessageKey), input.date, detail]
    .filter(Boolean)
    .join(' · ');
}

function StateTag({ entry }: { entry: OutboxEntry }) {
  const { t } = useI18n();
  if (entry.state === 'failed') return <Tag color="error">{t('outbox.state.failed')}</Tag>;
  if (entry.recordId !== null) {
    return <Tag color="processing">{t('outbox.state.photosPending')}</Tag>;
  }
  return <Tag color="default">{t('outbox.state.queued')}</Tag>;
}

function EntryItem({ entry }: { entry: OutboxEntry }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const sent = entry.files.filter((file) => file.sent).length;
  const act = async (run: () => Promise<unknown>, done?: string) => {
    try {
      await run();
      if (done) message.success(done);
    } catch (e) {
      message.error(e instanceof Error ? e.message : String(e));
    }
  };

  const actions = [
    <Popconfirm
      key="discard"
      title={t(entry.recordId === null ? 'outbox.discardConfirm' : 'outbox.discardCreatedConfirm')}
      onConfirm={() => act(() => discardEntry(entry.key), t('outbox.discarded'))}
    >
      <Button size="small" type="text" danger>
        {t('outbox.discard')}
      </Button>
    </Popconfirm>,
  ];
  if (entry.state === 'failed') {
    actions.unshift(
      <Button key="retry" size="small" type="text" onClick={() => act(() => retryEntry(entry.key))}>
        {t('outbox.retry')}
      </Button>,
    );
  }

  return (
    <Card
      size="small"
      data-testid="outbox-entry"
      title={
        <Space wrap size={4}>
          <StateTag entry={entry} />
          <span>{summary(entry, t)}</span>
        </Space>
      }
      actions={actions}
    >
      <Space orientation="vertical" size={0}>
        <Typography.Text type="secondary">
          {t('outbox.pairing', { id: entry.pairingId })} ·{' '}
          {entry.files.length
            ? t('outbox.files', { count: entry.files.length, sent })
            : t('outbox.noFiles')}
        </Typography.Text>
        <Typography.Text type="secondary">
          {t('outbox.savedAt', { time: time(entry.createdAt) })}
          {entry.triedAt !== null
            ? `，${t('outbox.tried', { count: entry.attempts, time: time(entry.triedAt) })}`
            : null}
        </Typography.Text>
        {entry.error ? (
          <Typography.Text type={entry.state === 'failed' ? 'danger' : 'warning'}>
            {entry.error}
          </Typography.Text>
        ) : null}
      </Space>
    </Card>
  );
}

/**
 * 待发送记录: what this device keeps for the signed-in user until the server has it — queued
 * records (sent automatically) and refused ones, each to retry or discard.
 */
export default function OutboxPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { entries, error, syncing, online } = useOutbox();
  const queued = entries?.some((entry) => entry.state === 'queued') ?? false;

  return (
    <Card title={t('outbox.title')}>
      <Space wrap style={{ marginBottom: 12 }}>
        <Tag color={online ? 'success' : 'default'} data-testid="outbox-network">
          {online ? t('outbox.online') : t('outbox.offline')}
        </Tag>
        <Button
          type="primary"
          size="small"
          loading={syncing}
          disabled={!online || !queued}
          onClick={() =>
            syncOutbox().catch((e: unknown) =>
              message.error(e instanceof Error ? e.message : String(e)),
            )
          }
        >
          {syncing ? t('outbox.syncing') : t('outbox.sendNow')}
        </Button>
      </Space>
      <Typography.Paragraph type="secondary">{t('outbox.help')}</Typography.Paragraph>
      {error ? (
        <Alert type="error" showIcon title={t('outbox.loadFailed', { message: error.message })} />
      ) : entries === null ? (
        <Spin className="app-page-spin" />
      ) : entries.length === 0 ? (
        <Empty description={t('outbox.empty')} />
      ) : (
        <Space orientation="vertical" size="small" style={{ width: '100%' }}>
          {entries.map((entry) => (
            <EntryItem key={entry.key} entry={entry} />
          ))}
        </Space>
      )}
    </Card>
  );
}
