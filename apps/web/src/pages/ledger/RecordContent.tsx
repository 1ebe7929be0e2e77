import type { ReactNode } from 'react';
import { Descriptions, Empty, Space, Tag, Typography } from 'antd';
import type { RecordView } from '@pairing/shared';
import { useI18n, type Translate } from '../../i18n/index.tsx';
import { yuan } from '../rounds/labels.ts';
import { labelOf, quarterText } from './labels.tsx';

/** What the record says, field by field as its type has them, and who took part. */
export function RecordContent({ record }: { record: RecordView }) {
  const { t } = useI18n();
  const rows = contentRows(t, record);
  const hasPeople = record.content.type === 'visit' || record.content.type === 'activity';
  return (
    <>
      <Descriptions column={1} size="small" bordered data-testid="record-content">
        {rows.map(([label, value]) => (
          <Descriptions.Item key={label} label={label}>
            {value}
          </Descriptions.Item>
        ))}
      </Descriptions>
      {hasPeople && (
        <div style={{ marginTop: 12 }} data-testid="participants">
          <Typography.Title level={5}>{t('record.participants')}</Typography.Title>
          {record.participants.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('record.noParticipants')} />
          ) : (
            <Space size={[6, 6]} wrap>
              {record.participants.map((p, index) => (
                <Tag key={index} color={p.rosterId ? 'blue' : 'default'}>
                  {p.name}
                  {p.role && ` · ${t(`rosterRole.${p.role}`)}`}
                </Tag>
              ))}
            </Space>
          )}
        </div>
      )}
    </>
  );
}

const text = (value: string | undefined | null) =>
  value ? <span style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>{value}</span> : '—';

function contentRows(t: Translate, record: RecordView): Array<[string, ReactNode]> {
  const c = record.content;
  const project = (index: number | null) =>
    index === null ? t('record.noProject') : t('record.projectNo', { n: index + 1 });
  const yes = (value: boolean) => (value ? t('common.yes') : t('common.no'));
  switch (c.type) {
    case 'visit':
      return [
        [t('record.date'), c.date],
        [t('record.place'), text(c.place)],
        [t('record.department'), yes(c.department)],
        [t('record.narrative'), text(c.narrative)],
      ];
    case 'activity':
      return [
        [
          t('record.category'),
          c.category === 'other' && c.categoryLabel
            ? c.categoryLabel
            : labelOf(t, 'recordCategory', c.category),
        ],
        [t('record.date'), c.date],
        [t('record.place'), text(c.place)],
        [t('record.narrative'), text(c.narrative)],
      ];
    case 'fund':
      return [
        [t('record.fundForm'), t(`fundForm.${c.form}`)],
        [c.form === 'in_kind' ? t('record.valueInKind') : t('record.amount'), yuan(c.amount)],
        [t('record.purpose'), text(c.purpose)],
        [t('record.fundSource'), t(`fundSource.${c.source}`)],
        [t('record.channel'), t(`fundChannel.${c.channel}`)],
        [t('record.project'), project(c.projectIndex)],
        [t('record.receiptNo'), text(c.receiptNo)],
        [t('record.date'), c.date],
        [t('record.narrative'), text(c.narrative)],
      ];
    case 'progress':
      return [
        [t('record.project'), project(c.projectIndex)],
        [t('record.milestone'), text(c.milestone)],
        [t('record.percent'), `${c.percent}%`],
        [t('record.indicatorValue'), c.indicatorValue ?? '—'],
        [t('record.date'), c.date],
        [t('record.place'), text(c.place)],
        [t('record.narrative'), text(c.narrative)],
      ];
    case 'acceptance':
      return [
        [t('record.project'), project(c.projectIndex)],
        [t('record.finalValue'), c.indicatorValue],
        [t('record.passedLabel'), c.passed ? t('record.passed') : t('record.notPassed')],
        [t('record.date'), c.date],
        [t('record.place'), text(c.place)],
        [t('record.narrative'), text(c.narrative)],
      ];
    case 'report':
      return [
        [t('record.quarter'), quarterText(t, c.quarter)],
        [t('record.submittedOn'), c.date],
        [t('record.reportBody'), text(c.body)],
      ];
  }
}
