import { vi } from 'vitest';

/**
 * A wide screen: every media query antd's grid asks (`min-width: …`) matches, so responsive
 * pages lay out as on a desktop. Without it the setup's matchMedia matches nothing (a phone).
 */
export function wideScreen() {
  vi.stubGlobal('matchMedia', (query: string) => ({
    matches: true,
    media: query,
    onchange: null,
    addListener: () => undefined,
    removeListener: () => undefined,
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
    dispatchEvent: () => false,
  }));
}
