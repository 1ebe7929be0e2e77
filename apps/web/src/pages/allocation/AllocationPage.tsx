import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Collapse, Empty, Space, Table, Tag, Typography } from 'antd';
import {
  allocationApi,
  type AllocationPairView,
  type AllocationRunView,
  type BackgroundJob,
  type RoundState,
} from '@pairing/shared';
import { call } from '../../api/client.ts';
import { awaitJob } from '../../api/jobs.ts';
import { useMe } from '../../auth/AuthProvider.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { useRequest } from '../../lib/useRequest.ts';
import { RoundPicker, useRoundChoice } from '../rounds/useRoundChoice.tsx';
import { BulkConfirmBar } from './BulkConfirmBar.tsx';
import { CoverageChart } from './CoverageChart.tsx';
import { PairsCard } from './PairsCard.tsx';
import { ProgressCard } from './ProgressCard.tsx';
import { SwapModal } from './SwapModal.tsx';
import { WeightsForm } from './WeightsForm.tsx';

/** Rounds whose allocation can be looked at: in balancing, and after it (the published plan). */
const withPlan: readonly RoundState[] = ['balancing', 'signing', 'in_force', 'closed'];

const load = (id: number, runId: number) => call(allocationApi.view, { params: { id, runId } });

/**
 * 组织分配 (S1 §8): the city runs the allocation for a round in balancing, reviews, re-runs and
 * publishes it; districts, committees and inspectors read it, also after balancing; districts and
 * committees confirm their published pairs in bulk; the city follows the confirmation by district.
 */
