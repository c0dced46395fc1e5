import assert from 'node:assert/strict';
import { test } from 'node:test';
import { looksLikeHost } from '../../server/engine/links/hosts';

test('looksLikeHost: two or more labels, starting with www. or ending in a top-level domain of the IANA list', () => {
  for (const host of ['www.example.org/x', 'www.x', 'example.com', 'EXAMPLE.COM/x', 'a.b.c.io', 'my-site.com', 'ii.nz', 'example.info/x', 'tide.museum', 'example.org.', 'example.org./path', 'xn--bcher-kva.example.de?q=1']) {
    assert.equal(looksLikeHost(host), true, host);
  }
  for (const path of ['x.y', 'foo/bar.com', 'exa_mple.com', 'example.com:80/x', 'a..com', '.com', 'com', 'www', '/www.example.org/x', 'notes.txt', 'chart.png', 'report.pdf']) {
    assert.equal(looksLikeHost(path), false, path);
  }
});

test('looksLikeHost: a top-level domain that is also a common file extension names a file, unless the name starts with www.', () => {
  for (const file of ['notes.md', 'setup.sh', 'plot.py', 'archive.zip', 'demo.mov', 'main.rs', 'script.pl']) assert.equal(looksLikeHost(file), false, file);
  assert.equal(looksLikeHost('www.example.md'), true);
});
