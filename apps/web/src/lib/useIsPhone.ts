import { Grid } from 'antd';

/**
 * Whether the screen is phone-sized (below antd's `md`, 768 px): lists become cards and wide
 * tables become stacked rows there.
 */
export function useIsPhone(): boolean {
  const screens = Grid.useBreakpoint();
  return !screens.md;
}
