import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { repoRoot } from './server.ts';

/** Where every checked page's results go; `.ci/summary.mjs` prints a line from it. */
export const axeReportPath = join(repoRoot, '.vitest-reports/axe.json');

const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];
const impacts = ['critical', 'serious', 'moderate', 'minor'] as const;
type Impact = (typeof impacts)[number];
const blocking: ReadonlySet<string> = new Set<Impact>(['critical', 'serious']);

type PageResult = {
  name: string;
  test: string;
  url: string;
  violations: Record<Impact, number>;
  rules: { id: string; impact: string; help: string; nodes: number; targets: string[] }[];
};

export type AxeReport = { kind: 'axe'; tags: string[]; pages: PageResult[] };

/** A run starts with an empty report, so pages of an earlier run never count. */
export function resetAxeReport() {
  rmSync(axeReportPath, { force: true });
}

function appendToReport(result: PageResult) {
  const report: AxeReport = existsSync(axeReportPath)
    ? (JSON.parse(readFileSync(axeReportPath, 'utf8')) as AxeReport)
    : { kind: 'axe', tags, pages: [] };
  report.pages.push(result);
  mkdirSync(dirname(axeReportPath), { recursive: true });
  writeFileSync(axeReportPath, `${JSON.stringify(report, null, 2)}\n`);
}

/**
 * Wait until every finite animation has ended: a dialog or list that is still fading out is drawn
 * half-transparent, and axe would judge its text's contrast on that frame. Spinners loop forever
 * and are left running.
 */
async function settled(page: Page) {
  // Polled from here: the page's CSP forbids the string evaluation waitForFunction compiles.
  const running = `document.getAnimations().filter((a) =>
    a.playState === 'running' && a.effect?.getTiming().iterations !== Infinity).length`;
  await expect.poll(() => page.evaluate<number>(running), { timeout: 10_000 }).toBe(0);
}

/**
 * Run axe-core on the page as it stands, record its results under `name`, and fail the journey on
 * any serious or critical violation, naming the rule, what it asks and the elements that break it.
 */
export async function checkAccessibility(page: Page, name: string) {
  await settled(page);
  const { violations } = await new AxeBuilder({ page }).withTags(tags).analyze();
  const counts = Object.fromEntries(impacts.map((impact) => [impact, 0])) as Record<Impact, number>;
  for (const violation of violations) counts[(violation.impact ?? 'minor') as Impact] += 1;
  appendToReport({
    name,
    test: expect.getState().currentTestName ?? '',
    url: page.url(),
    violations: counts,
    rules: violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? 'minor',
      help: v.help,
      nodes: v.nodes.length,
      targets: v.nodes.slice(0, 8).map((node) => node.target.join(' ')),
    })),
  });
  const failing = violations.filter((v) => blocking.has(v.impact ?? ''));
  if (failing.length === 0) return;
  const lines = failing.map((v) =>
    [
      `${v.impact} ${v.id}: ${v.help} (${v.helpUrl})`,
      // What axe found, e.g. the colors and ratio of a contrast failure.
      `    ${v.nodes[0]?.failureSummary?.replace(/\s+/g, ' ') ?? ''}`,
      ...v.nodes.slice(0, 8).map((node) => `    ${node.target.join(' ')}`),
      ...(v.nodes.length > 8 ? [`    … ${v.nodes.length - 8} more`] : []),
    ].join('\n'),
  );
  throw new Error(`accessibility of ${name} at ${page.url()}:\n${lines.join('\n')}`);
}
