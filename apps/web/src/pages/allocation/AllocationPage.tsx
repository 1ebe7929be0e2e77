import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Empty, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { allocationApi, type AllocationPairView, type AllocationRunView } from '@pairing/shared';
import { call } from '../../api/client.ts';
import { useI18n } from '../../i18n/index.tsx';
import { useRequest } from '../../lib/useRequest.ts';
import { RoundPicker, useRoundChoice } from '../rounds/useRoundChoice.tsx';
import { CoverageChart } from './CoverageChart.tsx';
import { SwapModal } from './SwapModal.tsx';

const load = (id: number, runId: number) => call(allocationApi.view, { params: { id, runId } });

/** 组织分配 (S1 §8): run the allocation for a round in balancing, review, re-run and publish. */
export default function AllocationPage() {
  const { t } = useI18n();
  const { message, modal } = App.useApp();
  const choice = useRoundChoice();
  const balancing = choice.rounds.filter((r) => r.state === 'balancing');
  const round =
    choice.rounds.find((r) => r.id === choice.round?.id && r.state === 'balancing') ??
    balancing[0] ??
    null;
  const [view, setView] = useState<AllocationRunView | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [swapping, setSwapping] = useState<AllocationPairView | null>(null);
  const [error, setError] = useState<string | null>(null);

  const runs = useRequest(
    () => (round ? call(allocationApi.runs, { params: { id: round.id } }) : Promise.resolve(null)),
    [round?.id],
  );
  const roundId = round?.id;
  const latestId = runs.data?.items[0]?.id;
  useEffect(() => {
    setView(null);
    if (roundId && latestId)
      load(roundId, latestId).then(setView, (e: Error) => setError(e.message));
  }, [roundId, latestId]);

  // What the server says the caller may do: on the round (run) and on the run under review.
  const mayRun = runs.data?.abilities.run ?? false;
  const editable = view?.run.abilities.edit ?? false;
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
  const replace = async (key: string, work: () => Promise<AllocationRunView>) => {
    setBusy(key);
    setError(null);
    try {
      setView(await work());
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(null);
    }
  };

  if (!choice.loading && !balancing.length)
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
        extra={
          <RoundPicker rounds={balancing} round={round} onSelect={(id) => choice.select(id)} />
        }
      >
        <Typography.Paragraph type="secondary">{t('alloc.help')}</Typography.Paragraph>
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
          <Card title={t('alloc.pairs')}>
            <Table
              data-testid="alloc-pairs"
              rowKey="id"
              size="small"
              dataSource={view.pairs}
              pagination={{ pageSize: 20, showTotal: (total) => t('common.total', { total }) }}
              rowClassName={(p) => (p.status === 'removed' ? 'alloc-removed' : '')}
              columns={[
                {
                  title: t('alloc.village'),
                  dataIndex: 'ruralOrgName',
                  render: (name: string, p) => (
                    <Space size={4} wrap>
                      {name}
                      {p.weakVillage && <Tag color="red">{t('org.weakVillage')}</Tag>}
                      {p.status === 'locked' && <Tag color="gold">{t('alloc.pair.locked')}</Tag>}
                      {p.status === 'removed' && <Tag>{t('alloc.pair.removed')}</Tag>}
                    </Space>
                  ),
                },
                { title: t('alloc.district'), dataIndex: 'districtName', width: 100 },
                {
                  title: t('alloc.unit'),
                  dataIndex: 'urbanOrgName',
                  render: (name: string, p) => (
                    <Space direction="vertical" size={0}>
                      {name}
                      {p.swappedFromName && (
                        <Typography.Text type="secondary">
                          {t('alloc.pair.swapped', { name: p.swappedFromName })}
                        </Typography.Text>
                      )}
                    </Space>
                  ),
                },
                { title: t('alloc.cost'), dataIndex: 'cost', width: 70 },
                { title: t('alloc.reasons'), dataIndex: 'reasonText' },
                ...(editable
                  ? [
                      {
                        title: t('alloc.actions'),
                        width: 200,
                        render: (_: unknown, p: AllocationPairView) =>
                          !p.abilities.edit ? null : (
                            <Space size={0}>
                              <Button
                                type="link"
                                size="small"
                                loading={busy === `lock${p.id}`}
                                onClick={() =>
                                  act(`lock${p.id}`, () =>
                                    call(allocationApi.lock, {
                                      params: { id: round!.id, runId: view.run.id, pairId: p.id },
                                      body: { locked: p.status !== 'locked' },
                                    }),
                                  )
                                }
                              >
                                {p.status === 'locked' ? t('alloc.unlock') : t('alloc.lock')}
                              </Button>
                              <Button type="link" size="small" onClick={() => setSwapping(p)}>
                                {t('alloc.swap')}
                              </Button>
                              <Popconfirm
                                title={t('alloc.removeConfirm')}
                                onConfirm={() =>
                                  act(`remove${p.id}`, () =>
                                    call(allocationApi.remove, {
                                      params: { id: round!.id, runId: view.run.id, pairId: p.id },
                                    }),
                                  )
                                }
                              >
                                <Button type="link" size="small" danger>
                                  {t('alloc.remove')}
                                </Button>
                              </Popconfirm>
                            </Space>
                          ),
                      },
                    ]
                  : []),
              ]}
            />
          </Card>
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
