import assert from 'node:assert/strict';
import { test } from 'node:test';
import { altValues } from '../../server/engine/site/shortcode-catalog';

test('altValues: each alt attribute\'s value as the template writes it, a quote inside a template action not ending it', () => {
  assert.deepEqual(altValues('<img src="{{ .Get "src" }}" alt="{{ with .Get "alt" }}{{ . }}{{ else }}{{ .Get "caption" }}{{ end }}" />'), [
    '{{ with .Get "alt" }}{{ . }}{{ else }}{{ .Get "caption" }}{{ end }}',
  ]);
  assert.deepEqual(altValues("<img ALT = '{{ .Get `alt` }}'>\n<img\talt=\"plain words\">"), ['{{ .Get `alt` }}', 'plain words']);
  assert.deepEqual(altValues('<img src="a.png" {{ if .Get "caption" }}alt="{{ .Get "caption" }}"{{ end }}>'), ['{{ .Get "caption" }}'], 'an attribute right after an action');
  assert.deepEqual(altValues('<img data-alt="x" src="a.png"> <img alt={{ .Get "alt" }}>'), [], 'an attribute that only ends in alt, and an unquoted value, are not read');
  assert.deepEqual(altValues('<img alt="{{ .Get "alt" '), ['{{ .Get "alt" '], 'an action never closed runs to the end');
});
