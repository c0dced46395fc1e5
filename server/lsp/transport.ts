import { createConnection, ProposedFeatures, StreamMessageReader, StreamMessageWriter, type Connection } from 'vscode-languageserver/node';

/**
 * The server's connection. Over stdio, a message the server cannot frame or read (a
 * `Content-Length` missing, not a number, negative, too short for its JSON, or random
 * bytes; one too long once the next message completes it) leaves the reader out of step with the client for good: the server would stay alive
 * and answer nothing. It says so in one line and exits with code 1 instead, and the
 * editor starts it again, as VS Code does a few times in a row.
 */
export function serverConnection(argv: readonly string[] = process.argv): Connection {
  if (!argv.includes('--stdio')) return createConnection(ProposedFeatures.all);
  const reader = new StreamMessageReader(process.stdin);
  const writer = new StreamMessageWriter(process.stdout);
  reader.onError((error) => {
    process.stderr.write(`postlint: the language server cannot read its input (${error.message.split('\n')[0]}); it stops so that the editor can start it again\n`);
    process.exit(1);
  });
  return createConnection(ProposedFeatures.all, reader, writer);
}
