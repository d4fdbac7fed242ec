// The regard extension: starts `regard server` and connects VS Code to it.
// Everything else (findings, hover, quick fixes, reloading the
// configuration) is the server's; see docs/editors.md.
'use strict';

const vscode = require('vscode');
const { LanguageClient } = require('vscode-languageclient/node');

let client;

function activate(context) {
  const settings = vscode.workspace.getConfiguration('regard');
  const server = {
    command: settings.get('path', 'regard'),
    args: ['server', ...settings.get('args', [])],
  };
  const options = {
    // Markdown and plain-text notes, saved or not.
    documentSelector: [
      { scheme: 'file', language: 'markdown' },
      { scheme: 'file', language: 'plaintext' },
      { scheme: 'untitled', language: 'markdown' },
      { scheme: 'untitled', language: 'plaintext' },
    ],
  };
  client = new LanguageClient('regard', 'regard', server, options);
  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('regard')) {
        vscode.window.showInformationMessage('regard: reload the window to use the new settings.');
      }
    }),
  );
  return client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
