import { Link } from 'react-router';
import { Collapse, Empty, Space, Tag, Typography } from 'antd';
import type { ComplianceView, PairingView } from '@pairing/shared';
import { useI18n, type Translate } from '../../i18n/index.tsx';
import { yuan } from '../rounds/labels.ts';
import { quarterOf } from './dates.ts';
import {
  amountRules,
  EntryStatusTag,
  quarterlyRules,
  labelOf,
  quarterText,
  ruleLabel,
  SummaryBadges,
  type EntryStatus,
  type StatusCounts,
} from './labels.tsx';
import './ledger.css';

type Rule = ComplianceView['rules'][number];
type Period = Rule['periods'][number];

const worrying: EntryStatus[] = ['missed', 'late', 'due_soon'];

/**
 * The engine's status for this pairing: per rule, each period's required and actual count (or
 * amount), its status and the records counted, each linking to the record.
 */
export function ComplianceTab({ pairing }: { pairing: PairingView }) {
  const { t } = useI18n();
  const status = pairing.status;
  if (!status) return <Empty description={t('pairing.noStatus')} />;
  if (status.rules.length === 0) return <Empty description={t('pairing.noRules')} />;
  const rosterName = (person: string) => {
    const entry = pairing.roster.find((r) => `p${r.id}` === person);
    return entry ? `${entry.name}（${t(`rosterRole.${entry.role}`)}）` : person;
  };
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="compliance">
      <Typography.Text type="secondary">{t('pairing.asOf', { date: status.at })}</Typography.Text>
      <Collapse
        defaultActiveKey={status.rules
          .filter((rule) => rule.periods.some((period) => worrying.includes(period.status)))
          .map((rule) => rule.rule)}
        items={status.rules.map((rule) => ({
          key: rule.rule,
          label: (
            <Space orientation="vertical" size={4}>
              <Space size={[6, 0]} wrap>
                <strong>{ruleLabel(t, rule.rule)}</strong>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {rule.rule}
                </Typography.Text>
              </Space>
              <SummaryBadges summary={countsOf(rule)} />
            </Space>
          ),
          children:
            rule.periods.length === 0 ? (
              <Typography.Text type="secondary">{t('pairing.noPeriods')}</Typography.Text>
            ) : (
              <div className="ledger-periods">
                {rule.periods.map((period, index) => (
                  <PeriodRow
                    key={index}
                    rule={rule.rule}
                    period={period}
                    name={periodName(t, rule.rule, period, rosterName)}
                  />
                ))}
              </div>
            ),
        }))}
      />
    </Space>
  );
}

function PeriodRow({ rule, period, name }: { rule: string; period: Period; name: string }) {
  const { t } = useI18n();
  const amount = amountRules.has(rule);
  const value = (n: number) => (amount ? yuan(n) : String(n));
  return (
    <div className="ledger-period" data-testid="period">
      <span className="ledger-period-name">{name}</span>
      <span>
        {t('pairing.actualOfRequired', {
          actual: value(period.actual),
          required: value(period.required),
        })}
      </span>
      <EntryStatusTag status={period.status} />
      {(period.status === 'due' || period.status === 'due_soon') && (
        <Typography.Text type="secondary">
          {t('pairing.dueBy', { date: period.to })}
        </Typography.Text>
      )}
      {period.evidence.length > 0 && (
        <Space size={[4, 4]} wrap style={{ width: '100%' }}>
          <Typography.Text type="secondary">{t('pairing.evidence')}</Typography.Text>
          {period.evidence.map((ref) => (
            <EvidenceLink key={ref} eventId={ref} />
          ))}
        </Space>
      )}
    </div>
  );
}

/** An engine event id: `r<id>` is a record of this ledger. */
function EvidenceLink({ eventId }: { eventId: string }) {
  const { t } = useI18n();
  const id = /^r(\d+)$/.exec(eventId)?.[1];
  if (!id) return <Tag>{eventId}</Tag>;
  return (
    <Link to={`/records/${id}`} data-testid={`evidence-${id}`}>
      <Tag color="blue" style={{ cursor: 'pointer' }}>
        {t('pairing.recordRef', { id })}
      </Tag>
    </Link>
  );
}

function countsOf(rule: Rule): StatusCounts {
  const counts: StatusCounts = { met: 0, due: 0, due_soon: 0, missed: 0, late: 0 };
  for (const period of rule.periods) counts[period.status] += 1;
  return counts;
}

/** What a period is called: a person's term, a year's category, a quarter, a year. */
function periodName(
  t: Translate,
  rule: string,
  period: Period,
  rosterName: (person: string) => string,
): string {
  const span = quarterlyRules.has(rule)
    ? quarterText(t, quarterOf(period.from))
    : period.from.slice(0, 4) === period.to.slice(0, 4)
      ? t('pairing.yearName', { year: period.from.slice(0, 4) })
      : `${period.from} — ${period.to}`;
  if (period.person) return `${rosterName(period.person)} · ${span}`;
  if (period.category) return `${span} · ${labelOf(t, 'recordCategory', period.category)}`;
  return span;
}
