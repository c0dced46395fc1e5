/// <reference types="mocha" />
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as vscode from 'vscode';
import type { CheckExternalLinksResult } from '../../../schemas/protocol';
import { closeAllEditors, openPost, ruleId, sitePath, waitForDiagnostics } from './helpers';

/**
 * "Postlint: Check External Links in This Post", as an author runs it: the links of the
 * open post are requested from a server on 127.0.0.1 (allowed by a config of its folder),
 * and the dead one shows in the Problems panel.
 */

const FOLDER = ['content', 'blog', 'external'];
const deadLinks = (found: vscode.Diagnostic[]) => found.filter((diagnostic) => ruleId(diagnostic) === 'link-dead');

suite('Postlint external links in VS Code', () => {
  let server: Server;
  let base = '';
  const requested: string[] = [];

  suiteSetup(async () => {
    server = createServer((request, response) => {
      requested.push(`${request.method} ${request.url}`);
      response.writeHead(request.url === '/gone' ? 404 : 200).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const write = (name: string, text: string) => vscode.workspace.fs.writeFile(sitePath(...FOLDER, name), new TextEncoder().encode(text));
    // The nearest config applies: this folder's allows the test server's address, and only this folder's posts see it.
    await write('.postlintrc.json', JSON.stringify({ extends: 'hugo', checkExternal: { allowPrivate: ['127.0.0.1'] } }));
    await write('orchard-links.md', ['---', 'title: Orchard links', 'date: 2025-07-03', 'author: orchard', '---', '', `The [rota](${base}/rota) and [the old map](${base}/gone).`, ''].join('\n'));
  });
  suiteTeardown(async () => {
    await closeAllEditors();
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  test('the command requests the post\u2019s links and shows the dead one on its URL', async () => {
    const uri = sitePath(...FOLDER, 'orchard-links.md');
    const editor = await openPost(uri);
    await waitForDiagnostics(uri, (found) => deadLinks(found).length === 0, 'a first check');
    const result = await vscode.commands.executeCommand<CheckExternalLinksResult | undefined>('postlint.checkExternalLinks');
    assert.ok(result && !('error' in result), `the command answered ${JSON.stringify(result)}`);
    assert.deepEqual({ links: result.links, problems: result.problems }, { links: 2, problems: 1 });
    const [dead] = deadLinks(await waitForDiagnostics(uri, (found) => deadLinks(found).length === 1, 'a link-dead problem'));
    assert.equal(editor.document.getText(dead.range), `${base}/gone`);
    assert.equal(dead.severity, vscode.DiagnosticSeverity.Error);
    assert.deepEqual(requested.sort(), ['HEAD /gone', 'GET /gone', 'HEAD /rota'].sort(), 'each link once (the 404 asked again with GET), nothing else');
  });
});
