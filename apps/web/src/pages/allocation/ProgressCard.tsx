import { Card, Table } from 'antd';
import type { AllocationProgress } from '@pairing/shared';
import { useI18n } from '../../i18n/index.tsx';

const figures = ['pairs', 'urbanConfirmed', 'ruralConfirmed', 'confirmed', 'pending'] as const;

/** How far the published pairs are confirmed, by the village's district, with the city's total. */
export function ProgressCard({ progress }: { progress: AllocationProgress[] }) {
  const { t } = useI18n();
  const total = progress.reduce(
    (sum, d) => {
      for (const f of figures) sum[f] += d[f];
      return sum;
    },
    { pairs: 0, urbanConfirmed: 0, ruralConfirmed: 0, confirmed: 0, pending: 0 },
  );
  return (
    <Card title={t('alloc.progress')}>
      <Table
        data-testid="alloc-progress"
        rowKey={(d) => d.districtId ?? 0}
        size="small"
        scroll={{ x: 560 }}
        dataSource={progress}
        pagination={false}
        locale={{ emptyText: t('alloc.progress.none') }}
        columns={[
          { title: t('alloc.district'), dataIndex: 'name', fixed: 'left', width: 100 },
          ...figures.map((f) => ({
            title: t(`alloc.progress.${f}`),
            dataIndex: f,
            width: 90,
          })),
        ]}
        summary={() =>
          progress.length > 1 ? (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0}>{t('alloc.progress.total')}</Table.Summary.Cell>
              {figures.map((f, i) => (
                <Table.Summary.Cell index={i + 1} key={f}>
                  {total[f]}
                </Table.Summary.Cell>
              ))}
            </Table.Summary.Row>
          ) : null
        }
      />
    </Card>
  );
}
