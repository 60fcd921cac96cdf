// `npm run screenshots`: builds zhlens, runs the UI tests (test/ui/) in a real VS Code and, when
// they all pass, copies the screenshots the README shows from test-results/ into docs/images/.
// Same tools and isolation as `npm test` (test/vscode/run.mjs); set ZHLENS_VSCODE_TOOLS to reuse
// an installed tools cache.
import { spawnSync } from 'node:child_process';
import { runUiLayer } from '../test/vscode/run.mjs';
import { endGroupsOnSignals } from '../test/vscode/processGroup.mjs';
import { REPO_ROOT } from '../test/vscode/tools.mjs';

endGroupsOnSignals();
if (spawnSync('npm', ['run', 'build'], { cwd: REPO_ROOT, stdio: 'inherit' }).status !== 0) process.exit(1);
process.env.ZHLENS_UPDATE_SCREENSHOTS = '1';
const { passed, failed } = await runUiLayer();
console.log(`screenshots: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);
