// What the Marketplace and the Settings editor show: every setting, command, view, colour and
// walkthrough text comes from package.nls*.json in English, 简体中文 and 繁體中文; the README's
// pictures are screenshots the UI tests take from the real editor, never a picture drawn by hand.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';

const manifest = JSON.parse(readFileSync('package.json', 'utf8'));
const nlsFiles = ['package.nls.json', 'package.nls.zh-cn.json', 'package.nls.zh-tw.json'];
const nls = Object.fromEntries(nlsFiles.map((f) => [f, JSON.parse(readFileSync(f, 'utf8')) as Record<string, string>]));

/** Every description-like text of a settings schema, with where it is. */
function schemaTexts(schema: Record<string, unknown>, at: string, out: Array<[string, string]>): void {
  for (const key of ['description', 'markdownDescription']) if (typeof schema[key] === 'string') out.push([`${at}.${key}`, schema[key] as string]);
  for (const [name, sub] of Object.entries((schema.properties ?? {}) as Record<string, Record<string, unknown>>)) schemaTexts(sub, `${at}.${name}`, out);
  for (const key of ['enumDescriptions', 'markdownEnumDescriptions']) {
    const texts = schema[key] as string[] | undefined;
    if (!texts) continue;
    assert.equal(texts.length, (schema.enum as unknown[]).length, `${at}.${key}: one text per value`);
    for (const [k, v] of texts.entries()) out.push([`${at}.${key}[${k}]`, v]);
  }
  if (schema.items) schemaTexts(schema.items as Record<string, unknown>, `${at}.items`, out);
}

test('every setting is described, and every description is a %key% translated in English and Chinese', () => {
  const texts: Array<[string, string]> = [];
  for (const section of manifest.contributes.configuration) {
    texts.push([`${section.id}.title`, section.title]);
    for (const [name, schema] of Object.entries(section.properties as Record<string, Record<string, unknown>>)) {
      assert.ok(schema.description || schema.markdownDescription, `${name} has no description`);
      schemaTexts(schema, name, texts);
    }
  }
  for (const c of manifest.contributes.commands) texts.push([c.command, c.title]);
  for (const c of manifest.contributes.colors) texts.push([c.id, c.description]);
  for (const v of manifest.contributes.views.zhlens) texts.push([v.id, v.name]);
  for (const w of manifest.contributes.viewsWelcome) texts.push([w.view, w.contents]);
  for (const w of manifest.contributes.walkthroughs) {
    texts.push([w.id, w.title], [w.id, w.description]);
    for (const s of w.steps) texts.push([`${w.id}.${s.id}`, s.title], [`${w.id}.${s.id}`, s.description]);
  }
  const literal = texts.filter(([, t]) => !/^%[\w.-]+%$/.test(t));
  assert.deepEqual(literal, [], 'texts written into package.json instead of package.nls');
  for (const file of nlsFiles) {
    const missing = texts.map(([, t]) => t.slice(1, -1)).filter((k) => !nls[file][k]);
    assert.deepEqual(missing, [], `missing in ${file}`);
  }
  // The Chinese files say it in Chinese (a copied English text would pass the key check).
  for (const file of nlsFiles.slice(1)) {
    const english = Object.entries(nls[file]).filter(([k, v]) => v === nls['package.nls.json'][k] && /[a-z]{4}/.test(v) && !/^[`{]/.test(v));
    assert.deepEqual(english.map(([k]) => k), [], `${file} keeps English texts`);
  }
});

test('the highlight settings cover every figure kind the extractor gives, and organizations', () => {
  const kinds = Object.keys(manifest.contributes.configuration[0].properties['zhlens.highlight.kinds'].properties);
  assert.deepEqual(kinds.sort(), ['count', 'date', 'measure', 'money', 'number', 'ordinal', 'organization', 'percent', 'range', 'version']);
  const colors = new Set(manifest.contributes.colors.map((c: { id: string }) => c.id));
  for (const k of kinds) assert.ok(colors.has(`zhlens.${k}Background`), k);
});

test('Marketplace fields: icon, display name and categories; the view container in the project\'s casing', () => {
  assert.equal(manifest.icon, 'media/icon.png');
  assert.match(manifest.displayName, /^zhlens\b/);
  assert.ok(manifest.categories.length >= 2 && manifest.keywords.length <= 30);
  assert.equal(manifest.contributes.viewsContainers.activitybar[0].title, 'zhlens');
});

test('every picture the README shows is a screenshot that a UI test takes', () => {
  const readme = readFileSync('README.md', 'utf8');
  const pictures = [...readme.matchAll(/\]\((docs\/images\/[^)]+\.png)\)/g)].map((m) => m[1].slice('docs/images/'.length));
  assert.ok(pictures.length >= 4);
  const uiTests = readdirSync('test/ui').filter((f) => f.endsWith('.mjs')).map((f) => readFileSync(`test/ui/${f}`, 'utf8')).join('\n');
  for (const picture of pictures) {
    assert.ok(uiTests.includes(`shot('${picture}')`), `${picture} is in the README but no UI test takes it`);
    assert.ok(readdirSync('docs/images').includes(picture), `${picture} is missing from docs/images`);
  }
});
