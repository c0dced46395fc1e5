import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseBody } from '../../server/engine/markdown/index';
import { attributeSpan, bracketSpan, hostMatches, isEmailAddress, isTemplated, uniqueTargets, urlParts, withoutBrackets } from '../../server/engine/links/url-parts';

// Expected parts and spans are written by hand from the URL syntax (RFC 3986)
// and from the texts below, never computed by the code under test.

test('urlParts: scheme, host, query and fragment of a full URL, by offset', () => {
  const url = 'HTTPS://User:Pw@Example.ORG:8080/path?q=1&r=2#Top';
  assert.deepEqual(urlParts(url), { scheme: 'https', host: 'example.org', query: { start: 37, end: 45 }, hash: 45 });
});

test('urlParts: a query runs to the end when there is no fragment; a ? after the # is part of the fragment', () => {
  assert.deepEqual(urlParts('/search?q=hugo'), { query: { start: 7, end: 14 } });
  assert.deepEqual(urlParts('/page#part?x'), { hash: 5 });
  assert.deepEqual(urlParts('#top'), { hash: 0 });
  assert.deepEqual(urlParts('?a'), { query: { start: 0, end: 2 } });
  assert.deepEqual(urlParts('/plain/path'), {});
});

test('urlParts: the host ends at the first / ? # or backslash, or at the end', () => {
  assert.deepEqual(urlParts('http://example.org'), { scheme: 'http', host: 'example.org' });
  assert.deepEqual(urlParts('http://example.org?x'), { scheme: 'http', host: 'example.org', query: { start: 18, end: 20 } });
  assert.deepEqual(urlParts('http://example.org#x'), { scheme: 'http', host: 'example.org', hash: 18 });
  assert.deepEqual(urlParts('http://example.org\\evil'), { scheme: 'http', host: 'example.org' });
  assert.deepEqual(urlParts('http://example.org/a/b'), { scheme: 'http', host: 'example.org' });
});

test('urlParts: a protocol-relative URL has a host and no scheme; mailto: has a scheme and no host', () => {
  assert.deepEqual(urlParts('//CDN.example.org/lib.js'), { host: 'cdn.example.org' });
  assert.deepEqual(urlParts('mailto:team@example.org'), { scheme: 'mailto' });
  assert.deepEqual(urlParts('tel:+1-555'), { scheme: 'tel' });
});

test('urlParts: a scheme is a letter then letters, digits, + . or -', () => {
  assert.deepEqual(urlParts('git+ssh://host/repo'), { scheme: 'git+ssh', host: 'host' });
  assert.deepEqual(urlParts('a.b-c://h'), { scheme: 'a.b-c', host: 'h' });
  assert.deepEqual(urlParts('1http://h/'), {}, 'a scheme cannot start with a digit');
  assert.deepEqual(urlParts('my file:x'), {}, 'nor hold a space');
  assert.deepEqual(urlParts('/a:b'), {}, 'a colon later in a path is no scheme');
});

test('urlParts: user info and port are not part of the host; IPv6 keeps its brackets', () => {
  assert.deepEqual(urlParts('http://a@b@Host.example/'), { scheme: 'http', host: 'host.example' });
  assert.deepEqual(urlParts('ftp://user@files.example:21'), { scheme: 'ftp', host: 'files.example' });
  assert.deepEqual(urlParts('http://[::1]:8080/x'), { scheme: 'http', host: '[::1]' });
  assert.deepEqual(urlParts('http://[2001:DB8::1]/'), { scheme: 'http', host: '[2001:db8::1]' });
  assert.deepEqual(urlParts('http://'), { scheme: 'http', host: '' });
  // RFC 3986: the host is what comes before the port's colon, here nothing.
  assert.deepEqual(urlParts('http://:80/x'), { scheme: 'http', host: '' });
  assert.deepEqual(urlParts('http://user@:8080/'), { scheme: 'http', host: '' });
});

test('hostMatches: an entry matches its own host exactly, a *. entry the domain and every subdomain', () => {
  assert.equal(hostMatches('example.org', 'example.org'), true);
  assert.equal(hostMatches('example.org', ' Example.ORG '), true);
  assert.equal(hostMatches('www.example.org', 'example.org'), false);
  assert.equal(hostMatches('example.org', '*.example.org'), true);
  assert.equal(hostMatches('cdn.example.org', '*.example.org'), true);
  assert.equal(hostMatches('a.b.example.org', ' *.Example.org'), true);
  assert.equal(hostMatches('badexample.org', '*.example.org'), false);
  assert.equal(hostMatches('example.org.evil', '*.example.org'), false);
  assert.equal(hostMatches('example.com', '*.example.org'), false);
});

test('isEmailAddress: mailto: links and bare name@domain.tld addresses', () => {
  for (const url of ['mailto:team@example.org', 'MAILTO:x', 'team@example.org', 'first.last@mail.example.co.uk']) assert.equal(isEmailAddress(url), true, url);
  for (const url of ['team@example', 'https://user@example.org', '@example.org', 'team@', 'a b@example.org', 'a@b@example.org', 'x/y@example.org', 'mail.example.org', ' team@example.org', 'team@example.org/path', 'https://example.org/?to=mailto:team@example.org']) {
    assert.equal(isEmailAddress(url), false, url);
  }
});

