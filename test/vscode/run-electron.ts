// npm run test:vscode: the extension-host suite in a VS Code that @vscode/test-electron downloads,
// as VS Code's docs describe. Machines that cannot reach VS Code's download servers (ours) run the
// same suite in code-server instead: npm run test:e2e.
import { runTests, TestRunFailedError } from '@vscode/test-electron';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { copyExampleSite, REPO, SUITE_INDEX, writeUserSettings } from './workspace';

/** The oldest VS Code that package.json's engines.vscode admits, which code-server 4.100.3 also carries. */
const VERSION = process.env.POSTLINT_VSCODE_VERSION || '1.100.3';

async function main(): Promise<number> {
  const temp = mkdtempSync(join(tmpdir(), 'postlint-vscode-'));
  try {
    const userData = join(temp, 'user-data');
    writeUserSettings(userData);
    return await runTests({
      version: VERSION,
      extensionDevelopmentPath: REPO,
      extensionTestsPath: SUITE_INDEX,
      launchArgs: [copyExampleSite(temp), '--user-data-dir', userData, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes'],
    });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    if (error instanceof TestRunFailedError) {
      console.error(`test:vscode: the extension tests failed in VS Code ${VERSION}: ${reason}`);
    } else {
      console.error(
        `test:vscode: could not download or start VS Code ${VERSION}: ${reason}\n` +
          'This script needs VS Code\u2019s download servers. Where they cannot be reached, run the same tests in code-server: npm run test:e2e',
      );
    }
    return 1;
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
}

void main().then((code) => (process.exitCode = code));
