// Writes articles made up at random (with a fixed seed, so every run writes the same ones)
// for the browser checks: every script the crate supports, right-to-left and left-to-right,
// fields present or left out at random, and Markdown bodies mixing headings, lists,
// quotes, tables, code, images, footnotes and links. They catch what no fixture has tried,
// such as a footnote defined twice.
//
// Usage: node generate.mjs OUT_DIR [COUNT] [SEED]
// Writes OUT_DIR/generated-NN.json, and OUT_DIR/generated-NN.locale for the articles to
// render with another language's words (`--locale`).

import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const [outDir, countArg = '30', seedArg = '7'] = process.argv.slice(2);
if (!outDir) {
  console.error('usage: node generate.mjs OUT_DIR [COUNT] [SEED]');
  process.exit(2);
}

// mulberry32: a small seeded generator, so that a failure can be rendered again.
let state = Number(seedArg) >>> 0;
const random = () => {
  state = (state + 0x6d2b79f5) >>> 0;
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const int = (lo, hi) => lo + Math.floor(random() * (hi - lo + 1));
const pick = (items) => items[Math.floor(random() * items.length)];
const maybe = (p, value) => (random() < p ? value() : undefined);

// One sentence a language, each saying the same thing.
const sentences = {
  en: 'The council approved a plan for new factories in every county this year.',
  ko: '위원회는 올해 모든 군에 새 공장을 짓는 계획을 승인했다.',
  ja: '委員会は今年、すべての郡に新しい工場を建てる計画を承認した。',
  zh: '委员会批准了今年在每个县建设新工厂的计划。',
  ar: 'وافق المجلس على خطة لبناء مصانع جديدة في كل مقاطعة هذا العام.',
  he: 'המועצה אישרה תוכנית להקמת מפעלים חדשים בכל מחוז השנה.',
  fa: 'شورا طرحی برای ساخت کارخانه‌های جدید در هر شهرستان تصویب کرد.',
  ru: 'Совет одобрил план строительства новых заводов в каждом уезде в этом году.',
  'pt-BR': 'O conselho aprovou um plano para novas fábricas em cada condado este ano.',
  de: 'Der Rat billigte einen Plan für neue Fabriken in jedem Landkreis in diesem Jahr.',
  fr: 'Le conseil a approuvé un plan pour de nouvelles usines dans chaque comté cette année.',
  es: 'El consejo aprobó un plan para nuevas fábricas en cada condado este año.',
  hi: 'परिषद ने इस वर्ष हर जिले में नए कारखानों की योजना को मंजूरी दी।',
  th: 'สภาอนุมัติแผนสร้างโรงงานใหม่ในทุกอำเภอในปีนี้',
};
// Cut by characters, not UTF-16 units, so that no text ends in half a character.
const cut = (s, from, to) => Array.from(s).slice(from, to).join('');

const blocks = {
  h2: (s) => `## ${cut(s, 0, 30)}`,
  h3: (s) => `### ${cut(s, 0, 20)}`,
  h4: (s) => `#### ${cut(s, 0, 20)}`,
  list: (s) => `- ${s}\n- ${cut(s, 0, 10)}\n  - ${cut(s, 0, 8)}`,
  ordered: (s) => `3. ${s}\n4. ${cut(s, 0, 12)}`,
  quote: (s) => `> ${s}\n>\n> > ${cut(s, 0, 15)}`,
  table: (s) => `| ${cut(s, 0, 8)} | b |\n|:-|-:|\n| ${cut(s, 0, 20)} | 2 |\n| x |`,
  code: (s) => `\`\`\`js\nconst x = '${s}';\n\`\`\``,
  image: (s) => `![${cut(s, 0, 10)}](https://img.example/a.png)`,
  footnote: (s) => `${cut(s, 0, 15)}[^n]\n\n[^n]: ${cut(s, 0, 25)}`,
  link: (s) => `[${cut(s, 0, 12)}](https://links.example/${int(1, 9)}) <https://auto.example/x>`,
  rule: () => '---',
  emphasis: (s) => `*${cut(s, 0, 10)}* **${cut(s, 10, 20)}** ~~${cut(s, 0, 5)}~~ \`code\``,
  tasks: (s) => `- [ ] ${cut(s, 0, 10)}\n- [x] done`,
  nested: (s) => `- ${cut(s, 0, 10)}\n\n  > ${cut(s, 0, 20)}\n\n  \`\`\`\n  ${s}\n  \`\`\``,
  raw: (s) => `<div>${cut(s, 0, 8)}</div>\n\n${cut(s, 0, 9)} <b>raw</b> & < >`,
  headingLink: (s) => `## [${cut(s, 0, 9)}](https://links.example/h) \`code\` ![i](https://img.example/h.png)`,
  wide: () => `| ${'column | '.repeat(8)}\n|${'---|'.repeat(8)}\n| ${'1 | '.repeat(8)}`,
  longWord: (s) => `${cut(s, 0, 6)} ${'x'.repeat(90)} https://long.example/${'segment/'.repeat(12)}`,
};

const date = () => `2026-0${int(1, 9)}-1${int(0, 9)}T0${int(0, 9)}:00:00+0${int(0, 9)}:00`;

mkdirSync(outDir, { recursive: true });
const count = Number(countArg);
for (let i = 0; i < count; i++) {
  const language = pick(Object.keys(sentences));
  const s = sentences[language];
  const body = [s, ...Array.from({ length: int(0, 8) }, () => pick(Object.values(blocks))(s))].join('\n\n');
  const published = maybe(0.7, date);
  const article = {
    // Now and then a title in two scripts, which the page must lay out both ways.
    title: cut(s, 0, int(8, Array.from(s).length))
      + (random() < 0.2 ? ` — ${cut(sentences[pick(Object.keys(sentences))], 0, 20)}` : ''),
    summary: maybe(0.7, () => s),
    body,
    url: maybe(0.6, () => `https://news.example/a/${i}`),
    language,
    kind: pick(['news', 'analysis', 'opinion', 'explainer', 'review', 'interview']),
    provenance: pick(['human', 'ai_assisted', 'ai_generated']),
    label: maybe(0.2, () => cut(s, 0, 9)),
    category: maybe(0.6, () => pick([cut(s, 0, 6), { name: cut(s, 0, 7), url: '/category' }])),
    published,
    updated: published && maybe(0.5, () => published.replace('2026', '2027')),
    authors: maybe(0.7, () => Array.from({ length: int(1, 4) }, () => ({
      name: cut(s, 0, int(3, 12)),
      url: maybe(0.5, () => 'https://authors.example/x'),
    }))),
    sources: maybe(0.6, () => Array.from({ length: int(1, 3) }, () => ({
      name: cut(s, 0, 9),
      url: maybe(0.5, () => 'https://sources.example/'),
    }))),
    image: maybe(0.5, () => ({
      url: 'https://img.example/feature.jpg',
      alt: cut(s, 0, 20),
      caption: maybe(0.5, () => cut(s, 0, 30)),
      credit: maybe(0.5, () => cut(s, 0, 8)),
      ...(random() < 0.5 ? { width: 1200, height: 800 } : {}),
    })),
    tags: maybe(0.5, () => [cut(s, 0, 5), cut(s, 5, 12)]),
    related: maybe(0.5, () => Array.from({ length: int(1, 5) }, (_, j) => ({
      title: cut(s, 0, 25),
      url: `/related/${j}`,
      summary: maybe(0.5, () => s),
      published: maybe(0.5, () => '2026-01-02T00:00:00Z'),
      reading_minutes: maybe(0.5, () => int(1, 30)),
      category: maybe(0.5, () => cut(s, 0, 5)),
      image: maybe(0.3, () => ({ url: 'https://img.example/related.jpg', alt: cut(s, 0, 9) })),
    }))),
    comments: maybe(0.5, () => Array.from({ length: int(1, 3) }, () => ({
      author: cut(s, 0, 7),
      posted: maybe(0.5, () => '2026-02-03T04:05:06-07:00'),
      text: `${s}\n\n${cut(s, 0, 10)}\nline two`,
    }))),
    site: maybe(0.6, () => ({
      name: cut(s, 0, 10),
      url: 'https://news.example/',
      section: maybe(0.6, () => ({ name: cut(s, 0, 6), url: maybe(0.5, () => '/section') })),
    })),
  };
  const name = `generated-${String(i).padStart(2, '0')}`;
  // JSON.stringify leaves out the fields left undefined.
  writeFileSync(path.join(outDir, `${name}.json`), JSON.stringify(article, null, 1));
  const locale = maybe(0.3, () => pick(['ar', 'ko', 'en', 'he', 'ja']));
  if (locale) writeFileSync(path.join(outDir, `${name}.locale`), locale);
}
