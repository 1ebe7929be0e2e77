import { Space, Tag, Tooltip } from 'antd';
import {
  entryStatuses,
  type LedgerSide,
  type RecordState,
  type RecordType,
  type RecordView,
} from '@pairing/shared';
import type { MessageKey, Translate } from '../../i18n/index.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { yuan } from '../rounds/labels.ts';

/** A card's padding on a phone, where every pixel of width counts. */
export const compactCard = { header: { paddingInline: 12 }, body: { padding: 12 } };

export type EntryStatus = (typeof entryStatuses)[number];
export type StatusCounts = Record<EntryStatus, number>;

/** A label whose key is `<prefix>.<value>`; a value this version does not know shows as-is. */
export function labelOf(t: Translate, prefix: string, value: string): string {
  const key = `${prefix}.${value}` as MessageKey;
  const text = t(key);
  return text === key ? value : text;
}

/** The rules the pages name and filter by (DOMAIN.md ids, as the policy packs evaluate them). */
export const ruleIds = [
  'R-VISIT-PRINCIPAL',
  'R-VISIT-LEAD',
  'R-WEAK-FUNDS',
  'R-SIX-ONES',
  'R-LESSON',
  'R-REPORT-Q',
] as const;

/** Rules whose periods count yuan rather than events (the engine's `yearly-funds` kind). */
export const amountRules: ReadonlySet<string> = new Set(['R-WEAK-FUNDS']);
/** Rules whose periods are calendar quarters (the engine's `quarterly-report` kind). */
export const quarterlyRules: ReadonlySet<string> = new Set(['R-REPORT-Q']);

/** A rule's short name (R-… ids of DOMAIN.md); an unknown id shows as-is. */
export const ruleLabel = (t: Translate, rule: string) => labelOf(t, 'ledgerRule', rule);

export const statusColors: Record<EntryStatus, string> = {
  met: 'success',
  due: 'processing',
  due_soon: 'warning',
  missed: 'error',
  late: 'magenta',
};

export function EntryStatusTag({ status }: { status: EntryStatus }) {
  const { t } = useI18n();
  return (
    <Tag color={statusColors[status]} data-testid={`entry-status-${status}`}>
      {t(`entryStatus.${status}`)}
    </Tag>
  );
}

/**
 * The counts of a compliance summary as small badges, the worrying ones first; statuses with
 * nothing are left out so a phone card stays one line.
 */
export function SummaryBadges({
  summary,
  emptyText,
}: {
  summary: StatusCounts | null | undefined;
  emptyText?: string;
}) {
  const { t } = useI18n();
  if (!summary) return <Tag>{emptyText ?? t('ledger.noStatus')}</Tag>;
  const order: EntryStatus[] = ['missed', 'late', 'due_soon', 'due', 'met'];
  const shown = order.filter((status) => summary[status] > 0);
  return (
    <Space size={[4, 4]} wrap data-testid="summary-badges">
      {shown.map((status) => (
        <Tooltip key={status} title={t(`entryStatusHint.${status}`)}>
          <Tag color={statusColors[status]} variant="filled" style={{ marginInlineEnd: 0 }}>
            {t(`entryStatus.${status}`)} {summary[status]}
          </Tag>
        </Tooltip>
      ))}
      {shown.length === 0 && <Tag>{t('ledger.noDuties')}</Tag>}
    </Space>
  );
}

const stateColors: Record<RecordState, string> = {
  pending: 'gold',
  confirmed: 'success',
  disputed: 'error',
  upheld: 'cyan',
  rejected: 'default',
  withdrawn: 'default',
};

export function RecordStateTag({ state }: { state: RecordState }) {
  const { t } = useI18n();
  return (
    <Tag color={stateColors[state]} data-testid={`record-state-${state}`}>
      {t(`recordState.${state}`)}
    </Tag>
  );
}

const typeColors: Record<RecordType, string> = {
  visit: 'blue',
  activity: 'purple',
  fund: 'volcano',
  progress: 'geekblue',
  acceptance: 'green',
  report: 'orange',
};

export function RecordTypeTag({ type }: { type: RecordType }) {
  const { t } = useI18n();
  return (
    <Tag color={typeColors[type]} variant="filled">
      {t(`recordType.${type}`)}
    </Tag>
  );
}

export const sideLabel = (t: Translate, side: LedgerSide) => t(`ledgerSide.${side}`);

/** One line saying what a record is about, for lists. */
export function recordSummary(t: Translate, record: RecordView): string {
  const c = record.content;
  switch (c.type) {
    case 'visit':
      return [c.place, t('record.peopleCount', { n: record.participants.length })]
        .filter(Boolean)
        .join(' · ');
    case 'activity':
      return [
        c.category === 'other' && c.categoryLabel
          ? c.categoryLabel
          : labelOf(t, 'recordCategory', c.category),
        c.place,
      ]
        .filter(Boolean)
        .join(' · ');
    case 'fund':
      return `${yuan(c.amount)} · ${c.purpose}`;
    case 'progress':
      return `${c.milestone} · ${c.percent}%`;
    case 'acceptance':
      return t(c.passed ? 'record.passed' : 'record.notPassed');
    case 'report':
      return quarterText(t, c.quarter);
  }
}

/** `2025Q1` as 2025 年第 1 季度. */
export const quarterText = (t: Translate, quarter: string) =>
  t('record.quarterName', { year: quarter.slice(0, 4), q: quarter.slice(5) });
