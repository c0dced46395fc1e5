import { RULES } from '../engine/rules';

export function helpText(): string {
  const rules = RULES.map((rule) => `  ${rule.meta.id.padEnd(26)} ${rule.meta.defaultSeverity.padEnd(8)} ${rule.meta.description}`).join('\n');
  return `postlint: checks Hugo blog posts (front matter, links, images) before they ship.

Usage:
  postlint check [files, folders or globs...] [options]
      Checks posts. With nothing named, checks the posts of the Hugo site around
      the current folder. A folder or glob selects the posts in it (other pages are
      read as link targets only); a file named explicitly is checked as a post
      whatever its name.
  postlint print-config <file>
      Prints, as JSON, the site, config file, preset, post kind and rule settings
      that apply to a post.
  postlint new member-welcome|event-recap --title <title> [options]
      Writes a new post from the kind's template and prints its absolute path.
      --org <name>      the organisation welcomed (member-welcome: required)
      --event <name>    the event recapped (event-recap: required)
      --date YYYY-MM-DD the post's date (default: today)
      --author <key>    the author (default: the config's, else the preset's)
      --out <file>      where to write (default: the site's blog folder, named
                        after the title); an existing file is never overwritten
      Exit 2, with a one-line message, when the file exists, a required option is
      missing, or no site is found.
  postlint init [folder]
      Writes .postlintrc.json at the root of the Hugo site around the folder
      (default: the current one), with the preset the site implies, and prints its
      path. Exit 2 when the file exists (it is never overwritten) or no site is found.
  postlint lsp --stdio
      Starts the language server, for any editor that speaks LSP.
  postlint --help | --version

Options for check:
  --format <name>[:file]  stylish (default) for people; json (ESLint's JSON
                          formatter output); sarif (SARIF 2.1.0, for code
                          scanning); github (GitHub Actions annotations);
                          junit (JUnit XML). Repeat it for several reports:
                          each with :file goes to that file, the one without
                          to stdout (--format stylish --format sarif:out.sarif)
  -o, --output-file <file> write the report of the --format given without a
                          file there instead of stdout; when every report goes
                          to a file, stdout gets a short summary
  --config <file>         use this config file instead of the nearest
                          .postlintrc.json
  --max-warnings <n>      exit 1 when there are more than n warnings
  --max-file-size <MB>    read files up to this size (default 10); a larger post
                          is not checked: one fatal error says so (exit 1)
  --fix                   apply the safe fixes to the files, then report what
                          is left (fixes that need a person are editor-only)
  --fix-dry-run           apply the safe fixes in memory only: print the lines
                          they would change (json: each changed file's fixed
                          text as \`output\`), then report what would be left
  --quiet                 report errors only
  --write-baseline <file> record today's findings in <file> (JSON, sorted, for
                          a diff) and exit 0: a site with history adopts
                          Postlint without fixing everything first
  --changed-since <ref>   report only the posts changed since a git ref (added,
                          modified, renamed; uncommitted and untracked ones too)
                          and the posts whose links reach what changed; in a
                          shallow clone, fetch the ref first
  --baseline <file>       leave out the findings <file> records: only new ones
                          are reported. A finding is known by its file, rule
                          and the text it is on, not its line, so an edit above
                          it does not bring it back
  --cache                 reuse each post's result from .postlint-cache/ while
                          nothing it depends on changed (its text, what its
                          links reach, the site's config, data and layouts)
  --cache-location <path> where --cache keeps its results (a file, or a folder)
  --check-external        also request each external link once (rule
                          link-dead): dead pages, lasting failures and
                          permanent redirects are reported; never a private or
                          loopback address. Verdicts are kept in
                          .postlint-cache/links.json (checkExternal in
                          .postlintrc.json turns it on and sets its options)
  --no-cache              with --check-external, neither read nor write the
                          verdicts of earlier runs
  --no-color              plain text even on a terminal (also NO_COLOR=1)

Exit codes:
  0  no errors (and no more warnings than --max-warnings)
  1  errors, or more warnings than --max-warnings
  2  a usage or configuration error, an unreadable file, no post matched, or a
     report file that could not be written; 2 wins over 1. A one-line message
     on stderr names the file.

Configuration: .postlintrc.json (JSON with comments), the nearest one walking up
from each post to the site root. Inline comments turn rules off:
  <!-- postlint-disable rule-id -->, <!-- postlint-enable -->,
  <!-- postlint-disable-next-line rule-id -->, <!-- postlint-disable-file rule-id -->,
  and in front matter: # postlint-disable-next-line rule-id

Rules (id, default severity, what it catches):
${rules}
`;
}
