import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { App, Alert, Button, Card, Descriptions, Result, Space, Spin, Steps } from 'antd';
import { ArrowRightOutlined, FundProjectionScreenOutlined } from '@ant-design/icons';
import { roundStates, roundsApi, type RoundState } from '@pairing/shared';
import { ApiError, call } from '../../api/client.ts';
import { useI18n } from '../../i18n/index.tsx';
import { useRequest } from '../../lib/useRequest.ts';
import { packLabel, roundStateLabel } from './labels.ts';
import { QuotasCard } from './QuotasCard.tsx';

const nextState = (state: RoundState): RoundState | null =>
  roundStates[roundStates.indexOf(state) + 1] ?? null;

/** One round: its dates, its phase with the one move forward, and its quotas. */
export default function RoundDetailPage() {
  const { id } = useParams();
  const { t } = useI18n();
  const { message, modal } = App.useApp();
  const [moving, setMoving] = useState(false);
  const { data, error, loading, reload } = useRequest(
    () => call(roundsApi.get, { params: { id: Number(id) } }),
    [id],
  );

  if (loading && !data) return <Spin size="large" className="app-page-spin" />;
  if (error instanceof ApiError && error.status === 404)
    return <Result status="404" title={t('rounds.notFound')} />;
  if (error || !data) return <Alert type="error" showIcon title={error?.message} />;
  const round = data.round;
  const next = nextState(round.state);

  const advance = () => {
    if (!next) return;
    modal.confirm({
      title: t('rounds.transitionTitle', {
        from: roundStateLabel(t, round.state),
        to: roundStateLabel(t, next),
      }),
      content: t(`rounds.transitionHint.${next}`),
      onOk: async () => {
        setMoving(true);
        try {
          await call(roundsApi.transition, { params: { id: round.id }, body: { to: next } });
          message.success(t('rounds.transitioned', { to: roundStateLabel(t, next) }));
          reload();
        } catch (e) {
          message.error(e instanceof Error ? e.message : String(e));
        } finally {
          setMoving(false);
        }
      },
    });
  };

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
                loading={moving}
                onClick={advance}
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
        </Descriptions>
      </Card>
      {round.abilities.readQuotas && <QuotasCard round={round} />}
    </Space>
  );
}
