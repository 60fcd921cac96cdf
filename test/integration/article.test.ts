// The reading features in a real VS Code: highlights, hovers and the outline on the Yizhuang
// article (samples/yizhuang-article/repaired.txt; the workspace is a temp copy of samples/).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

interface DecorationRange {
  kind: string;
  text: string;
  start: number;
  end: number;
}

function workspaceFile(relative: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'no workspace folder is open');
  return vscode.Uri.joinPath(folder.uri, relative);
}

async function openArticle(): Promise<vscode.TextEditor> {
  await vscode.extensions.getExtension('zhlens.zhlens')?.activate();
  const document = await vscode.workspace.openTextDocument(workspaceFile('yizhuang-article/repaired.txt'));
  return vscode.window.showTextDocument(document);
}

/** Highlights are drawn after a short pause; ask until they are there. */
async function decorationsOf(editor: vscode.TextEditor): Promise<DecorationRange[]> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const ranges = await vscode.commands.executeCommand<DecorationRange[]>('zhlens.internal.decorationRanges', editor.document.uri.toString());
    if (ranges.length) return ranges;
    await new Promise((r) => setTimeout(r, 100));
  }
  return [];
}

function hoverText(hovers: vscode.Hover[]): string {
  return hovers.flatMap((h) => h.contents).map((c) => (typeof c === 'string' ? c : c.value)).join('\n');
}