export default function AllocationPage() {
  const { t } = useI18n();
  const { message, modal } = App.useApp();
  const me = useMe();
  const choice = useRoundChoice();
  const rounds = choice.rounds.filter((r) => withPlan.includes(r.state));
  const round =
    rounds.find((r) => r.id === choice.round?.id) ??
    rounds.find((r) => r.state === 'balancing') ??
    rounds[0] ??
    null;
  const [view, setView] = useState<AllocationRunView | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [swapping, setSwapping] = useState<AllocationPairView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [selected, setSelected] = useState<number[]>([]);
  const [job, setJob] = useState<BackgroundJob | null>(null);

  const runs = useRequest(
    () => (round ? call(allocationApi.runs, { params: { id: round.id } }) : Promise.resolve(null)),
    [round?.id],
  );
  const roundId = round?.id;
  // The city works on its newest run; the others read the plan that was published, if any (a
  // newer proposal may follow it in balancing, and a superseded run is history).
  const items = runs.data?.items ?? [];
  const latestId = (
    runs.data?.abilities.run ? items[0] : (items.find((r) => r.status === 'published') ?? items[0])
  )?.id;
  useEffect(() => {
    setView(null);
    setSelected([]);
    if (roundId && latestId)
      load(roundId, latestId).then(setView, (e: Error) => setError(e.message));
  }, [roundId, latestId]);

  // What the server says the caller may do: on the round (run) and on the run under review.
  const mayRun = runs.data?.abilities.run ?? false;
  const act = async (key: string, work: () => Promise<unknown>, done = t('alloc.done')) => {
    setBusy(key);
    setError(null);
    try {
      await work();
      if (round && view) setView(await load(round.id, view.run.id));
      message.success(done);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(null);
    }
  };
  // A run is a background job: follow it, then show the run it made.
  const replace = async (key: string, start: () => Promise<{ jobId: string }>) => {
    setBusy(key);
    setError(null);
    try {
      const done = await awaitJob((await start()).jobId, setJob);
      if (round) setView(await load(round.id, Number(done.result?.runId)));
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setJob(null);
      setBusy(null);
    }
  };

  const reload = async () => {
    setSelected([]);
    if (round && view) setView(await load(round.id, view.run.id));
  };
  const onAction = (action: 'lock' | 'swap' | 'remove', p: AllocationPairView) => {
    if (!round || !view) return;
    const params = { id: round.id, runId: view.run.id, pairId: p.id };
    if (action === 'swap') setSwapping(p);
    else if (action === 'lock')
      void act(`lock${p.id}`, () =>
        call(allocationApi.lock, { params, body: { locked: p.status !== 'locked' } }),
      );
    else void act(`remove${p.id}`, () => call(allocationApi.remove, { params }));
  };
  const awaiting = view?.pairs.filter((p) => p.abilities.confirm).length ?? 0;
  const confirmsInBulk = me.abilities['intentions.confirmInBulk'] && awaiting > 0;

  if (!choice.loading && !rounds.length)
    return (
      <Card title={t('alloc.title')}>
        <Empty description={t('alloc.noRound')} />
      </Card>
    );
  const kept = view?.pairs.filter((p) => p.status !== 'removed') ?? [];

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title={t('alloc.title')}
        extra={<RoundPicker rounds={rounds} round={round} onSelect={(id) => choice.select(id)} />}
      >
        <Typography.Paragraph type="secondary">{t('alloc.help')}</Typography.Paragraph>
        {round && round.state !== 'balancing' && (
          <Alert
            type="info"
            showIcon
            title={t('alloc.notBalancing')}
            style={{ marginBottom: 12 }}
          />
        )}
        {mayRun && round && (
          <Space wrap>
            <Button
              type="primary"
              data-testid="alloc-run"
              loading={busy === 'run'}
              onClick={() =>
                replace('run', () => call(allocationApi.run, { params: { id: round.id } }))
              }
            >
              {t('alloc.run')}
            </Button>
            <Button
              data-testid="alloc-rerun"
              disabled={!view?.run.abilities.run}
              loading={busy === 'rerun'}
              onClick={() =>
                view &&
                replace('rerun', () =>
                  call(allocationApi.rerun, { params: { id: round.id, runId: view.run.id } }),
                )
              }
            >
              {t('alloc.rerun')}
            </Button>
            <Button
              danger
              data-testid="alloc-publish"
              disabled={!view?.run.abilities.publish || !kept.length}
              loading={busy === 'publish'}
              onClick={() =>
                modal.confirm({
                  title: t('alloc.publish'),
                  content: t('alloc.publishConfirm', { count: kept.length }),
                  onOk: () =>
                    view &&
                    act('publish', async () => {
                      const r = await call(allocationApi.publish, {
                        params: { id: round.id, runId: view.run.id },
                      });
                      message.success(t('alloc.published', { count: r.created }));
                    }),
                })
              }
            >
              {t('alloc.publish')}
            </Button>
          </Space>
        )}
        {job && (
          <Alert
            type="info"
            showIcon
            data-testid="alloc-job"
            title={
              job.state === 'queued'
                ? t('alloc.job.queued')
                : t('alloc.job.running', { progress: job.progress, total: job.total })
            }
            style={{ marginTop: 12 }}
          />
        )}
        {error && <Alert type="error" showIcon title={error} style={{ marginTop: 12 }} />}
        {view ? (
          <Alert
            style={{ marginTop: 12 }}
            data-testid="alloc-summary"
            type={view.run.status === 'published' ? 'success' : 'info'}
            title={
              <Space>
                <Tag>{t(`alloc.status.${view.run.status}`)}</Tag>
                {t('alloc.runInfo', {
                  id: view.run.id,
                  pairs: kept.length,
                  covered: view.run.stats.covered,
                  places: view.run.stats.places,
                  cost: view.run.stats.totalCost,
                  millis: view.run.stats.millis,
                })}
              </Space>
            }
          />
        ) : (
          !runs.loading && <Empty style={{ marginTop: 12 }} description={t('alloc.noRun')} />
        )}
      </Card>

      {view && (
        <>
          <Card title={t('alloc.chart')}>
            <CoverageChart districts={view.districts} />
          </Card>
          {view.run.status === 'published' && <ProgressCard progress={view.progress} />}
          {confirmsInBulk && round && (
            <Card title={t('alloc.bulk')}>
              <BulkConfirmBar
                roundId={round.id}
                awaiting={awaiting}
                selected={selected}
                onDone={() => void reload()}
              />
            </Card>
          )}
          {round && (
            <PairsCard
              roundId={round.id}
              view={view}
              busy={busy}
              selectable={confirmsInBulk}
              selected={selected}
              onSelect={setSelected}
              onAction={onAction}
            />
          )}
          <Card title={t('alloc.uncovered')}>
            <Table
              data-testid="alloc-uncovered"
              rowKey="ruralOrgId"
              size="small"
              dataSource={view.uncovered}
              locale={{ emptyText: t('alloc.uncoveredNone') }}
              pagination={{ pageSize: 20, showTotal: (total) => t('common.total', { total }) }}
              columns={[
                {
                  title: t('alloc.village'),
                  dataIndex: 'ruralOrgName',
                  render: (name: string, u) => (
                    <Space size={4}>
                      {name}
                      {u.weakVillage && <Tag color="red">{t('org.weakVillage')}</Tag>}
                    </Space>
                  ),
                },
                { title: t('alloc.district'), dataIndex: 'districtName', width: 100 },
                { title: t('alloc.missing'), dataIndex: 'missing', width: 90 },
                {
                  title: t('alloc.reason'),
                  dataIndex: 'reason',
                  render: (code: string) => t(`alloc.reason.${code}` as 'alloc.reason.removed'),
                },
              ]}
            />
          </Card>
        </>
      )}
      {round && me.abilities['allocation.readSettings'] && (
        <Collapse
          data-testid="alloc-weights"
          items={[
            {
              key: 'weights',
              label: t('alloc.weights'),
              children: <WeightsForm roundId={round.id} />,
            },
          ]}
        />
      )}
      {swapping && round && view && (
        <SwapModal
          roundId={round.id}
          runId={view.run.id}
          pair={swapping}
          onClose={() => setSwapping(null)}
          onPick={(urbanOrgId) => {
            const pair = swapping;
            setSwapping(null);
            void act(`swap${pair.id}`, () =>
              call(allocationApi.swap, {
                params: { id: round.id, runId: view.run.id, pairId: pair.id },
                body: { urbanOrgId },
              }),
            );
          }}
        />
      )}
    </Space>
  );
}
