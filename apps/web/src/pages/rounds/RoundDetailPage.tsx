import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { Alert, Button, Card, Descriptions, Result, Space, Spin, Steps } from 'antd';
import { ArrowRightOutlined, FundProjectionScreenOutlined } from '@ant-design/icons';
import { roundStates, roundsApi, type RoundState } from '@pairing/shared';
import { ApiError, call } from '../../api/client.ts';
import { useI18n } from '../../i18n/index.tsx';
import { useRequest } from '../../lib/useRequest.ts';
import { packLabel, roundStateLabel } from './labels.ts';
import { QuotasCard } from './QuotasCard.tsx';
import { TransitionDialog } from './TransitionDialog.tsx';

const nextState = (state: RoundState): RoundState | null =>
  roundStates[roundStates.indexOf(state) + 1] ?? null;

/** One round: its dates, its phase with the one move forward (checked first), and its quotas. */
export default function RoundDetailPage() {
  const { id } = useParams();
  const { t } = useI18n();
  const [moving, setMoving] = useState(false);
  const { data, error, loading, reload } = useRequest(
    () => call(roundsApi.get, { params: { id: Number(id) } }),
    [id],
  );
  const previousId = data?.round.previousRoundId ?? null;
  const previous = useRequest(
    () =>
      previousId ? call(roundsApi.get, { params: { id: previousId } }) : Promise.resolve(null),
    [previousId],
  );

  if (loading && !data) return <Spin size="large" className="app-page-spin" />;
  if (error instanceof ApiError && error.status === 404)
    return <Result status="404" title={t('rounds.notFound')} />;
  if (error || !data) return <Alert type="error" showIcon title={error?.message} />;
  const round = data.round;
  const next = nextState(round.state);

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        title={round.name}
        extra={
          <Space wrap>
            {round.state !== 'draft' && (
              <Link to={`/board/${round.id}`} target="_blank">
                <Button icon={<FundProjectionScreenOutlined />}>{t('rounds.openBoard')}</Button>
              </Link>
            )}
            {round.abilities.readUncovered && round.state !== 'draft' && (
              <Link to={`/rounds/${round.id}/uncovered`}>
                <Button>{t('board.uncoveredLink')}</Button>
              </Link>
            )}
            {round.abilities.advance && next && (
              <Button
                type="primary"
                icon={<ArrowRightOutlined />}
                onClick={() => setMoving(true)}
                data-testid="round-advance"
              >
                {t('rounds.advanceTo', { to: roundStateLabel(t, next) })}
              </Button>
            )}
          </Space>
        }
      >
        <Steps
          size="small"
          current={roundStates.indexOf(round.state)}
          items={roundStates.map((s) => ({ title: roundStateLabel(t, s) }))}
          style={{ marginBottom: 20 }}
          data-testid="round-steps"
        />
        <Descriptions column={{ xs: 1, md: 3 }} size="small" bordered>
          <Descriptions.Item label={t('rounds.period')}>
            {round.periodStart} — {round.periodEnd}
          </Descriptions.Item>
          <Descriptions.Item label={t('rounds.intentionDeadline')}>
            {round.intentionDeadline}
          </Descriptions.Item>
          <Descriptions.Item label={t('rounds.signingDeadline')}>
            {round.signingDeadline}
          </Descriptions.Item>
          <Descriptions.Item label={t('rounds.termEnd')}>{round.termEnd}</Descriptions.Item>
          <Descriptions.Item label={t('rounds.villageCap')}>{round.villageCap}</Descriptions.Item>
          <Descriptions.Item label={t('rounds.policyPack')}>
            {packLabel(t, round.policyPackId)}
          </Descriptions.Item>
          {previousId && (
            <Descriptions.Item label={t('rounds.previousRound')}>
              <Link to={`/rounds/${previousId}`} data-testid="round-previous-link">
                {previous.data?.round.name ?? `#${previousId}`}
              </Link>
            </Descriptions.Item>
          )}
        </Descriptions>
      </Card>
      {round.abilities.readQuotas && <QuotasCard round={round} />}
      {moving && next && (
        <TransitionDialog
          round={round}
          to={next}
          onClose={() => setMoving(false)}
          onDone={() => {
            setMoving(false);
            reload();
          }}
        />
      )}
    </Space>
  );
}
