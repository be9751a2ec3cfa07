// Opens timeline's outputs in headless Chromium (Debian's /usr/bin/chromium, driven by
// playwright-core) as a reader meets them, and fails loudly on anything wrong.
//
//   node check.mjs OUT_DIR
//
// OUT_DIR holds what tests/browser.rs wrote from the bundled corpus: timeline.json (the
// contract, the expectations are read from it), timeline.html, timeline.timelinejs.json.
// Writes OUT_DIR/timeline.png (desktop), timeline-phone.png and timeline.pdf (print).
import { chromium } from 'playwright-core';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import assert from 'node:assert/strict';

const out = process.argv[2];
const here = dirname(fileURLToPath(import.meta.url));
const contract = JSON.parse(readFileSync(join(out, 'timeline.json'), 'utf8'));
const expected = contract.events.map((e) => ({
  id: e.id,
  label: e.label,
  sources: [...new Set(e.mentions.map((m) => m.article))],
  start: e.when ? e.when.start : (e.bounds && e.bounds.after) || '',
  end: e.when ? e.when.end : (e.bounds && e.bounds.before) || '',
  undated: !e.when,
}));

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});
let failures = 0;
async function check(name, fn) {
  try {
    await fn();
    console.log(`ok   ${name}`);
  } catch (e) {
    failures++;
    console.log(`FAIL ${name}\n${e.stack || e}`);
  }
}

// ---- The HTML page -------------------------------------------------------------------------
const context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
const page = await context.newPage();
const requests = [];
const errors = [];
page.on('request', (r) => requests.push(r.url()));
page.on('pageerror', (e) => errors.push(String(e)));
page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
await page.goto(pathToFileURL(join(out, 'timeline.html')).href);

const visible = () => page.$$eval('li.event', (els) => els.filter((li) => !li.hidden).map((li) => li.id));
const shownCount = () => page.textContent('#count');

await check('the page loads nothing from anywhere and has no script error', async () => {
  assert.deepEqual(requests.filter((u) => !u.startsWith('file:') && !u.startsWith('data:')), []);
  assert.deepEqual(errors, []);
});

await check('every event is shown, in order, with its date, label and sources', async () => {
  const shown = await page.$$eval('li.event', (els) => els.map((li) => ({
    id: li.id,
    label: li.querySelector('.label').firstChild.textContent.trim(),
    sources: [...li.querySelectorAll('.sources .source')].map((s) => s.textContent),
    date: li.querySelector('.date').textContent,
    visible: !li.hidden && li.getBoundingClientRect().height > 0,
  })));
  assert.equal(shown.length, expected.length);
  shown.forEach((s, i) => {
    const e = expected[i];
    assert.equal(s.id, e.id);
    assert.equal(s.label, e.label);
    assert.deepEqual(s.sources, e.sources, `sources of ${e.id}`);
    assert.ok(s.visible, `${e.id} is visible`);
    assert.ok(s.date.length > 0, `${e.id} has a date column`);
    if (e.undated) assert.match(s.date, /^undated/, `${e.id} says it is undated`);
  });
  // the entries stand top to bottom in the order of the list
  const tops = await page.$$eval('li.event', (els) => els.map((li) => li.getBoundingClientRect().top));
  tops.slice(1).forEach((t, i) => assert.ok(t > tops[i], 'entries run top to bottom'));
  assert.equal(await shownCount(), `${expected.length} of ${expected.length} events shown`);
});

await check('dates read at their precision', async () => {
  const dates = await page.$$eval('li.event .date', (els) => els.map((d) => d.textContent));
  for (const d of ['Jun 15-16, 2024', 'week of Apr 14, 2025', 'Mar 2024', 'Apr 21, 2025']) {
    assert.ok(dates.includes(d), `a date reads "${d}": ${dates.join(' | ')}`);
  }
});

await check('evidence expands with the date words marked', async () => {
  const id = contract.events.find((e) => e.mentions.length >= 2 && e.mentions.some((m) => m.time_text)).id;
  const quote = `#${id} details blockquote`;
  assert.equal(await page.isVisible(quote), false, 'evidence starts folded');
  await page.click(`#${id} summary`);
  assert.equal(await page.isVisible(quote), true, 'evidence shows on click');
  const quotes = await page.$$eval(quote, (els) => els.map((q) => q.dataset.article));
  assert.deepEqual([...new Set(quotes)], expected.find((e) => e.id === id).sources);
  assert.ok((await page.$$(`${quote} mark`)).length >= 1, 'the date words are marked');
  // left open: the screenshot shows one entry's evidence
});

