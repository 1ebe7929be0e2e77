import { afterEach } from 'vitest';
import { capture, openSessions } from './browser.ts';

/**
 * When a journey fails, every browser still open leaves a `failed-…` screenshot of where it
 * stopped and prints its URL, the alerts and messages on screen, and its trail of API answers:
 * enough to tell a refused request from a click that never took.
 */
afterEach(async ({ task }) => {
  if (task.result?.state !== 'fail') return;
  const name = task.name.replace(/[^\p{L}\p{N}]+/gu, '-').slice(0, 60);
  let n = 0;
  for (const session of openSessions) {
    n += 1;
    const { page } = session;
    await capture(page, `failed-${name}-${n}`).catch(() => undefined);
    const onScreen = await page
      .locator('.ant-message-notice, .ant-alert, .ant-form-item-explain-error')
      .allInnerTexts()
      .catch(() => []);
    console.error(
      [
        `browser ${n} at ${page.url()}`,
        `on screen: ${onScreen.map((text) => text.replace(/\s+/g, ' ')).join(' | ') || '—'}`,
        ...session.trail.map((line) => `  ${line}`),
      ].join('\n'),
    );
  }
});
