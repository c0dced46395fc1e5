import { execFile, spawnSync } from 'node:child_process';
import { join } from 'node:path';

/** The schema the JUnit report is validated against (see its header). */
export const JUNIT_XSD = join(__dirname, '..', 'schemas', 'junit.xsd');

/** Where xmllint is, or undefined. Tests install nothing: .ci/install-test-tools does, in CI. */
const XMLLINT = (() => {
  const found = spawnSync('which', ['xmllint'], { encoding: 'utf8' });
  return found.status === 0 ? found.stdout.trim() : undefined;
})();

/** Why xmllint cannot run here, or false. */
export const XMLLINT_MISSING = XMLLINT ? false : 'xmllint not found: install it with `bash .ci/install-test-tools` (Debian\u2019s libxml2-utils)';

/** xmllint's verdict on `xml` against the JUnit schema: its exit code and what it said. */
export function validateJunit(xml: string): Promise<{ code: number; output: string }> {
  return new Promise((resolve, reject) => {
    const child = execFile(XMLLINT!, ['--noout', '--nonet', '--schema', JUNIT_XSD, '-'], (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      if (code === -1) reject(error);
      else resolve({ code, output: stdout + stderr });
    });
    child.stdin!.end(xml);
  });
}
