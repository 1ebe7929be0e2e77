import type { ReactNode } from 'react';
import { Select, Space, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { DirectoryEntry } from '@pairing/shared';
import { useI18n, type Translate } from '../../i18n/index.tsx';

// The parts a village or town of a round's 名录 shows the same wherever it is listed: the
// public directory and a unit's 选择结对 page.

type Target = Pick<DirectoryEntry, 'name' | 'kind' | 'weakVillage' | 'districtName' | 'townName'>;

/** The target's name, marked as a town or a weak village. */
export function TargetName({ entry }: { entry: Target }) {
  const { t } = useI18n();
  return (
    <Space size={4} wrap>
      <Typography.Text strong>{entry.name}</Typography.Text>
      {entry.kind === 'town' && <Tag bordered={false}>{t('kind.town')}</Tag>}
      {entry.weakVillage && (
        <Tag color="red" bordered={false}>
          {t('org.weakVillage')}
        </Tag>
      )}
    </Space>
  );
}

const placeOf = (e: Target) => [e.districtName, e.townName].filter(Boolean).join(' · ') || '—';

/** Name, district, town and needs columns; each page sets its own widths and needs rendering. */
export function targetColumns<T extends Target>(
  t: Translate,
  widths: { name: number; district: number; town: number },
  needs: (e: T) => ReactNode,
): TableColumnsType<T> {
  return [
    {
      title: t('org.name'),
      dataIndex: 'name',
      width: widths.name,
      render: (_, e) => <TargetName entry={e} />,
    },
    {
      title: t('org.district'),
      dataIndex: 'districtName',
      width: widths.district,
      render: (v) => v || '—',
    },
    { title: t('org.town'), dataIndex: 'townName', width: widths.town, render: (v) => v || '—' },
    { title: t('select.needs'), dataIndex: 'needs', render: (_, e) => needs(e) },
  ];
}

/** A target on a phone: name with `corner` beside it, its district and town, then `children`. */
export function TargetCard({
  entry,
  corner,
  children,
}: {
  entry: Target;
  corner: ReactNode;
  children: ReactNode;
}) {
  return (
    <Space orientation="vertical" size={6} style={{ width: '100%' }}>
      <Space style={{ width: '100%', justifyContent: 'space-between' }} align="start">
        <TargetName entry={entry} />
        {corner}
      </Space>
      <Typography.Text type="secondary">{placeOf(entry)}</Typography.Text>
      {children}
    </Space>
  );
}

/** The 薄弱村 filter: weak villages only, the others only, or all. */
export function WeakFilter({
  value,
  onChange,
  width,
  testId,
}: {
  value: string;
  onChange: (weak?: string) => void;
  width: number;
  testId?: string;
}) {
  const { t } = useI18n();
  return (
    <Select
      allowClear
      placeholder={t('directory.weak')}
      aria-label={t('directory.weak')}
      value={value || undefined}
      onChange={(weak?: string) => onChange(weak)}
      options={[
        { value: 'true', label: t('directory.weakOnly') },
        { value: 'false', label: t('directory.notWeak') },
      ]}
      style={{ width }}
      data-testid={testId}
    />
  );
}