suite('Article features on the Yizhuang article', () => {
  test('figures and organizations are highlighted, each with its kind', async () => {
    const editor = await openArticle();
    const ranges = await decorationsOf(editor);
    const text = editor.document.getText();
    for (const r of ranges) assert.equal(text.slice(r.start, r.end), r.text);
    const shown = (want: string, kind: string) => ranges.some((r) => r.text === want && r.kind === kind);
    for (const [want, kind] of [['179項', 'count'], ['42%', 'percent'], ['近1000億元', 'money'], ['180.7億元', 'money']]) {
      assert.ok(shown(want, kind), `${want} is not highlighted as ${kind}`);
    }
    for (const name of ['北京經濟技術開發區', '天津大學', '燕山大學', 'SMC(中國)有限公司']) {
      assert.ok(shown(name, 'organization'), `${name} is not highlighted as an organization`);
    }
  });

  test('the hover on 近1000億元 gives its value and its sentence', async () => {
    const editor = await openArticle();
    const offset = editor.document.getText().indexOf('近1000億元') + 2;
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, editor.document.positionAt(offset));
    const text = hoverText(hovers);
    assert.match(text, /100,000,000,000 元/);
    assert.match(text, /100 billion CNY/);
    assert.match(text, /nearly/);
    assert.ok(text.includes('馬駒橋智造基地集成電路產業生態持續完善,聚集制造、封測、裝備、零部件及材料等集成電路產業鏈各環節產業項目23個,總投資近1000億元;'), text);
  });

  test('the hover on 180.7億元 derives the year before from 同比增長8.4%', async () => {
    const editor = await openArticle();
    const offset = editor.document.getText().indexOf('180.7億元') + 1;
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, editor.document.positionAt(offset));
    assert.match(hoverText(hovers), /the year before \(2022\): ≈ 166\.7億元/);
  });

  test('the hover on 45.73公頃 names an area and gives it in mu and km²', async () => {
    const editor = await openArticle();
    const offset = editor.document.getText().indexOf('45.73公頃') + 1;
    const text = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, editor.document.positionAt(offset)));
    assert.match(text, /\*\*45\.73公頃\*\* · area/);
    assert.match(text, /≈ 685\.9 mu · ≈ 0\.4573 km²/);
  });

  test('a repeated figure: the hover says which mention it is and links to the next; the command jumps there', async () => {
    const editor = await openArticle();
    const text = editor.document.getText();
    const first = text.indexOf('52個');
    const second = text.indexOf('52個', first + 1);
    const hover = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, editor.document.positionAt(first + 1)));
    assert.match(hover, /Mention 1 of 3/);
    assert.ok(hover.includes(`command:zhlens.article.reveal?${encodeURIComponent(JSON.stringify([editor.document.uri.toString(), second, second + 3]))}`), hover);
    editor.selection = new vscode.Selection(editor.document.positionAt(first + 1), editor.document.positionAt(first + 1));
    await vscode.commands.executeCommand('zhlens.article.nextMention');
    const active = vscode.window.activeTextEditor!;
    assert.deepEqual([active.document.offsetAt(active.selection.start), active.document.offsetAt(active.selection.end)], [second, second + 3]);
  });

  test('figures of the new kinds are highlighted as such: 45.73公頃 a measure, 4.0階段 a stage, 2024 a year', async () => {
    const editor = await openArticle();
    const ranges = await decorationsOf(editor);
    const kindOf = (want: string) => ranges.find((r) => r.text === want)?.kind;
    assert.deepEqual([kindOf('45.73公頃'), kindOf('4.0階段'), kindOf('2024')], ['measure', 'version', 'date']);
  });

  test('the hover on 北京亦莊 names 北京經濟技術開發區 and links to the first mention', async () => {
    const editor = await openArticle();
    const text = editor.document.getText();
    const offset = text.indexOf('北京亦莊', text.indexOf('下稱')) + 1;
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, editor.document.positionAt(offset));
    const hover = hoverText(hovers);
    assert.match(hover, /development zone/);
    assert.match(hover, /Full name: 北京經濟技術開發區/);
    assert.match(hover, /\d+ mentions/);
    assert.match(hover, /command:zhlens\.article\.reveal\?/);
  });

  test('the hover on a short form (天大 after 天津大學) names the full name, the kind and the other mention', async () => {
    await vscode.extensions.getExtension('zhlens.zhlens')?.activate();
    const text = '天津大學與燕山大學簽署合作協議。天大將派出教師參與研究。';
    const document = await vscode.workspace.openTextDocument({ content: text, language: 'plaintext' });
    await vscode.window.showTextDocument(document);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, document.positionAt(text.indexOf('天大') + 1));
    const hover = hoverText(hovers);
    assert.match(hover, /天大\*\* · university/);
    assert.match(hover, /Full name: 天津大學/);
    assert.match(hover, /Other mentions: .*天津大學/);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  test('the outline: the title over the lead and three two-line sections; copyright notice and related links after it', async () => {
    const editor = await openArticle();
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', editor.document.uri);
    const zhlensSymbols = symbols.filter((s) => s.name.startsWith('協同發展邁出新步伐'));
    assert.equal(zhlensSymbols.length, 1, `symbols: ${symbols.map((s) => s.name).join(', ')}`);
    const [title] = zhlensSymbols;
    assert.equal(title.name, '協同發展邁出新步伐 北京亦莊助力打造京津冀高精尖產業經濟帶');
    assert.deepEqual(title.children.map((s) => [s.name, s.detail]), [
      ['實現京津冀三地高端汽車和新能源智能汽車產…', 'lead'],
      ['三地產業協同成效明顯 / 將打造區域優勢產業集群', 'section'],
      ['三地推出179項“同事同標”政務事項 / 創新成立合作聯盟打造“京津冀經驗”', 'section'],
      ['52個重大產業項目落地臺馬片區 / 建設創新孵化載體形成新質生產力', 'section'],
    ]);
    const after = symbols.slice(symbols.indexOf(title) + 1).map((s) => [s.name, s.detail]);
    assert.deepEqual(after, [['版權聲明', 'copyright notice'], ['京西有驚喜 2024京西消費節"五季"全年放送點燃消費活力', 'related links']]);
    // A two-line heading selects both its lines.
    const second = title.children[1];
    assert.deepEqual([second.selectionRange.start.line, second.selectionRange.end.line], [2, 3]);
  });

  test('sections fold', async () => {
    const editor = await openArticle();
    const folds = await vscode.commands.executeCommand<vscode.FoldingRange[]>('vscode.executeFoldingRangeProvider', editor.document.uri);
    assert.ok(folds.some((f) => f.start === 2 && f.end === 7), `folds: ${folds.map((f) => `${f.start}-${f.end}`).join(' ')}`);
  });

  test('on a garbled article the garbling verdict comes first: its diagnostics are there when the first highlight and the outline are', async () => {
    // A copy no other test has opened, so that this open is its first.
    const copy = workspaceFile('yizhuang-article/garbled-first-verdict.txt');
    await vscode.workspace.fs.copy(workspaceFile('yizhuang-article/garbled.txt'), copy, { overwrite: true });
    const diagnostics = () => vscode.languages.getDiagnostics(copy).filter((d) => d.source === 'zhlens').length;
    try {
      const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(copy));
      // Watch for the first highlight from the moment the editor shows, and note the diagnostics then.
      const firstHighlight = (async () => {
        for (let attempt = 0; attempt < 1000; attempt++) {
          const ranges = await vscode.commands.executeCommand<DecorationRange[]>('zhlens.internal.decorationRanges', editor.document.uri.toString());
          if (ranges.length) return diagnostics();
          await new Promise((r) => setTimeout(r, 10));
        }
        return undefined;
      })();
      const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', copy);
      assert.ok(symbols.length > 0, 'no outline');
      assert.ok(diagnostics() > 100, `only ${diagnostics()} diagnostics when the outline came`);
      const atHighlight = await firstHighlight;
      assert.ok(atHighlight !== undefined, 'no highlights on the garbled article');
      assert.ok(atHighlight > 100, `only ${atHighlight} diagnostics when the first highlight was drawn`);
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      await vscode.workspace.fs.delete(copy);
    }
  });
});

