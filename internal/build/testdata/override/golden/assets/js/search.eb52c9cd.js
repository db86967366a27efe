/* engage site search. Progressive enhancement of the form on /search/: the
   form works as a normal GET form, and without this script the page offers
   the A to Z and the taxonomy pages. With it, a query is answered in the
   page from the index that engage writes under search/index/ (see
   internal/search): only the files a query needs are fetched, from this
   site, and nothing else is loaded. Plain ES2017, no libraries. */
(function () {
  'use strict';

  var form = document.querySelector('form[data-search-index]');
  if (!form || !window.fetch || !window.URLSearchParams) return;

  var PER_PAGE = 10;      // results shown at a time
  var PREFIX_MIN = 3;     // the last word matches as a prefix from this length
  var DIGITS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_';

  var base = form.getAttribute('data-search-index');
  var atoz = form.getAttribute('data-search-atoz');
  var input = form.querySelector('input[name="q"]');
  var selects = Array.prototype.slice.call(form.querySelectorAll('select'));
  var status = document.getElementById('search-status');
  var results = document.getElementById('search-results');
  var pageTitle = document.title;

  var meta = null;          // meta.json, once loaded
  var files = new Map();    // path -> Promise of parsed JSON
  var current = null;       // the query being shown: {ranked, shown, token}
  var token = 0;            // increases with each search, so late answers are dropped

  function load(path) {
    if (!files.has(path)) {
      var url = base + path + (meta ? '?v=' + meta.version : '');
      var p = fetch(url, { credentials: 'same-origin', cache: meta ? 'default' : 'no-cache' })
        .then(function (r) {
          if (!r.ok) throw new Error(url + ': ' + r.status);
          return r.json();
        });
      p.catch(function () { files.delete(path); });
      files.set(path, p);
    }
    return files.get(path);
  }

  async function loadMeta() {
    if (!meta) meta = await load('meta.json');
    return meta;
  }

  /* normalise and words split a text the way internal/search does: lower
     case, accents removed, apostrophes dropped, stop words and single
     letters left out. */
  var FOLD = { 'ß': 'ss', 'æ': 'ae', 'œ': 'oe', 'ø': 'o', 'ł': 'l', 'đ': 'd', 'ð': 'd', 'þ': 'th', 'ı': 'i' };
  function normalise(text) {
    return text.toLowerCase()
      .normalize('NFKD').replace(/[\u0300-\u036f]/g, '')
      .replace(/[ßæœøłđðþı]/g, function (c) { return FOLD[c]; })
      .replace(/['\u2019\u02bc]/g, '');
  }
  function words(text, stop) {
    var out = [];
    normalise(text).split(/[^a-z0-9]+/).forEach(function (w) {
      if (!w || stop.has(w) || (w.length === 1 && !/[0-9]/.test(w))) return;
      if (out.indexOf(w) < 0) out.push(w);
    });
    return out;
  }

  /* decode reads a posting string: numbers in 5-bit groups, 32 added to
     every group but a number's last; each number is the gap from the last
     document times 4 plus the weight. It returns document -> weight. */
  function decode(s, into) {
    var doc = 0, n = 0;
    for (var i = 0; i < s.length; i++) {
      var c = DIGITS.indexOf(s[i]);
      n = n * 32 + (c & 31);
      if (c < 32) {
        doc += n >> 2;
        var w = n & 3;
        if (!into.has(doc) || into.get(doc) < w) into.set(doc, w);
        n = 0;
      }
    }
    return into;
  }

  /* shardsFor lists the word shards that can hold a word, or every word
     that starts with a prefix. */
  function shardsFor(word, prefix) {
    if (prefix) {
      return meta.keys.filter(function (k) { return word.indexOf(k) === 0 || k.indexOf(word) === 0; });
    }
    var best = '';
    meta.keys.forEach(function (k) {
      if (word.indexOf(k) === 0 && k.length > best.length) best = k;
    });
    return best ? [best] : [];
  }

  async function postings(word, prefix) {
    var shards = await Promise.all(shardsFor(word, prefix).map(function (k) { return load('words/' + k + '.json'); }));
    var found = new Map();
    shards.forEach(function (shard) {
      Object.keys(shard).forEach(function (w) {
        if (w === word || (prefix && w.indexOf(word) === 0)) decode(shard[w], found);
      });
    });
    return found;
  }

  /* filters returns the chosen filters: [{facet, value, name}]. */
  function filters() {
    return selects.filter(function (s) { return s.value; }).map(function (s) {
      return { facet: s.name, value: s.value, name: s.options[s.selectedIndex].text };
    });
  }

  /* keep returns a test of a document number against the filters. */
  async function keep(chosen) {
    if (!chosen.length) return function () { return true; };
    var facets = await load('facets.json');
    var tests = chosen.map(function (f) {
      if (f.facet === 'type') {
        var t = facets.types.findIndex(function (x) { return x[0] === f.value; });
        return function (row) { return row[0] === t; };
      }
      var ti = facets.taxonomies.findIndex(function (x) { return x.name === f.facet; });
      if (ti < 0) return function () { return false; };
      var id = facets.taxonomies[ti].terms.findIndex(function (x) { return x[0] === f.value; });
      return function (row) { return row[1 + ti].indexOf(id) >= 0; };
    });
    return function (doc) {
      var row = facets.docs[doc];
      return tests.every(function (t) { return t(row); });
    };
  }

  /* rank finds the documents that have every word (the last as a prefix),
     best first: more weight (title, then summary and terms, then body),
     then newer (a lower number). */
  async function rank(ws, chosen) {
    await loadMeta();
    var test = await keep(chosen);
    var lists = await Promise.all(ws.map(function (w, i) {
      return postings(w, i === ws.length - 1 && w.length >= PREFIX_MIN);
    }));
    var out = [];
    if (!ws.length) {
      for (var d = 0; d < meta.documents; d++) if (test(d)) out.push({ doc: d, score: 0 });
      return out;
    }
    lists.sort(function (a, b) { return a.size - b.size; });
    lists[0].forEach(function (w, doc) {
      var score = w;
      for (var i = 1; i < lists.length; i++) {
        if (!lists[i].has(doc)) return;
        score += lists[i].get(doc);
      }
      if (test(doc)) out.push({ doc: doc, score: score });
    });
    out.sort(function (a, b) { return b.score - a.score || a.doc - b.doc; });
    return out;
  }

  async function documents(nums) {
    var per = meta.perShard;
    var shards = await Promise.all(nums.map(function (n) { return load('docs/' + Math.floor(n / per) + '.json'); }));
    return nums.map(function (n, i) { return shards[i][n % per]; });
  }

  function el(name, className, text) {
    var e = document.createElement(name);
    if (className) e.className = className;
    if (text) e.textContent = text;
    return e;
  }

  function item(d) {
    // d is [url, title, type, date, status, summary]
    var li = el('li', 'card search-result');
    var h = el('h2', 'card__heading');
    var a = el('a', '', d[1]);
    a.href = d[0];
    h.appendChild(a);
    li.appendChild(h);
    if (d[4]) li.appendChild(el('strong', 'tag tag--' + d[4].toLowerCase().replace(/ /g, '-'), d[4]));
    var m = el('p', 'card__meta', d[2]);
    if (d[3]) {
      m.appendChild(document.createTextNode(', '));
      m.appendChild(el('span', 'search-result__date', d[3]));
    }
    li.appendChild(m);
    if (d[5]) li.appendChild(el('p', 'card__summary', d[5]));
    return li;
  }

  function plural(n, one, many) {
    return n.toLocaleString('en-GB') + ' ' + (n === 1 ? one : many);
  }

  function describe(count, query, chosen) {
    var s = plural(count, 'result', 'results');
    if (query) s += ' for ' + query;
    if (chosen.length) {
      s += (query ? ', ' : ' ') + 'filtered by ' + chosen.map(function (f) { return f.name; }).join(' and ');
    }
    return s;
  }

  async function showMore(focusFirst) {
    var c = current;
    var next = c.ranked.slice(c.shown, c.shown + PER_PAGE);
    var docs = await documents(next.map(function (r) { return r.doc; }));
    if (c.token !== token) return;
    var list = results.querySelector('ol');
    var first = null;
    docs.forEach(function (d) {
      var li = item(d);
      list.appendChild(li);
      if (!first) first = li.querySelector('a');
    });
    c.shown += next.length;
    var more = results.querySelector('.search__more');
    if (c.shown >= c.ranked.length) {
      if (more) more.remove();
    } else if (!more) {
      more = el('button', 'button search__more', 'Show more results');
      more.type = 'button';
      more.addEventListener('click', function () { run(showMore, true); });
      results.appendChild(more);
    }
    if (focusFirst && first) first.focus();
  }

  function noResults() {
    var p = el('p', 'search__none');
    p.appendChild(document.createTextNode('Check the spelling, try fewer or other words, or remove a filter. You can also find every page in the '));
    var a = el('a', '', 'A to Z');
    a.href = atoz;
    p.appendChild(a);
    p.appendChild(document.createTextNode('.'));
    results.appendChild(p);
  }

  function failed(err) {
    status.textContent = 'Search is not working at the moment. Use the A to Z of every page instead.';
    results.textContent = '';
    var a = el('a', '', 'A to Z of every page');
    a.href = atoz;
    var p = el('p');
    p.appendChild(a);
    results.appendChild(p);
    if (window.console) console.error('search:', err);
  }

  function run(f, arg) {
    results.setAttribute('aria-busy', 'true');
    return f(arg).catch(failed).then(function () { results.removeAttribute('aria-busy'); });
  }

  async function search() {
    var mine = ++token;
    var query = input.value.trim().replace(/\s+/g, ' ');
    var chosen = filters();
    results.textContent = '';
    // Emptied first, so that the same count for a new search is announced again.
    status.textContent = '';
    if (!query && !chosen.length) {
      document.title = pageTitle;
      return;
    }
    await loadMeta();
    var ws = words(query, new Set(meta.stopWords));
    if (!ws.length && !chosen.length) {
      status.textContent = 'Try other words: \u201c' + query + '\u201d has only very common words.';
      return;
    }
    var ranked = await rank(ws, chosen);
    if (mine !== token) return;
    current = { ranked: ranked, shown: 0, token: mine };
    document.title = (query ? query + ' - ' : '') + pageTitle;
    if (!ranked.length) {
      status.textContent = 'No results for ' + (query || 'these filters') + '.';
      noResults();
      return;
    }
    var list = el('ol', 'card-list search-results');
    list.setAttribute('role', 'list'); // Safari drops the list role of an unstyled list
    results.appendChild(list);
    await showMore(false);
    if (mine !== token) return;
    // The count is announced once the first results are in the page.
    status.textContent = describe(ranked.length, query, chosen);
  }

  /* The form's state lives in the address, so that a search can be
     bookmarked, shared, and reached again with Back. */
  function fromURL() {
    var params = new URLSearchParams(window.location.search);
    input.value = params.get('q') || '';
    selects.forEach(function (s) {
      var v = params.get(s.name) || '';
      s.value = Array.prototype.some.call(s.options, function (o) { return o.value === v; }) ? v : '';
    });
  }

  function toURL() {
    var params = new URLSearchParams();
    if (input.value.trim()) params.set('q', input.value.trim());
    selects.forEach(function (s) { if (s.value) params.set(s.name, s.value); });
    var q = params.toString();
    var url = window.location.pathname + (q ? '?' + q : '');
    if (url !== window.location.pathname + window.location.search) {
      window.history.pushState(null, '', url);
    }
  }

  form.addEventListener('submit', function (e) {
    e.preventDefault();
    toURL();
    run(search);
  });
  window.addEventListener('popstate', function () {
    fromURL();
    run(search);
  });

  fromURL();
  if (input.value || selects.some(function (s) { return s.value; })) run(search);
}());
