// zhlens as the browser gets it: a VSIX whose package.json keeps the `browser` entry and drops
// `main`, so that VS Code can run it only in the web worker extension host (as vscode.dev and
// github.dev do). Everything else is the extension's own: the built dist/web/extension.js, data/,
// l10n/, the nls files, media/, syntaxes/, README and LICENSE. Packaged with the project's vsce.
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runGroup } from '../vscode/processGroup.mjs';
import { REPO_ROOT } from '../vscode/tools.mjs';

const SHIPPED = ['data', 'l10n', 'media', 'syntaxes', 'README.md', 'LICENSE', 'package.nls.json', 'package.nls.zh-cn.json', 'package.nls.zh-tw.json'];

/** Writes `<dir>/zhlens-web.vsix` from a staged copy under `<dir>/stage`; returns the VSIX path and the staged manifest. */
export async function packageWebOnly(dir) {
  const stage = join(dir, 'stage');
  mkdirSync(join(stage, 'dist/web'), { recursive: true });
  for (const name of SHIPPED) cpSync(join(REPO_ROOT, name), join(stage, name), { recursive: true });
  cpSync(join(REPO_ROOT, 'dist/web/extension.js'), join(stage, 'dist/web/extension.js'));
  const manifest = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8'));
  if (!manifest.browser) throw new Error('package.json has no "browser" entry');
  // No Node entry, no CLI, and no scripts (vsce would run vscode:prepublish, a Node build).
  delete manifest.main;
  delete manifest.bin;
  delete manifest.scripts;
  delete manifest.dependencies;
  delete manifest.devDependencies;
  writeFileSync(join(stage, 'package.json'), JSON.stringify(manifest, null, 2));
  const vsix = join(dir, 'zhlens-web.vsix');
  const r = await runGroup(join(REPO_ROOT, 'node_modules/.bin/vsce'), ['package', '--no-dependencies', '--allow-missing-repository', '-o', vsix], {
    cwd: stage,
    timeoutMs: 120_000,
    capture: true,
    quiet: true,
    label: 'vsce package (web only)',
  });
  if (r.code !== 0) throw new Error(`packaging the web-only VSIX failed (exit ${r.code}):\n${r.output.slice(-2000)}`);
  return { vsix, manifest };
}
