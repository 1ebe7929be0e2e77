import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach, vi } from 'vitest';
import { loadDictionary } from '../i18n/index.tsx';

// What antd reads from the browser and jsdom leaves out.
Object.defineProperty(window, 'matchMedia', {
  writable: true,
  configurable: true,
  value: (query: string) => ({
    matches: false,
    media: query,
    onchange: null,
    addListener: () => undefined,
    removeListener: () => undefined,
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
    dispatchEvent: () => false,
  }),
});

class ResizeObserverStub {
  observe() {}
  unobserve() {}
  disconnect() {}
}
// Assigned, not stubbed: tests unstub their own globals (fetch) after each test.
window.ResizeObserver = ResizeObserverStub as unknown as typeof ResizeObserver;

// jsdom does not compute pseudo-element styles and says so on every call; antd asks for them.
const getComputedStyle = window.getComputedStyle.bind(window);
window.getComputedStyle = (element: Element) => getComputedStyle(element);

// Both languages' strings at hand, so a render shows its words at once as in a warm browser.
await Promise.all([loadDictionary('zh-CN'), loadDictionary('en')]);

// jsdom has no canvas: charts render as an empty box in unit tests.
vi.mock('../components/EChart.tsx', () => ({ EChart: () => null }));

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  localStorage.clear();
});