test('isTemplated: a URL holding {{ is built by Hugo', () => {
  assert.equal(isTemplated('{{< ref "post.md" >}}'), true);
  assert.equal(isTemplated('/posts/{{ .Slug }}/'), true);
  assert.equal(isTemplated('/posts/{slug}/'), false);
});

test('uniqueTargets: links first, then images; links sharing a reference definition count once', () => {
  const text = 'See [a][r] and [b][r], ![i](p.png), [c](u) and [d](u).\n\n[r]: https://x.example/\n';
  const targets = uniqueTargets(parseBody(text, 0));
  assert.deepEqual(
    targets.map((target) => [target.url, text.slice(target.span.start, target.span.end)]),
    [
      ['https://x.example/', '[a][r]'],
      ['u', '[c](u)'],
      ['u', '[d](u)'],
      ['p.png', '![i](p.png)'],
    ],
  );
});

test('uniqueTargets: worked out once per body, the same list on each call', () => {
  const body = parseBody('[a](u)\n', 0);
  assert.equal(uniqueTargets(body), uniqueTargets(body));
});

test('attributeSpan: an HTML attribute with its quotes, found by name whatever its case', () => {
  const text = 'Go <a class="x" HREF="">there</a>.';
  const body = parseBody(text, 0);
  const owner = { start: 3, end: 33 };
  assert.deepEqual(attributeSpan(text, body, owner, { start: 22, end: 22 }, 'href'), { start: 16, end: 23 });
  const single = "<a href=''>x</a>";
  assert.deepEqual(attributeSpan(single, parseBody(single, 0), { start: 0, end: 16 }, { start: 9, end: 9 }, 'href'), { start: 3, end: 10 });
});

test('attributeSpan: the last attribute of that name before the value; no closing quote without an opening one', () => {
  const text = '<a data-href="x" href="">x</a>';
  assert.deepEqual(attributeSpan(text, parseBody(text, 0), { start: 0, end: 30 }, { start: 23, end: 23 }, 'href'), { start: 17, end: 24 });
  const bare = '<img src= alt="">';
  assert.deepEqual(attributeSpan(bare, parseBody(bare, 0), { start: 0, end: 17 }, { start: 9, end: 9 }, 'src'), { start: 5, end: 9 });
  const unquoted = '<a href=axa>x</a>';
  assert.deepEqual(attributeSpan(unquoted, parseBody(unquoted, 0), { start: 0, end: 17 }, { start: 9, end: 10 }, 'href'), { start: 3, end: 10 }, 'the same letter on both sides is no quote');
  const mismatched = `<a href="'>x</a>`;
  assert.deepEqual(attributeSpan(mismatched, parseBody(mismatched, 0), { start: 0, end: 16 }, { start: 9, end: 9 }, 'href'), { start: 3, end: 9 });
});

test('attributeSpan: without the name before the value, the whole element', () => {
  const text = '<a title="">x</a>';
  const owner = { start: 0, end: 17 };
  assert.deepEqual(attributeSpan(text, parseBody(text, 0), owner, { start: 10, end: 10 }, 'href'), owner);
});

test('attributeSpan: a shortcode parameter holding exactly that value, name and quotes included', () => {
  const text = 'A {{< button href="" text="Go" >}} here.';
  const body = parseBody(text, 0);
  const owner = { start: 2, end: 34 };
  assert.deepEqual(attributeSpan(text, body, owner, { start: 19, end: 19 }, 'href'), { start: 13, end: 20 });
  assert.deepEqual(attributeSpan(text, body, owner, { start: 27, end: 29 }, 'text'), { start: 21, end: 30 });
  // A value span that only starts like a parameter's is no parameter: the attribute is looked for by name.
  assert.deepEqual(attributeSpan(text, body, owner, { start: 27, end: 28 }, 'text'), { start: 21, end: 28 });
  // Nor is one that only ends like it.
  assert.deepEqual(attributeSpan(text, body, owner, { start: 28, end: 29 }, 'text'), { start: 21, end: 29 });
});

test('attributeSpan: a positional shortcode parameter is the parameter itself, quotes included', () => {
  const text = '{{< link "" >}}';
  assert.deepEqual(attributeSpan(text, parseBody(text, 0), { start: 0, end: 15 }, { start: 10, end: 10 }, 'href'), { start: 9, end: 11 });
});

test('bracketSpan: the brackets around a Markdown link text, when the text has them', () => {
  const text = 'Read [the docs](/docs/) now.';
  const [link] = parseBody(text, 0).links;
  assert.deepEqual(bracketSpan(text, link), { start: 5, end: 15 });
  assert.equal(bracketSpan(text, { ...link, textSpan: undefined }), undefined);
  assert.equal(bracketSpan(text, { ...link, textSpan: { start: 7, end: 14 } }), undefined, 'no [ before the text');
  assert.equal(bracketSpan(text, { ...link, textSpan: { start: 6, end: 13 } }), undefined, 'no ] after the text');
});

test('withoutBrackets: an IPv6 host loses the brackets a URL writes it in; other hosts and unbalanced brackets stay as they are', () => {
  const cases: [string, string][] = [
    ['[::1]', '::1'],
    ['[fd00::7]', 'fd00::7'],
    ['example.org', 'example.org'],
    ['127.0.0.1', '127.0.0.1'],
    ['[::1', '[::1'],
    ['::1]', '::1]'],
  ];
  for (const [host, bare] of cases) assert.equal(withoutBrackets(host), bare, host);
});
