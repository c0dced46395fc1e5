import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  createConnection,
  DiagnosticSeverity,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  type Diagnostic as LspDiagnostic,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { loadBuiltinTemplates } from '../cli/builtin-templates';
import { NodeWorkspace } from '../cli/node-workspace';
import { ConfigError } from '../engine/config';
import { createLanguageService } from '../engine/service';
import type { Diagnostic, Workspace } from '../engine/types';

/**
 * The language server: an adapter that feeds open documents to the engine and
 * publishes what it returns. It reads the disk through the same workspace as the
 * CLI, with open documents taking the place of their files.
 */
export function startServer(): void {
  const connection = createConnection(ProposedFeatures.all);
  const documents = new TextDocuments(TextDocument);
  const disk = new NodeWorkspace();
  const toPath = (uri: string) => fileURLToPath(uri).split('\\').join('/');
  const workspace: Workspace = {
    readFile: async (path) => documents.get(pathToFileURL(path).toString())?.getText() ?? disk.readFile(path),
    stat: (path) => disk.stat(path),
    readDirectory: (path) => disk.readDirectory(path),
  };
  const service = createLanguageService({ workspace, templates: loadBuiltinTemplates() });
  const latest = new Map<string, number>();

  connection.onInitialize(() => ({
    capabilities: { textDocumentSync: TextDocumentSyncKind.Incremental },
    serverInfo: { name: 'postlint' },
  }));

  async function validate(document: TextDocument): Promise<void> {
    if (!document.uri.startsWith('file:')) return;
    latest.set(document.uri, document.version);
    let diagnostics: LspDiagnostic[];
    try {
      const result = await service.check(toPath(document.uri), document.getText());
      diagnostics = result.diagnostics.map(toLsp);
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      connection.console.error(error.message);
      diagnostics = [];
    }
    // A newer version arrived while this one was checked: its own result will follow.
    if (latest.get(document.uri) !== document.version) return;
    await connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics });
  }

  documents.onDidChangeContent((event) => {
    validate(event.document).catch((error: unknown) => connection.console.error(String((error as Error).stack ?? error)));
  });
  documents.onDidClose((event) => {
    latest.delete(event.document.uri);
    void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
  });
  connection.onDidChangeWatchedFiles(() => service.invalidate());

  documents.listen(connection);
  connection.listen();
}

function toLsp(diagnostic: Diagnostic): LspDiagnostic {
  return {
    range: diagnostic.range,
    severity: diagnostic.severity === 'error' ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
    code: diagnostic.ruleId,
    codeDescription: { href: diagnostic.docsUrl },
    source: 'postlint',
    message: diagnostic.message,
  };
}