suite('Organizations follow the kind of text set by the reader', () => {
  const resume = '现任上海明达科技股份有限公司董事会董事、副总经理。\n曾任深圳海诚电子有限公司销售部经理、浙江海诚副总经理。\n';
  const organizations = (ranges: DecorationRange[]) => ranges.filter((r) => r.kind === 'organization').map((r) => r.text);

  async function organizationsShown(editor: vscode.TextEditor, want: string): Promise<string[]> {
    for (let attempt = 0; attempt < 50; attempt++) {
      const names = organizations(await decorationsOf(editor));
      if (names.includes(want)) return names;
      await new Promise((r) => setTimeout(r, 100));
    }
    return organizations(await decorationsOf(editor));
  }

  test('a résumé read as news, then with zhlens.organizations.textKind set to resume', async () => {
    await vscode.extensions.getExtension('zhlens.zhlens')?.activate();
    const document = await vscode.workspace.openTextDocument({ content: resume, language: 'plaintext' });
    const editor = await vscode.window.showTextDocument(document);
    const settings = vscode.workspace.getConfiguration('zhlens.organizations');
    try {
      const asNews = await organizationsShown(editor, '上海明达科技股份有限公司董事会');
      assert.ok(asNews.includes('上海明达科技股份有限公司董事会'), `read as news: ${asNews.join(', ')}`);
      assert.ok(!asNews.includes('浙江海诚'), `read as news: ${asNews.join(', ')}`);
      await settings.update('textKind', 'resume', vscode.ConfigurationTarget.Global);
      const asResume = await organizationsShown(editor, '浙江海诚');
      assert.ok(asResume.includes('上海明达科技股份有限公司'), `read as a résumé: ${asResume.join(', ')}`);
      assert.ok(asResume.includes('浙江海诚'), `read as a résumé: ${asResume.join(', ')}`);
      assert.ok(!asResume.includes('上海明达科技股份有限公司董事会'), `read as a résumé: ${asResume.join(', ')}`);
    } finally {
      await settings.update('textKind', undefined, vscode.ConfigurationTarget.Global);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
  });
});
