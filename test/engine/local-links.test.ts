import assert from 'node:assert/strict';
import { test } from 'node:test';
import { localLinks } from '../../server/engine/links/local-links';
import { parseBody } from '../../server/engine/markdown/index';
import type { Post } from '../../server/engine/rule';
import type { Site } from '../../server/engine/site/site';

// Expected links are written by hand from the URL syntax and the site's baseURL,
// never computed by the code under test.

/** The local links of a body, each as [url as written, kind, path, fragment, written as a full URL]. */
function links(body: string, baseURL: string | undefined = 'https://example.org/') {
  // The links read only the post's body and the site's baseURL.
  const post = { body: parseBody(body, 0) } as Post;
  return localLinks(post, { baseURL } as Site).map((link) => [link.target.url, link.kind, link.path, link.fragment, link.absolute]);
}

test('localLinks: paths from the root and from the post, with query dropped and fragment kept', () => {
  assert.deepEqual(links('[a](/x/#f) [b](rel/p?q=1#g) [c](#only-here) [d](/www.a.com/x)\n'), [
    ['/x/#f', 'site', '/x/', 'f', false],
    ['rel/p?q=1#g', 'relative', 'rel/p', 'g', false],
    ['/www.a.com/x', 'site', '/www.a.com/x', undefined, false],
  ]);
});

test('localLinks: full URLs of the site itself, whatever the scheme case, www., port or user', () => {
  const body = '[a](https://example.org/y/) [b](https://www.example.org:8080/p) [c](https://user@example.org/u) [d](HTTPS://EXAMPLE.ORG/up) [e](https://other.org/z)\n';
  assert.deepEqual(links(body), [
    ['https://example.org/y/', 'site', '/y/', undefined, true],
    ['https://www.example.org:8080/p', 'site', '/p', undefined, true],
    ['https://user@example.org/u', 'site', '/u', undefined, true],
    ['HTTPS://EXAMPLE.ORG/up', 'site', '/up', undefined, true],
  ]);
});

test('localLinks: a baseURL with spaces, capitals or a www. names the same site; without one, no full URL is local', () => {
  const body = '[a](https://example.org/p/) [b](/p/)\n';
  const expected = [
    ['https://example.org/p/', 'site', '/p/', undefined, true],
    ['/p/', 'site', '/p/', undefined, false],
  ];
  assert.deepEqual(links(body, '  HTTPS://Example.org/  '), expected);
  assert.deepEqual(links(body, 'https://www.example.org/'), expected);
  assert.deepEqual(links(`${body}\nwww.example.org/q/\n`, ''), [['/p/', 'site', '/p/', undefined, false]]);
});

test('localLinks: an IPv6 host is told apart from its port', () => {
  assert.deepEqual(links('[a](http://[::1]:1313/v6/) [b](http://[::1]/v6b/) [c](http://[::2]/no/)\n', 'http://[::1]/'), [
    ['http://[::1]:1313/v6/', 'site', '/v6/', undefined, true],
    ['http://[::1]/v6b/', 'site', '/v6b/', undefined, true],
  ]);
});

test('localLinks: GFM bare and autolinked addresses of the site count, as full URLs; e-mail addresses never', () => {
  const body = 'See www.example.org/bare/ and https://example.org/bare2/ and www.other.org/x.\n\n<https://example.org/auto/> <crew@example.org> crew@example.org\n';
  assert.deepEqual(links(body), [
    ['www.example.org/bare/', 'site', '/bare/', undefined, true],
    ['https://example.org/bare2/', 'site', '/bare2/', undefined, true],
    ['https://example.org/auto/', 'site', '/auto/', undefined, true],
  ]);
});

test('localLinks: other sites written without a scheme, e-mail addresses, schemes and templates are not local', () => {
  const body = '[a](example.com/x) [b](crew@example.org) [c](mailto:a@b.org) [d](tel:+12) [e](//example.org/pr/) [f]({{< ref "x.md" >}}) [g](notes.txt)\n';
  assert.deepEqual(links(body), [['notes.txt', 'relative', 'notes.txt', undefined, false]]);
});

test('localLinks: a target written with spaces before it is read as the browser reads it', () => {
  assert.deepEqual(links('<a href=" https://example.org/sp">x</a> <a href=" mailto:x@example.org">m</a>\n'), [[' https://example.org/sp', 'site', '/sp', undefined, true]]);
});

test('localLinks: worked out once per post', () => {
  const post = { body: parseBody('[a](/x/)\n', 0) } as Post;
  const site = { baseURL: 'https://example.org/' } as Site;
  assert.equal(localLinks(post, site), localLinks(post, site));
});

test('localLinks: a one-letter user is not the host, and `//` or `:` later in a relative path makes no full URL', () => {
  const body = '[a](https://a@example.org/u) [b](notes//example.org/x) [c](a//other.org/x) [d](notes/a:b)\n';
  assert.deepEqual(links(body), [
    ['https://a@example.org/u', 'site', '/u', undefined, true],
    ['notes//example.org/x', 'relative', 'notes//example.org/x', undefined, false],
    ['a//other.org/x', 'relative', 'a//other.org/x', undefined, false],
    ['notes/a:b', 'relative', 'notes/a:b', undefined, false],
  ]);
});
