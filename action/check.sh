#!/usr/bin/env bash
# The check step of the composite action (action.yml), run in the site's folder with the action's
# inputs in POSTLINT_* variables. Runs the site's own postlint (its devDependency) with
# --format github, so that each finding becomes an annotation, and SARIF to a file when asked.
# Its exit code is recorded as the step's output `exit-code` rather than failing the step: the
# SARIF is uploaded first, and the action's last step fails the job with it.
set -uo pipefail

postlint=node_modules/.bin/postlint
if [ ! -x "$postlint" ]; then
  echo "::error title=postlint not installed::No $postlint in $(pwd): add postlint to the site's devDependencies (see docs/ci.md), or set working-directory to the folder of its package.json"
  echo "exit-code=2" >>"$GITHUB_OUTPUT"
  exit 0
fi

args=(check --format github)
sarif=${POSTLINT_SARIF_FILE:-}
if [ -z "$sarif" ] && [ "${POSTLINT_UPLOAD_SARIF:-false}" = true ]; then
  sarif=${RUNNER_TEMP:?}/postlint.sarif
fi
if [ -n "$sarif" ]; then args+=(--format "sarif:$sarif"); fi
if [ -n "${POSTLINT_BASELINE:-}" ]; then args+=(--baseline "$POSTLINT_BASELINE"); fi
if [ -n "${POSTLINT_CHANGED_SINCE:-}" ]; then args+=(--changed-since "$POSTLINT_CHANGED_SINCE"); fi
if [ "${POSTLINT_CACHE:-false}" = true ]; then args+=(--cache); fi
# One path a line; blank lines are none. After `--`, a path that starts with `-` is still a path.
paths=()
while IFS= read -r path; do
  if [ -n "${path//[[:space:]]/}" ]; then paths+=("$path"); fi
done <<<"${POSTLINT_PATHS:-}"
args+=(-- "${paths[@]}")

"$postlint" "${args[@]}"
code=$?
echo "exit-code=$code" >>"$GITHUB_OUTPUT"
if [ -n "$sarif" ] && [ -f "$sarif" ]; then
  echo "sarif-file=$(realpath "$sarif")" >>"$GITHUB_OUTPUT"
fi
exit 0
