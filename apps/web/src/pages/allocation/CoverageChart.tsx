import { useMemo } from 'react';
import { EChart } from '../../components/EChart.tsx';
import { useI18n } from '../../i18n/index.tsx';
import type { AllocationDistrictTotals } from '@pairing/shared';

/** Stacked bars per district: covered by voluntary intentions, by this proposal, still uncovered. */
export function CoverageChart({ districts }: { districts: AllocationDistrictTotals[] }) {
  const { t } = useI18n();
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 40, right: 16, top: 36, bottom: 60 },
      xAxis: {
        type: 'category',
        data: districts.map((d) => d.name),
        axisLabel: { rotate: districts.length > 8 ? 40 : 0 },
      },
      yAxis: { type: 'value' },
      series: (
        [
          ['satisfied', '#52c41a'],
          ['proposed', '#1677ff'],
          ['uncovered', '#ff4d4f'],
        ] as const
      ).map(([key, color]) => ({
        name: t(`alloc.chart.${key}`),
        type: 'bar',
        stack: 'coverage',
        itemStyle: { color },
        data: districts.map((d) => d[key]),
      })),
    }),
    [districts, t],
  );
  return <EChart option={option} height={300} />;
}