await check('the source filter shows only what the chosen articles report', async () => {
  const only = '003';
  for (const box of await page.$$('input[name=source]')) {
    if ((await box.getAttribute('data-id')) !== only) await box.uncheck();
  }
  const want = expected.filter((e) => e.sources.includes(only)).map((e) => e.id);
  assert.deepEqual(await visible(), want);
  assert.equal(await shownCount(), `${want.length} of ${expected.length} events shown`);
  await page.click('button[type=reset]');
  await page.waitForFunction((n) => document.querySelectorAll('li.event:not([hidden])').length === n, expected.length);
});

await check('the date filter keeps what overlaps the range, and undated events can be hidden', async () => {
  const [from, to] = ['2025-04-18', '2025-04-23'];
  await page.fill('input[name=from]', from);
  await page.fill('input[name=to]', to);
  const want = expected.filter((e) => !(e.end && e.end < from) && !(e.start && e.start > to)).map((e) => e.id);
  assert.deepEqual(await visible(), want);
  assert.ok(want.length >= 5 && want.length < expected.length);
  await page.click('button[type=reset]');
  await page.uncheck('input[name=undated]');
  assert.deepEqual(await visible(), expected.filter((e) => !e.undated).map((e) => e.id));
  await page.click('button[type=reset]');
  await page.waitForFunction((n) => document.querySelectorAll('li.event:not([hidden])').length === n, expected.length);
});

await check('the key-events switch keeps the N most important entries, in date order', async () => {
  const byImportance = contract.events.map((e, i) => [e.importance, i]).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  const n = 4;
  const want = byImportance.slice(0, n).map(([, i]) => i).sort((a, b) => a - b).map((i) => contract.events[i].id);
  await page.fill('input[name=keyn]', String(n));
  await page.check('input[name=key]');
  assert.deepEqual(await visible(), want);
  assert.equal(await shownCount(), `${n} of ${expected.length} events shown`);
  await page.click('button[type=reset]');
  await page.waitForFunction((n) => document.querySelectorAll('li.event:not([hidden])').length === n, expected.length);
});

await check('the word search keeps the entries whose label or quotes hold every word', async () => {
  await page.fill('input[name=q]', 'Switzerland peace');
  const want = contract.events
    .filter((e) => [e.label, ...e.mentions.map((m) => m.text)].join(' ').toLowerCase().includes('switzerland'))
    .map((e) => e.id);
  const got = await visible();
  assert.ok(got.length >= 1 && got.length < expected.length, `${got.length} shown`);
  got.forEach((id) => assert.ok(want.includes(id), `${id} mentions Switzerland`));
  await page.fill('input[name=q]', 'no-such-word-anywhere');
  assert.deepEqual(await visible(), []);
  assert.equal(await shownCount(), `0 of ${expected.length} events shown`);
  await page.click('button[type=reset]');
  await page.waitForFunction((n) => document.querySelectorAll('li.event:not([hidden])').length === n, expected.length);
});

await page.screenshot({ path: join(out, 'timeline.png'), fullPage: true });

await check('on a phone: one column, nothing wider than the screen', async () => {
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true });
  const p = await phone.newPage();
  await p.goto(pathToFileURL(join(out, 'timeline.html')).href);
  const width = await p.evaluate(() => document.scrollingElement.scrollWidth);
  assert.ok(width <= 390, `page is ${width}px wide on a 390px screen`);
  const [date, body] = await p.$$eval('li.event:first-child > *', (els) => els.map((e) => e.getBoundingClientRect()));
  assert.ok(body.top >= date.bottom - 1, 'the date stands above the entry');
  await p.screenshot({ path: join(out, 'timeline-phone.png') });
  await phone.close();
});

await check('in print: no filters, every entry with its evidence', async () => {
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.isVisible('#filters'), false);
  await page.emulateMedia({ media: 'screen' });
  const pdf = await page.pdf({ format: 'A4' });
  writeFileSync(join(out, 'timeline.pdf'), pdf);
  assert.ok(pdf.length > 10000);
  // the print handler opened every entry's evidence, and closed again what it opened
  const openBefore = await page.$$eval('details[open]', (d) => d.length);
  await page.evaluate(() => { window.dispatchEvent(new Event('beforeprint')); });
  assert.equal(await page.$$eval('details:not([open])', (d) => d.length), 0);
  await page.evaluate(() => { window.dispatchEvent(new Event('afterprint')); });
  assert.equal(await page.$$eval('details[open]', (d) => d.length), openBefore);
});

