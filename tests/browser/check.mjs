// Checks rendered article pages as a browser and its users see them:
// - the Nu HTML Checker (vnu) reports no errors;
// - axe-core, run in headless Chromium, reports no violations;
// - nothing overflows horizontally at 375 px (or at 320 px);
// - the JSON-LD parses and has the properties that the page's own metadata calls for.
//
// Usage: node check.mjs PAGES_DIR [--screenshots DIR]
// Prints one line per page and a closing "N passed, N failed" line; exits 1 on any failure.

import { spawnSync } from 'node:child_process';
import { readdirSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { chromium } from 'playwright-core';

const require = createRequire(import.meta.url);
const args = process.argv.slice(2);
const pagesDir = args[0];
const shotsIndex = args.indexOf('--screenshots');
const shotsDir = shotsIndex >= 0 ? args[shotsIndex + 1] : null;
if (!pagesDir) {
  console.error('usage: node check.mjs PAGES_DIR [--screenshots DIR]');
  process.exit(2);
}
const pages = readdirSync(pagesDir).filter((f) => f.endsWith('.html')).sort().map((f) => path.resolve(pagesDir, f));
if (pages.length === 0) {
  console.error(`no .html pages in ${pagesDir}`);
  process.exit(2);
}
const failures = new Map(pages.map((p) => [p, []]));
const fail = (page, message) => failures.get(page).push(message);

// 1. The Nu HTML Checker, once for all pages.
const vnuJar = require('vnu-jar');
// vnu writes its JSON report to stderr.
const vnu = spawnSync('java', ['-jar', vnuJar, '--format', 'json', '--exit-zero-always', ...pages], {
  encoding: 'utf8',
  maxBuffer: 64 * 1024 * 1024,
});
const vnuJson = (() => {
  try { return JSON.parse(vnu.stderr); } catch { return null; }
})();
if (!vnuJson) {
  for (const page of pages) fail(page, `vnu gave no JSON report: ${vnu.error ?? ''} ${(vnu.stderr ?? '').slice(0, 300)}`);
} else {
  for (const m of vnuJson.messages) {
    if (m.type !== 'error' && !(m.type === 'non-document-error')) continue;
    const file = decodeURIComponent(new URL(m.url).pathname);
    const page = pages.find((p) => p === file) ?? pages[0];
    fail(page, `vnu: ${m.message} (line ${m.lastLine}): ${m.extract ?? ''}`.trim());
  }
}

// 2. axe-core, overflow and JSON-LD, in Chromium.
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const axePath = require.resolve('axe-core/axe.min.js');

function checkJsonLd(page, ld, meta) {
  let data;
  try {
    data = JSON.parse(ld);
  } catch (e) {
    fail(page, `JSON-LD does not parse: ${e.message}`);
    return;
  }
  if (data['@context'] !== 'https://schema.org') fail(page, 'JSON-LD has no schema.org @context');
  const graph = data['@graph'] ?? [];
  const article = graph[0] ?? {};
  if (!/NewsArticle$/.test(article['@type'] ?? '')) fail(page, `JSON-LD type is ${article['@type']}`);
  const required = ['headline', 'inLanguage', 'wordCount', 'timeRequired'];
  const when = [
    [meta.description, 'description'],
    [meta.canonical, 'mainEntityOfPage'],
    [meta.image, 'image'],
    [meta.published, 'datePublished'],
    [meta.published, 'dateModified'],
    [meta.authors, 'author'],
    [meta.site, 'publisher'],
    [meta.section, 'articleSection'],
    [meta.keywords, 'keywords'],
    [meta.sources, 'isBasedOn'],
    [meta.provenance === 'ai_generated' || meta.provenance === 'ai_assisted', 'digitalSourceType'],
  ];
  for (const [applies, key] of when) if (applies) required.push(key);
  for (const key of required) {
    if (article[key] === undefined || article[key] === '') fail(page, `JSON-LD lacks ${key}`);
  }
  if (!/^PT\d+M$/.test(article.timeRequired ?? '')) fail(page, `timeRequired is ${article.timeRequired}`);
  if (meta.provenance === 'ai_generated' && !/trainedAlgorithmicMedia$/.test(article.digitalSourceType ?? '')) {
    fail(page, 'an AI-generated article lacks digitalSourceType trainedAlgorithmicMedia');
  }
  if (meta.site && !graph.some((n) => n['@type'] === 'BreadcrumbList')) fail(page, 'JSON-LD lacks the BreadcrumbList');
}

for (const page of pages) {
  const name = path.basename(page, '.html');
  for (const width of [375, 320]) {
    const context = await browser.newContext({ viewport: { width, height: 800 } });
    const tab = await context.newPage();
    await tab.goto('file://' + page);
    const overflow = await tab.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    if (overflow > 0) fail(page, `overflows by ${overflow}px at ${width}px`);
    if (width === 375) {
      await tab.addScriptTag({ path: axePath });
      const result = await tab.evaluate(async () => await window.axe.run(document));
      for (const v of result.violations) {
        fail(page, `axe ${v.id} (${v.impact}): ${v.help}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
      }
      const { ld, meta } = await tab.evaluate(() => {
        const q = (s) => document.querySelector(s);
        return {
          ld: q('script[type="application/ld+json"]')?.textContent ?? '',
          meta: {
            description: !!q('meta[name="description"]'),
            canonical: !!q('link[rel="canonical"]'),
            image: !!q('meta[property="og:image"]'),
            published: !!q('meta[property="article:published_time"]'),
            authors: !!q('meta[name="author"]'),
            site: !!q('meta[property="og:site_name"]'),
            section: !!q('meta[property="article:section"]'),
            keywords: !!q('meta[name="keywords"]'),
            sources: !!q('.dl-sources'),
            provenance: q('article')?.dataset.provenance ?? 'human',
          },
        };
      });
      checkJsonLd(page, ld, meta);
      const h1 = await tab.evaluate(() => document.querySelectorAll('h1').length);
      if (h1 !== 1) fail(page, `${h1} h1 elements, not one`);
      // Dark mode has its own colours: check their contrast too.
      await tab.emulateMedia({ colorScheme: 'dark' });
      const dark = await tab.evaluate(async () => await window.axe.run(document, { runOnly: ['color-contrast'] }));
      for (const v of dark.violations) {
        fail(page, `axe in dark mode ${v.id} (${v.impact}): ${v.help}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
      }
      await tab.emulateMedia({ colorScheme: 'light' });
    }
    if (shotsDir) {
      mkdirSync(shotsDir, { recursive: true });
      for (const scheme of ['light', 'dark']) {
        await tab.emulateMedia({ colorScheme: scheme });
        await tab.screenshot({ path: path.join(shotsDir, `${name}-${width}-${scheme}.png`), fullPage: true });
      }
    }
    await context.close();
  }
  if (shotsDir) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const tab = await context.newPage();
    await tab.goto('file://' + page);
    await tab.screenshot({ path: path.join(shotsDir, `${name}-1280-light.png`), fullPage: true });
    await tab.emulateMedia({ colorScheme: 'dark' });
    await tab.screenshot({ path: path.join(shotsDir, `${name}-1280-dark.png`), fullPage: true });
    await context.close();
  }
}
await browser.close();

let passed = 0;
let failed = 0;
for (const [page, messages] of failures) {
  const name = path.basename(page);
  if (messages.length === 0) {
    passed += 1;
    console.log(`ok   ${name}`);
  } else {
    failed += 1;
    console.log(`FAIL ${name}`);
    for (const m of messages) console.log(`     ${m}`);
  }
}
console.log(`browser checks: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
