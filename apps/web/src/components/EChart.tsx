import { lazy, Suspense } from 'react';
import { Skeleton } from 'antd';
import type { EChartsCoreOption } from 'echarts/core';

// The chart library is a chunk of its own, fetched only when a page draws a chart (issue 15):
// a page that merely imports a component with a chart for some roles does not pay for it.
const EChartCanvas = lazy(() => import('./EChartCanvas.tsx'));

export function EChart(props: { option: EChartsCoreOption; height?: number }) {
  return (
    <Suspense fallback={<Skeleton active />}>
      <EChartCanvas {...props} />
    </Suspense>
  );
}
