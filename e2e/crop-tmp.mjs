import { writeFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
const [src, out, y = '0'] = process.argv.slice(2);
writeFileSync('/tmp/phone-srv/v.html', `<body style="margin:0"><div style="width:390px;height:844px;background:url('file://${src}') 0 -${y}px no-repeat"></div></body>`);
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--headless', '--allow-file-access-from-files'] });
const p = await b.newPage({ viewport: { width: 390, height: 844 } });
await p.goto('file:///tmp/phone-srv/v.html');
await p.screenshot({ path: out });
await b.close();
