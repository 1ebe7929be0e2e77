import { useEffect, useState } from 'react';
import { Alert, Drawer, Empty, Select, Space, Table, Tag, Timeline, Typography } from 'antd';
import { agreementsApi, type ContentChange as Change } from '@pairing/shared';
import { call } from '../../api/client.ts';
import type { MessageKey, Translate } from '../../i18n/index.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { useRequest } from '../../lib/useRequest.ts';

const changeColor = { added: 'green', removed: 'red', changed: 'blue' } as const;

/** `projects.0.indicator.unit` → 帮扶项目 1 · 验收指标 · 单位 */
export function fieldLabel(t: Translate, path: string): string {
  return path
    .split('.')
    .map((part) => {
      if (/^\d+$/.test(part)) return String(Number(part) + 1);
      const key = `field.${part}` as MessageKey;
      const text = t(key);
      return text === key ? part : text;
    })
    .join(' · ')
    .replace(/ · (\d+)/g, ' $1');
}

function show(t: Translate, value: unknown): string {
  if (value === undefined) return '—';
  if (value === null) return t('agreements.none');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** Every saved version of the agreement and what changed between any two of them. */
export function VersionsDrawer({
  agreementId,
  current,
  open,
  onClose,
}: {
  agreementId: number;
  current: number;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const [from, setFrom] = useState(Math.max(1, current - 1));
  const [to, setTo] = useState(current);
  useEffect(() => {
    setFrom(Math.max(1, current - 1));
    setTo(current);
  }, [current]);

  const versions = useRequest(
    () =>
      open
        ? call(agreementsApi.versions, { params: { id: agreementId } })
        : Promise.resolve({ items: [] }),
    [agreementId, open, current],
  );
  const diff = useRequest(
    () =>
      open && from !== to
        ? call(agreementsApi.diff, { params: { id: agreementId }, query: { from, to } })
        : Promise.resolve({ changes: [] as Change[] }),
    [agreementId, open, from, to],
  );
  const items = versions.data?.items ?? [];
  const options = items.map((v) => ({
    value: v.version,
    label: t('agreements.versionN', { n: v.version }),
  }));

  return (
    <Drawer
      open={open}
      onClose={onClose}
      size="large"
      title={t('agreements.versions')}
      data-testid="versions-drawer"
    >
      <Timeline
        items={items
          .slice()
          .reverse()
          .map((v) => ({
            // The first version comes from the template: no side wrote it.
            color: v.side === null ? 'gray' : v.side === 'urban' ? 'blue' : 'green',
            content: (
              <span>
                {t('agreements.versionN', { n: v.version })} ·{' '}
                {v.side &&
                  `${t(v.side === 'urban' ? 'agreements.urbanSide' : 'agreements.ruralSide')} · `}
                {v.editedBy ?? '—'} · {new Date(v.editedAt).toLocaleString('zh-CN')}
              </span>
            ),
          }))}
      />
      <Typography.Title level={5}>{t('agreements.diff')}</Typography.Title>
      {items.length < 2 ? (
        <Empty description={t('agreements.oneVersion')} />
      ) : (
        <>
          <Space style={{ marginBottom: 12 }}>
            <Select
              value={from}
              onChange={setFrom}
              options={options}
              style={{ width: 120 }}
              aria-label={t('a11y.versionFrom')}
            />
            <span>→</span>
            <Select
              value={to}
              onChange={setTo}
              options={options}
              style={{ width: 120 }}
              aria-label={t('a11y.versionTo')}
            />
          </Space>
          {diff.error && <Alert type="error" showIcon title={diff.error.message} />}
          <Table
            size="small"
            rowKey={(c) => `${c.type}:${c.path}`}
            loading={diff.loading}
            pagination={false}
            dataSource={diff.data?.changes ?? []}
            locale={{ emptyText: t('agreements.noChanges') }}
            data-testid="diff-table"
            columns={[
              {
                title: t('agreements.changeType'),
                dataIndex: 'type',
                width: 80,
                render: (type: Change['type']) => (
                  <Tag color={changeColor[type]}>{t(`change.${type}`)}</Tag>
                ),
              },
              {
                title: t('agreements.field'),
                dataIndex: 'path',
                render: (path: string) => fieldLabel(t, path),
              },
              {
                title: t('agreements.before'),
                dataIndex: 'before',
                render: (v: unknown) => (
                  <Typography.Text delete type="secondary">
                    {show(t, v)}
                  </Typography.Text>
                ),
              },
              {
                title: t('agreements.after'),
                dataIndex: 'after',
                render: (v: unknown) => <Typography.Text mark>{show(t, v)}</Typography.Text>,
              },
            ]}
          />
        </>
      )}
    </Drawer>
  );
}
