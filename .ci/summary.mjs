// Sum Vitest JSON reports into one closing line: "N passed, N failed[, N skipped]"; the journeys'
// accessibility report (kind "axe") adds a line of pages checked and violations by impact.
import { readFileSync } from 'node:fs';

const impacts = ['critical', 'serious', 'moderate', 'minor'];

function axeLine(report) {
  const totals = Object.fromEntries(impacts.map((impact) => [impact, 0]));
  for (const page of report.pages) {
    for (const impact of impacts) totals[impact] += page.violations[impact];
  }
  const byImpact = impacts.map((impact) => `${totals[impact]} ${impact}`).join(', ');
  return `axe: ${report.pages.length} pages checked; violations ${byImpact}`;
}

let passed = 0;
let failed = 0;
let skipped = 0;
let axe;
for (const file of process.argv.slice(2)) {
  const report = JSON.parse(readFileSync(file, 'utf8'));
  if (report.kind === 'axe') {
    axe = axeLine(report);
    continue;
  }
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  skipped += report.numPendingTests + (report.numTodoTests ?? 0);
  console.log(`${file}: ${report.numPassedTests} passed, ${report.numFailedTests} failed`);
}
console.log(axe ?? 'axe: no report (the browser journeys did not run)');
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
