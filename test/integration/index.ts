// Entry of the in-host suite, loaded by the extension host through `extensionTestsPath`. The
// contract is @vscode/test-electron's: export run(), resolve when every test passed. The same
// file runs under code-server (offline, `npm test`) and under desktop VS Code (`npm run test:desktop`).
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

function findTestFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return findTestFiles(full);
    return entry.name.endsWith('.test.js') ? [full] : [];
  });
}

export function run(): Promise<void> {
  // ZHLENS_INHOST_GREP=text runs only the tests whose titles contain it (while working on one feature).
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 30_000, grep: process.env.ZHLENS_INHOST_GREP || undefined });
  for (const file of findTestFiles(__dirname).sort()) mocha.addFile(file);
  // The runner outside the editor reads the counts from here; the exit code alone says only pass/fail.
  const resultFile = process.env.ZHLENS_TEST_RESULT_FILE;
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      if (resultFile) {
        const { passes, pending } = runner.stats ?? { passes: 0, pending: 0 };
        fs.writeFileSync(resultFile, JSON.stringify({ passed: passes, failed: failures, pending }));
      }
      if (failures > 0) reject(new Error(`${failures} in-host test(s) failed`));
      else resolve();
    });
  });
}
