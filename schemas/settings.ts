import { z } from './zod';

/**
 * The editor's `postlint.*` settings: their single source. The language server
 * reads them per resource through workspace/configuration (section `postlint`),
 * which nests `trace.server` as `{ trace: { server } }`, as here. The extension
 * manifest (package.json, `contributes.configuration`) repeats them, because VS
 * Code reads it as it is; test/client/manifest.test.ts fails when the two differ.
 *
 * Each setting's metadata is what package.json contributes for it: `description`,
 * and VS Code's own `scope` and `enumDescriptions`.
 */
export const settingsSchema = z.object({
  enable: z.boolean().default(true).meta({
    scope: 'resource',
    description: 'Check Markdown posts and .postlintrc.json files. Turn it off for a folder to silence Postlint there.',
  }),
  run: z
    .enum(['onType', 'onSave'])
    .default('onType')
    .meta({
      scope: 'resource',
      enumDescriptions: ['Check a post as you type.', 'Check a post when you save it.'],
      description: 'When to check a post. Either way, a post is checked when it opens.',
    }),
  validateWorkspace: z.boolean().default(true).meta({
    scope: 'resource',
    description:
      'Check every post of the site when the editor starts, so that the Problems panel lists them all, not only the open ones. The command "Postlint: Check Whole Site" does the same at any time.',
  }),
  checkExternalOnSave: z.boolean().default(false).meta({
    scope: 'resource',
    description:
      'Check that a post\u2019s external links still work each time you save it (rule link-dead), as the command "Postlint: Check External Links in This Post" does. It requests each link over the network: off by default.',
  }),
  configFile: z.string().default('').meta({
    scope: 'resource',
    description:
      'A config file to use instead of the nearest .postlintrc.json, like the CLI\u2019s --config: an absolute path, or a path from the workspace folder. Empty: find .postlintrc.json as the CLI does. A folder you have not trusted cannot set it.',
  }),
  trace: z
    .object({
      server: z
        .enum(['off', 'messages', 'verbose'])
        .default('off')
        .meta({
          scope: 'window',
          enumDescriptions: ['No trace.', 'The name of each message.', 'Each message with its content.'],
          description: 'Trace the messages between VS Code and the Postlint language server in the output, to report a problem.',
        }),
    })
    .default({ server: 'off' }),
});

/** The settings that apply to a resource, every default filled in. */
export type Settings = z.infer<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = settingsSchema.parse({});
