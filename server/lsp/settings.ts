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