// ---- TimelineJS ----------------------------------------------------------------------------
await check('TimelineJS 3 renders every slide without errors', async () => {
  const data = JSON.parse(readFileSync(join(out, 'timeline.timelinejs.json'), 'utf8'));
  const dist = join(here, 'node_modules', '@knight-lab', 'timelinejs', 'dist');
  const host = join(out, 'timelinejs.html');
  writeFileSync(host, `<!DOCTYPE html><html><head><meta charset="utf-8">
<link rel="stylesheet" href="${pathToFileURL(join(dist, 'css', 'timeline.css')).href}">
<script src="${pathToFileURL(join(dist, 'js', 'timeline.js')).href}"></script></head>
<body><div id="timeline-embed" style="width: 1000px; height: 650px"></div>
<script>
window.loaded = false;
window.tl = new TL.Timeline('timeline-embed', ${JSON.stringify(data)}, { font: null, ga_measurement_id: null });
window.tl.on('loaded', function () { window.loaded = true; });
</script></body></html>`);
  const p = await context.newPage();
  const errs = [];
  const remote = [];
  p.on('pageerror', (e) => errs.push(String(e)));
  p.on('console', (m) => { if (m.type() === 'error') errs.push(m.text()); });
  p.on('request', (r) => { if (!r.url().startsWith('file:') && !r.url().startsWith('data:')) remote.push(r.url()); });
  await p.goto(pathToFileURL(host).href);
  await p.waitForFunction(() => window.loaded === true, null, { timeout: 20000 });
  const slides = data.events.length + 1;
  assert.equal(await p.evaluate(() => window.tl._storyslider._slides.length), slides, 'one slide per event, plus the title');
  // walk every slide, as a reader clicking "next" does, and check its headline
  for (let i = 0; i < slides; i++) {
    await p.evaluate((n) => window.tl.goTo(n), i);
    const want = i === 0 ? data.title.text.headline : data.events.map((e) => e)[i - 1].text.headline;
    const headline = await p.evaluate((n) => window.tl._storyslider._slides[n]._el.container.querySelector('.tl-headline').textContent, i);
    assert.ok(headline.length > 0, `slide ${i} has a headline`);
    if (i > 0) assert.ok(data.events.some((e) => e.text.headline.replace(/&#39;/g, "'").replace(/&amp;/g, '&') === headline), `slide ${i}: "${headline}" is an event of the document`);
    else assert.equal(headline, want);
  }
  assert.equal(await p.$$eval('.tl-timemarker', (m) => m.length), data.events.length, 'one marker per event on the time nav');
  assert.deepEqual(errs, []);
  assert.deepEqual(remote, [], 'TimelineJS fetched nothing remote');
  await p.screenshot({ path: join(out, 'timelinejs.png') });
  await p.close();
});

// ---- Ids as data: a page whose article ids hold spaces, quotes, markup and non-ASCII --------
await check('the source filter treats ids as data (a space, a quote, markup, non-ASCII)', async () => {
  const odd = JSON.parse(readFileSync(join(out, 'odd-ids.json'), 'utf8'));
  const p = await context.newPage();
  const errs = [];
  p.on('pageerror', (e) => errs.push(String(e)));
  await p.goto(pathToFileURL(join(out, 'odd-ids.html')).href);
  const boxes = await p.$$('input[name=source]');
  const ids = await Promise.all(boxes.map((b) => b.getAttribute('data-id')));
  assert.deepEqual([...ids].sort(), odd.articles.map((a) => a.id).sort(), 'one box per article, its id intact');
  for (const only of ids) {
    for (const box of boxes) {
      if ((await box.getAttribute('data-id')) === only) await box.check(); else await box.uncheck();
    }
    const want = odd.events.filter((e) => e.mentions.some((m) => m.article === only)).map((e) => e.id);
    const shown = await p.$$eval('li.event', (els) => els.filter((li) => !li.hidden).map((li) => li.id));
    assert.deepEqual(shown, want, `only ${JSON.stringify(only)}`);
    assert.ok(want.length > 0, `${JSON.stringify(only)} reports something`);
  }
  assert.equal(await p.$$eval('b', (b) => b.length), 0, 'an id is never markup');
  assert.deepEqual(errs, []);
  await p.close();
});

await browser.close();
if (failures > 0) {
  console.log(`${failures} browser check(s) failed`);
  process.exit(1);
}
console.log('all browser checks passed');
