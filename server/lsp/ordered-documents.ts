import type { TextDocumentContentChangeEvent, TextDocumentsConfiguration } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';

/**
 * Open documents whose versions only go forward: a change with a version not above the
 * document's own comes late or out of order, and applying it would check a text the
 * editor no longer shows. It is ignored; the editor's next change brings the text again.
 */
export const orderedDocuments: TextDocumentsConfiguration<TextDocument> = {
  create: (uri, languageId, version, content) => TextDocument.create(uri, languageId, version, content),
  update: (document: TextDocument, changes: TextDocumentContentChangeEvent[], version: number) =>
    version > document.version ? TextDocument.update(document, changes, version) : document,
};
