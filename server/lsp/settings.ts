import type { Connection } from 'vscode-languageserver/node';
import { DEFAULT_SETTINGS, settingsSchema, type Settings } from '../../schemas/settings';

export type { Settings };

/** The `postlint.*` settings, read per resource through workspace/configuration and cached until they change. */
export class SettingsCache {
  private readonly byUri = new Map<string, Promise<Settings>>();
  /** False when the client cannot be asked: the defaults apply everywhere. */
  supported = false;

  constructor(private readonly connection: Connection) {}

  get(uri: string): Promise<Settings> {
    if (!this.supported) return Promise.resolve(DEFAULT_SETTINGS);
    let settings = this.byUri.get(uri);
    if (!settings) {
      settings = this.connection.workspace
        .getConfiguration({ scopeUri: uri, section: 'postlint' })
        // A value of the wrong type falls back to the defaults rather than breaking checks.
        .then((value: unknown) => settingsSchema.safeParse(value ?? {}).data ?? DEFAULT_SETTINGS)
        .catch(() => DEFAULT_SETTINGS);
      this.byUri.set(uri, settings);
    }
    return settings;
  }

  clear(): void {
    this.byUri.clear();
  }
}

/**
 * Whether the editor trusts the workspace, from `initializationOptions.trusted`
 * (VS Code's Restricted Mode). Editors without a notion of trust send nothing: the
 * folder is then trusted. Any value but `true` or nothing counts as untrusted.
 */
export function trustOf(initializationOptions: unknown): boolean {
  if (typeof initializationOptions !== 'object' || initializationOptions === null) return true;
  const { trusted } = initializationOptions as { trusted?: unknown };
  return trusted === undefined || trusted === true;
}

/** The editor's command that shows a rule's documentation (`InitializationOptions.ruleDocsCommand`), if it named one. */
export function ruleDocsCommandOf(initializationOptions: unknown): string | undefined {
  if (typeof initializationOptions !== 'object' || initializationOptions === null) return undefined;
  const { ruleDocsCommand } = initializationOptions as { ruleDocsCommand?: unknown };
  return typeof ruleDocsCommand === 'string' && ruleDocsCommand !== '' ? ruleDocsCommand : undefined;
}

/** Whether the editor shows the whole-site check itself (`InitializationOptions.siteCheckStatus`). */
export function siteCheckStatusOf(initializationOptions: unknown): boolean {
  if (typeof initializationOptions !== 'object' || initializationOptions === null) return false;
  return (initializationOptions as { siteCheckStatus?: unknown }).siteCheckStatus === true;
}

/** What the server logs once at start: whether the workspace is trusted, and what that changes. */
export function trustNotice(trusted: boolean): string {
  const never = 'Postlint never executes anything from a folder, trusted or not.';
  if (trusted) return `Postlint: the workspace is trusted: the postlint.configFile setting and the site\u2019s own templates apply. ${never}`;
  return (
    'Postlint: the workspace is not trusted (Restricted Mode), so the postlint.configFile setting is ignored (the nearest .postlintrc.json still applies) ' +
    'and the site\u2019s own templates are not read: new posts, template completions and checks use the built-in templates, not the files named by ' +
    'templates.member-welcome and templates.event-recap, and no "About" text (templates.about, data/postlint/about.md). ' +
    `${never} Trust the workspace to use its config file setting and templates.`
  );
}
