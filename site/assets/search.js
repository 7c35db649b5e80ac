/*
 * guidegraph search: queries the static index the build writes to <site root>/search/, in the browser, with no
 * server, from a web host at any sub-path or from disk (file://). No framework, no request to anywhere else.
 *
 * Markup it expects on every page (the form works without JavaScript too, by going to the search page):
 *
 *   <form role="search" id="gg-search" class="gg-search" action="ROOT/search.html">
 *     <label for="gg-search-input">Search</label>
 *     <input type="search" id="gg-search-input" name="q" autocomplete="off" placeholder="Search (press /)">
 *     <!-- optional: <select name="type">…</select>; else one is added, listing the index's types -->
 *   </form>
 *   <script src="ROOT/assets/search.js" defer></script>
 *
 * ROOT is the relative path from the page to the site root ("", "../", …). The script finds the site root from
 * its own src (it lives in ROOT/assets/), and the index in ROOT/search/; override with data-gg-root="…" or
 * data-gg-index="…" on the script element (relative to the page).
 *
 * The search page (search.html) has the same form, plus <div id="gg-search-page"></div> where the full list of
 * results for ?q=…&type=… is written, and a <noscript> saying that search needs JavaScript.
 *
 * Behaviour: results as you type (title, type, snippet with <mark>ed words, link to the section); a type filter;
 * "/" focuses the box; ArrowUp/ArrowDown move through results, Enter opens one, Escape closes the list (twice:
 * clears the box); ARIA 1.2 combobox with a listbox; a live region announces the number of results.
 *
 * Index files are scripts (browsers refuse fetch() from file:// but run <script src>): each calls
 * window.__ggSearch.add(name, data). Only the files a query needs are loaded. In node, require() this file to
 * get the query core (createEngine, stem, …) without any of the page code.
 */
(function () {
  'use strict';

  var FORMAT_VERSION = 4;
  var TOKEN = /[\p{L}\p{M}\p{N}]+(?:['\u2019\uFF07][\p{L}\p{M}\p{N}]+)*/gu;

  // The index's number alphabet: '#'..'~' without the backslash and '<' (see Codec.java).
  var ALPHABET = '';
  for (var c = 0x23; c <= 0x7e; c++) {
    if (c !== 0x5c && c !== 0x3c) ALPHABET += String.fromCharCode(c);
  }
  var VALUE = new Int16Array(128).fill(-1);
  for (var v = 0; v < ALPHABET.length; v++) VALUE[ALPHABET.charCodeAt(v)] = v;
  var BASE = 45;
  // The level windows of postings (StaticIndexExporter.WINDOWS).
  var WINDOWS = [0, 1, 3, 7, 15, 31];

  // ---- analysis: the same steps as the index (Analysis.java) ----

  /** Lucene's EnglishPossessiveFilter, then LowerCaseFilter (per code point, as Java's Character.toLowerCase). */
  function normalise(raw) {
    var t = raw;
    var n = t.length;
    if (n >= 2 && (t[n - 1] === 's' || t[n - 1] === 'S') &&
        (t[n - 2] === "'" || t[n - 2] === '\u2019' || t[n - 2] === '\uFF07')) {
      t = t.slice(0, n - 2);
    }
    if (/^[\x00-\x7f]*$/.test(t)) return t.toLowerCase();
    var out = '';
    for (var ch of t) out += ch === '\u0130' ? 'i' : ch.toLowerCase();
    return out;
  }

  /** Tokens with offsets; surface is null for a token too long to be indexed. */
  function tokens(text, maxChars) {
    var out = [];
    var m;
    TOKEN.lastIndex = 0;
    while ((m = TOKEN.exec(text)) !== null) {
      var raw = m[0];
      out.push({ start: m.index, end: m.index + raw.length, surface: raw.length > maxChars ? null : normalise(raw) });
    }
    return out;
  }

  /** The Porter stemmer, rule for rule as Lucene's PorterStemmer (checked by a test against it). */
  function stem(word) {
    if (word.length <= 2) return word;
    var b = word.split('');
    var k = b.length - 1;
    var k0 = 0;
    var j = 0;

    function cons(i) {
      var ch = b[i];
      if (ch === 'a' || ch === 'e' || ch === 'i' || ch === 'o' || ch === 'u') return false;
      if (ch === 'y') return i === k0 ? true : !cons(i - 1);
      return true;
    }
    // The number of consonant-vowel sequences between k0 and j.
    function m() {
      var n = 0;
      var i = k0;
      for (;;) {
        if (i > j) return n;
        if (!cons(i)) break;
        i++;
      }
      i++;
      for (;;) {
        for (;;) {
          if (i > j) return n;
          if (cons(i)) break;
          i++;
        }
        i++;
        n++;
        for (;;) {
          if (i > j) return n;
          if (!cons(i)) break;
          i++;
        }
        i++;
      }
    }
    function vowelInStem() {
      for (var i = k0; i <= j; i++) if (!cons(i)) return true;
      return false;
    }
    function doubleC(at) {
      if (at < k0 + 1) return false;
      if (b[at] !== b[at - 1]) return false;
      return cons(at);
    }
    function cvc(i) {
      if (i < k0 + 2 || !cons(i) || cons(i - 1) || !cons(i - 2)) return false;
      var ch = b[i];
      return !(ch === 'w' || ch === 'x' || ch === 'y');
    }
    function ends(s) {
      var l = s.length;
      var o = k - l + 1;
      if (o < k0) return false;
      for (var i = 0; i < l; i++) if (b[o + i] !== s[i]) return false;
      j = k - l;
      return true;
    }
    function setTo(s) {
      for (var i = 0; i < s.length; i++) b[j + 1 + i] = s[i];
      k = j + s.length;
    }
    function r(s) {
      if (m() > 0) setTo(s);
    }
    // Each rule list: the first suffix that ends the word decides, whether or not its condition then holds.
    function firstOf(rules) {
      for (var i = 0; i < rules.length; i += 2) {
        if (ends(rules[i])) {
          r(rules[i + 1]);
          return;
        }
      }
    }

    // Plurals and -ed, -ing.
    if (b[k] === 's') {
      if (ends('sses')) k -= 2;
      else if (ends('ies')) setTo('i');
      else if (b[k - 1] !== 's') k--;
    }
    if (ends('eed')) {
      if (m() > 0) k--;
    } else if ((ends('ed') || ends('ing')) && vowelInStem()) {
      k = j;
      if (ends('at')) setTo('ate');
      else if (ends('bl')) setTo('ble');
      else if (ends('iz')) setTo('ize');
      else if (doubleC(k)) {
        var last = b[k--];
        if (last === 'l' || last === 's' || last === 'z') k++;
      } else if (m() === 1 && cvc(k)) setTo('e');
    }
    // Terminal y to i when the stem has a vowel.
    if (ends('y') && vowelInStem()) b[k] = 'i';
    // Double suffixes to single ones.
    if (k !== k0) {
      switch (b[k - 1]) {
        case 'a': firstOf(['ational', 'ate', 'tional', 'tion']); break;
        case 'c': firstOf(['enci', 'ence', 'anci', 'ance']); break;
        case 'e': firstOf(['izer', 'ize']); break;
        case 'l': firstOf(['bli', 'ble', 'alli', 'al', 'entli', 'ent', 'eli', 'e', 'ousli', 'ous']); break;
        case 'o': firstOf(['ization', 'ize', 'ation', 'ate', 'ator', 'ate']); break;
        case 's': firstOf(['alism', 'al', 'iveness', 'ive', 'fulness', 'ful', 'ousness', 'ous']); break;
        case 't': firstOf(['aliti', 'al', 'iviti', 'ive', 'biliti', 'ble']); break;
        case 'g': firstOf(['logi', 'log']); break;
      }
    }
    // -ic-, -full, -ness.
    switch (b[k]) {
      case 'e': firstOf(['icate', 'ic', 'ative', '', 'alize', 'al']); break;
      case 'i': firstOf(['iciti', 'ic']); break;
      case 'l': firstOf(['ical', 'ic', 'ful', '']); break;
      case 's': firstOf(['ness', '']); break;
    }
    // -ant, -ence and the like, when the rest is long enough.
    if (k !== k0) {
      var strip = false;
      switch (b[k - 1]) {
        case 'a': strip = ends('al'); break;
        case 'c': strip = ends('ance') || ends('ence'); break;
        case 'e': strip = ends('er'); break;
        case 'i': strip = ends('ic'); break;
        case 'l': strip = ends('able') || ends('ible'); break;
        case 'n': strip = ends('ant') || ends('ement') || ends('ment') || ends('ent'); break;
        case 'o':
          strip = (ends('ion') && j >= 0 && (b[j] === 's' || b[j] === 't')) || ends('ou');
          break;
        case 's': strip = ends('ism'); break;
        case 't': strip = ends('ate') || ends('iti'); break;
        case 'u': strip = ends('ous'); break;
        case 'v': strip = ends('ive'); break;
        case 'z': strip = ends('ize'); break;
      }
      if (strip && m() > 1) k = j;
    }
    // A final -e, and -ll.
    j = k;
    if (b[k] === 'e') {
      var a = m();
      if (a > 1 || (a === 1 && !cvc(k - 1))) k--;
    }
    if (b[k] === 'l' && doubleC(k) && m() > 1) k--;
    return b.slice(0, k + 1).join('');
  }

  /** Whether b is one insertion, deletion, substitution or swap of neighbours away from a. */
  function isOneEdit(a, b) {
    var la = a.length;
    var lb = b.length;
    if (Math.abs(la - lb) > 1 || a === b) return false;
    var i = 0;
    while (i < la && i < lb && a[i] === b[i]) i++;
    if (la === lb) {
      if (a.slice(i + 1) === b.slice(i + 1)) return true;
      return i + 1 < la && a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
    }
    return la > lb ? a.slice(i + 1) === b.slice(i) : b.slice(i + 1) === a.slice(i);
  }

  // ---- snippets (Snippets.java) ----

  function escapeHtml(s) {
    return s.replace(/[&<>"']/g, function (ch) {
      return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[ch];
    });
  }

  /** The text around the first matched word, escaped, every word whose stem is in stems wrapped in <mark>. */
  function snippet(text, stems, settings) {
    var t = text.replace(/\s+/g, ' ').trim();
    var toks = tokens(t, settings.maxTokenChars);
    var first = -1;
    var marked = toks.map(function (tok, i) {
      var hit = tok.surface !== null && !settings.stop.has(tok.surface) && stems.has(stem(tok.surface));
      if (hit && first < 0) first = i;
      return hit;
    });
    var start = 0;
    var end = t.length;
    var max = settings.snippetChars;
    if (t.length > max) {
      var anchor = first < 0 ? 0 : toks[first].start;
      start = Math.max(0, anchor - 40);
      if (start > 0) {
        var space = t.indexOf(' ', start);
        start = space < 0 || space >= anchor ? anchor : space + 1;
      }
      end = Math.min(t.length, start + max);
      if (end < t.length) {
        var back = t.lastIndexOf(' ', end);
        if (back > start) end = back;
      }
    }
    var out = start > 0 ? '\u2026' : '';
    var at = start;
    toks.forEach(function (tok, i) {
      if (!marked[i] || tok.start < start || tok.end > end) return;
      out += escapeHtml(t.slice(at, tok.start)) + '<mark>' + escapeHtml(t.slice(tok.start, tok.end)) + '</mark>';
      at = tok.end;
    });
    out += escapeHtml(t.slice(at, end));
    return end < t.length ? out + '\u2026' : out;
  }

  // ---- the index ----

  function varints(s) {
    var out = [];
    var acc = 0;
    for (var i = 0; i < s.length; i++) {
      var d = VALUE[s.charCodeAt(i)];
      if (d < BASE) acc = acc * BASE + d;
      else {
        out.push(acc * BASE + d - BASE);
        acc = 0;
      }
    }
    return out;
  }

  /** A chunk list "hash start hash start hash": chunk i holds the keys from start i (inclusive) to start i+1. */
  function chunkList(spec) {
    var hashes = [];
    var starts = [];
    spec.split(' ').forEach(function (p, i) {
      (i % 2 === 0 ? hashes : starts).push(p);
    });
    return {
      hashes: hashes,
      /** The chunk holding key. */
      at: function (key) {
        var lo = 0;
        var hi = starts.length;
        while (lo < hi) {
          var mid = (lo + hi) >> 1;
          if (starts[mid] <= key) lo = mid + 1;
          else hi = mid;
        }
        return lo;
      }
    };
  }

  /** A data chunk "key entry key entry …" (entries without spaces) as a Map. */
  function pairs(s) {
    var out = new Map();
    if (!s) return out;
    var parts = s.split(' ');
    for (var i = 0; i + 1 < parts.length; i += 2) out.set(parts[i], parts[i + 1]);
    return out;
  }

  /** Word list entries "wordR" (R: rank digit; "#stemR" for a stem) as {surface, rank, isStem}. */
  function wordEntries(list) {
    return list.map(function (e) {
      var isStem = e[0] === '#';
      return { surface: e.slice(isStem ? 1 : 0, -1), rank: VALUE[e.charCodeAt(e.length - 1)], isStem: isStem };
    });
  }

  /** A words chunk "wordR wordR …". */
  function wordList(s) {
    return s ? wordEntries(s.split(' ')) : [];
  }

  /** A typos chunk: lines "key wordR wordR #stemR …" as a Map key → entries. */
  function typoBuckets(s) {
    var out = new Map();
    s.split('\n').forEach(function (line) {
      var parts = line.split(' ');
      out.set(parts[0], wordEntries(parts.slice(1)));
    });
    return out;
  }

  function expansionOrder(x, y) {
    return y.rank - x.rank || x.surface.length - y.surface.length ||
      (x.surface < y.surface ? -1 : x.surface > y.surface ? 1 : 0) || (x.isStem ? 1 : 0) - (y.isStem ? 1 : 0);
  }

  /**
   * A search engine over one static index. load(name) returns (a promise of) the data of file name + '.js';
   * each file is loaded at most once, and only when a query needs it.
   */
  function createEngine(load) {
    var files = new Map();
    var parsed = new Map();
    var ready = null;

    function file(name) {
      var p = files.get(name);
      if (!p) {
        p = Promise.resolve().then(function () {
          return load(name);
        });
        files.set(name, p);
        p.catch(function () {
          files.delete(name); // a failed load may be tried again
        });
      }
      return p;
    }
    /** A file's data, turned once into what the code needs. */
    function fileAs(name, parse) {
      return file(name).then(function (data) {
        if (!parsed.has(name)) parsed.set(name, parse(data, name));
        return parsed.get(name);
      });
    }
    function all(promises) {
      return Promise.all(promises);
    }
    function flat(lists) {
      return [].concat.apply([], lists);
    }

    /** A key space of chunk files, listed in the manifest or, for large sites, in directory files. */
    function keySpace(kind, spec) {
      var top = chunkList(spec.chunks || spec.dirs);
      var fanout = spec.fanout || 0;
      function between(list, lo, hi) {
        var out = [];
        for (var i = list.at(lo), last = list.at(hi); i <= last; i++) out.push(i);
        return out;
      }
      /** Promise of the names of the chunks holding keys from lo to hi, both included. */
      function names(lo, hi) {
        if (!fanout) {
          return Promise.resolve(between(top, lo, hi).map(function (i) {
            return kind + i + '-' + top.hashes[i];
          }));
        }
        return all(between(top, lo, hi).map(function (d) {
          return fileAs(kind + 'd' + d + '-' + top.hashes[d], chunkList).then(function (dir) {
            return between(dir, lo, hi).map(function (i) {
              return kind + (d * fanout + i) + '-' + dir.hashes[i];
            });
          });
        })).then(flat);
      }
      return {
        names: names,
        name: function (key) {
          return names(key, key).then(function (n) {
            return n[0];
          });
        }
      };
    }

    function prepare(m) {
      if (!m || m.version !== FORMAT_VERSION) {
        throw new Error('the search index is format ' + (m && m.version) + ' but this search.js reads format ' +
          FORMAT_VERSION + ': rebuild the site');
      }
      var a = m.analysis;
      var typeNames = [];
      var typeOf = new Uint16Array(m.count);
      m.types.forEach(function (t, ti) {
        typeNames.push(t[0]);
        var runs = varints(t[1]);
        var end = 0;
        for (var i = 0; i < runs.length; i += 2) {
          var start = end + runs[i];
          end = start + runs[i + 1];
          typeOf.fill(ti + 1, start, end);
        }
      });
      var docs = m.documents;
      function documentFile(ord) {
        var n = Math.floor(ord / docs.size);
        if (!docs.fanout) return Promise.resolve('m' + n + '-' + docs.hashes.substr(n * 6, 6));
        var d = Math.floor(n / docs.fanout);
        return file('md' + d + '-' + docs.dirs.substr(d * 6, 6)).then(function (hashes) {
          return 'm' + n + '-' + hashes.substr((n - d * docs.fanout) * 6, 6);
        });
      }
      return {
        count: m.count,
        settings: {
          stop: new Set(a.stopWords.split(' ')),
          maxTokenChars: a.maxTokenChars,
          snippetChars: a.snippetChars
        },
        weights: { exact: a.exact, prefix: a.prefix, fuzzy: a.fuzzy },
        nameBoost: a.nameBoost,
        maxNameWords: a.maxNameWords,
        minPrefix: a.minPrefix,
        minFuzzy: a.minFuzzy,
        maxExpansions: a.maxExpansions,
        best: m.scores.best,
        impactRange: m.scores.range,
        impactLevels: m.scores.levels,
        terms: keySpace('t', m.terms),
        words: keySpace('w', m.words),
        typos: keySpace('f', m.typos),
        documentsPerFile: docs.size,
        documentFile: documentFile,
        typeNames: typeNames,
        typeOf: typeOf
      };
    }

    function index() {
      if (!ready) {
        ready = file('manifest').then(prepare);
        ready.catch(function () {
          ready = null;
        });
      }
      return ready;
    }

    /** The analysed words of a query (QueryPlan.java, before expansion). */
    function analyse(query, ix) {
      var toks = tokens(query, ix.settings.maxTokenChars);
      var typing = toks.length > 0 && toks[toks.length - 1].end === query.length;
      var out = [];
      toks.forEach(function (tok, i) {
        var s = tok.surface;
        if (!s) return;
        var prefix = typing && i === toks.length - 1 && s.length >= ix.minPrefix;
        var stop = ix.settings.stop.has(s);
        if (stop && !prefix) return;
        out.push({ surface: s, stem: stop ? null : stem(s), prefix: prefix, stop: stop, alts: new Map() });
      });
      return out;
    }

    /**
     * The name key of the analysed query (QueryPlan.nameKey; pages whose title has it are listed, as ordinal gaps,
     * under it among the stems): the stems of its words that are not stop words, each
     * followed by '!', or null when none or more than maxNameWords.
     */
    function nameKey(plan, ix) {
      var words = plan.filter(function (t) {
        return !t.stop;
      });
      if (!words.length || words.length > ix.maxNameWords) return null;
      return words.map(function (t) {
        return t.stem + '!';
      }).join('');
    }

    /**
     * The postings of a stem, decoded (StaticIndexExporter.postings): parallel arrays of ordinals and scores. Each
     * posting is a varint gap × (W + 1) + code, code being the level less the window's base, or W for a level
     * written after it as a digit (none after the one posting of a stem: its score is the best).
     */
    function decodePostings(ix, entry) {
      var lo = ix.best[0];
      var hi = ix.best[1];
      var level = VALUE[entry.charCodeAt(0)] * 90 + VALUE[entry.charCodeAt(1)];
      var best = hi <= lo ? lo : lo * Math.exp(level / 8099 * Math.log(hi / lo));
      var width = WINDOWS[VALUE[entry.charCodeAt(2)]];
      var base = VALUE[entry.charCodeAt(3)];
      var step = Math.log(ix.impactRange) / (ix.impactLevels - 1);
      var ords = [];
      var impacts = [];
      var ord = -1;
      var acc = 0;
      for (var i = 4; i < entry.length; i++) {
        var d = VALUE[entry.charCodeAt(i)];
        if (d < BASE) {
          acc = acc * BASE + d;
          continue;
        }
        var v = acc * BASE + d - BASE;
        acc = 0;
        var code = v % (width + 1);
        ord += (v - code) / (width + 1) + 1;
        ords.push(ord);
        var l = code < width ? base + code : i + 1 < entry.length ? VALUE[entry.charCodeAt(++i)] : -1;
        impacts.push(l < 0 ? best : best * Math.exp(-l * step));
      }
      return { ords: ords, impacts: impacts };
    }

    /** Promise of Map stem → term chunk (a Map stem → entry) for the given stems. */
    function termChunks(ix, stems) {
      return all(stems.map(function (s) {
        return ix.terms.name(s).then(function (n) {
          return fileAs(n, pairs);
        });
      })).then(function (chunks) {
        var out = new Map();
        stems.forEach(function (s, i) {
          out.set(s, chunks[i]);
        });
        return out;
      });
    }

    function prefixWords(ix, prefix) {
      return ix.words.names(prefix, prefix + '\uffff').then(function (names) {
        return all(names.map(function (n) {
          return fileAs(n, wordList);
        }));
      }).then(function (lists) {
        return flat(lists).filter(function (w) {
          return w.surface.startsWith(prefix);
        });
      });
    }

    function bucket(surface, len) {
      return surface[0] + (len < 10 ? '0' : '') + len;
    }

    /** Words one edit from surface and stems one edit from its stem, of the same first letter. */
    function typoWords(ix, surface, stemmed) {
      var keys = [];
      [surface, stemmed].forEach(function (form) {
        for (var len = form.length - 1; len <= form.length + 1; len++) {
          var key = bucket(form, len);
          if (keys.indexOf(key) < 0) keys.push(key);
        }
      });
      return all(keys.map(function (key) {
        return ix.typos.name(key).then(function (n) {
          return fileAs(n, typoBuckets);
        }).then(function (chunk) {
          return chunk.get(key) || [];
        });
      })).then(function (lists) {
        return flat(lists).filter(function (w) {
          return isOneEdit(w.isStem ? stemmed : surface, w.surface);
        });
      });
    }

    function expand(term, found, weight, max) {
      found.sort(expansionOrder);
      found.slice(0, max).forEach(function (w) {
        var s = w.isStem ? w.surface : stem(w.surface);
        var old = term.alts.get(s);
        if (old === undefined || weight > old) term.alts.set(s, weight);
      });
    }

    /**
     * Searches. options: {type: a type name or '' for all, limit: how many hits to describe (default 10)}.
     * Resolves to {hits: [{title, titleHtml, url, type, snippet, score}], total, words: the query words searched
     * for}; snippet and titleHtml are HTML: escaped text with the matched words in <mark>.
     */
    function search(query, options) {
      options = options || {};
      var limit = options.limit || 10;
      var none = { hits: [], total: 0, words: [] };
      return index().then(function (ix) {
        var plan = analyse(query || '', ix);
        if (!plan.length) return none;
        var key = nameKey(plan, ix);
        var filter = 0;
        if (options.type) {
          filter = ix.typeNames.indexOf(options.type) + 1;
          if (filter === 0) return none;
        }
        // 1. The words' own stems, and the words that start with the word being typed.
        var exact = plan.filter(function (t) {
          return t.stem;
        }).map(function (t) {
          return t.stem;
        });
        return all([termChunks(ix, exact), all(plan.map(function (t) {
          return t.prefix ? prefixWords(ix, t.surface) : [];
        }))]).then(function (r) {
          plan.forEach(function (t, i) {
            if (t.stem && r[0].get(t.stem).has(t.stem)) t.alts.set(t.stem, ix.weights.exact);
            if (t.prefix) expand(t, r[1][i], ix.weights.prefix, ix.maxExpansions);
          });
          // 2. Words that matched nothing: the words one typo away.
          return all(plan.map(function (t) {
            var typo = t.alts.size === 0 && !t.stop && t.surface.length >= ix.minFuzzy;
            return typo ? typoWords(ix, t.surface, t.stem).then(function (found) {
              expand(t, found, ix.weights.fuzzy, ix.maxExpansions);
            }) : null;
          }));
        }).then(function () {
          plan = plan.filter(function (t) {
            return !(t.stop && t.alts.size === 0);
          });
          if (!plan.length) return none;
          return rank(ix, plan, filter, limit, key);
        });
      });
    }

    /**
     * 3. Scores: per word the best weighted score of its stems, summed; every word must match; times nameBoost for
     * the documents named exactly as the query (key).
     */
    function rank(ix, plan, filter, limit, key) {
      var stems = new Set();
      plan.forEach(function (t) {
        t.alts.forEach(function (w, s) {
          stems.add(s);
        });
      });
      var stemList = Array.from(stems);
      return termChunks(ix, key ? stemList.concat([key]) : stemList).then(function (chunks) {
        var named = new Set();
        var namedEntry = key ? chunks.get(key).get(key) : undefined;
        if (namedEntry !== undefined) {
          var ord = -1;
          varints(namedEntry).forEach(function (gap) {
            ord += gap + 1;
            named.add(ord);
          });
        }
        // Per word, each document's best weighted score (0: none) in an array by ordinal, and the ordinals it has:
        // arrays, not maps, because a common word is in tens of thousands of documents.
        var perWord = plan.map(function (t) {
          var scores = new Float64Array(ix.count);
          var ords = [];
          t.alts.forEach(function (w, s) {
            var p = decodePostings(ix, chunks.get(s).get(s));
            for (var i = 0; i < p.ords.length; i++) {
              var o = p.ords[i];
              var v = w * p.impacts[i];
              if (scores[o] === 0) ords.push(o);
              if (v > scores[o]) scores[o] = v;
            }
          });
          return { scores: scores, ords: ords };
        });
        var smallest = perWord.reduce(function (x, y) {
          return y.ords.length < x.ords.length ? y : x;
        });
        var matches = [];
        smallest.ords.forEach(function (ord) {
          if (filter && ix.typeOf[ord] !== filter) return;
          var sum = 0;
          for (var i = 0; i < perWord.length; i++) {
            var v = perWord[i].scores[ord];
            if (v === 0) return;
            sum += v;
          }
          matches.push({ ord: ord, score: named.has(ord) ? sum * ix.nameBoost : sum });
        });
        matches.sort(function (x, y) {
          return y.score - x.score || x.ord - y.ord;
        });
        var top = matches.slice(0, limit);
        // 4. The documents of the hits shown.
        return all(top.map(function (h) {
          return ix.documentFile(h.ord).then(function (n) {
            return fileAs(n, documentRows);
          });
        })).then(function (rows) {
          return {
            total: matches.length,
            words: plan.map(function (t) {
              return t.surface;
            }),
            hits: top.map(function (h, i) {
              var d = rows[i][h.ord % ix.documentsPerFile];
              return {
                title: d.title,
                titleHtml: snippet(d.title, stems, ix.settings),
                url: d.url,
                type: ix.typeNames[ix.typeOf[h.ord] - 1] || '',
                snippet: snippet(d.excerpt, stems, ix.settings),
                score: h.score
              };
            })
          };
        });
      });
    }

    return {
      search: search,
      /** The type names of the index, sorted. */
      types: function () {
        return index().then(function (ix) {
          return ix.typeNames.slice();
        });
      }
    };
  }

  /** The anchor a heading usually gets (StaticIndexExporter.slug): "" unless the heading is plain ASCII. */
  function slug(heading) {
    if (!/^[\x20-\x7e]*$/.test(heading)) return '';
    return heading.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  }

  /**
   * The lines "url TAB title TAB excerpt" of a documents chunk (StaticIndexExporter.writeDocuments) made whole: the
   * page's URL and title put back, an empty URL made the heading's anchor, a backquote in a URL the slug of its
   * page title, and a cut excerpt's trailing space an ellipsis again.
   */
  function documentRows(chunk) {
    var page = null;
    var pageTitle = null;
    return chunk.split('\n').map(function (line) {
      var row = line.split('\t');
      var url = row[0];
      var title = row[1];
      var continued = title[0] === ' ' && pageTitle !== null;
      if (continued) title = pageTitle + ' \u203A ' + title.slice(1);
      var cut = title.indexOf(' \u203A ');
      var thisTitle = cut < 0 ? title : title.slice(0, cut);
      if (url === '' && continued) url = '#' + slug(title.slice(pageTitle.length + 3));
      if (url[0] === '#') url = page === null ? url : page + url;
      else if (url.slice(0, 2) === '``') url = url.slice(2);
      else if (url.indexOf('`') >= 0) url = url.replace('`', slug(thisTitle));
      var hash = url.indexOf('#');
      page = hash < 0 ? url : url.slice(0, hash);
      pageTitle = thisTitle;
      var excerpt = row[2];
      if (excerpt[excerpt.length - 1] === ' ') excerpt = excerpt.slice(0, -1) + '\u2026';
      return { url: url, title: title, excerpt: excerpt };
    });
  }

  var core = { createEngine: createEngine, stem: stem, tokens: tokens, snippet: snippet, isOneEdit: isOneEdit };

  if (typeof module === 'object' && module.exports) {
    module.exports = core;
  }
  if (typeof document === 'undefined' || typeof window === 'undefined') return;

  // ---- the page ----

  var script = document.currentScript;

  /** Loads index files as scripts: the only way that also works from file://. */
  function scriptLoader(base) {
    var registry = window.__ggSearch = window.__ggSearch || {};
    var pending = registry.pending = registry.pending || {};
    registry.add = function (name, data) {
      var p = pending[name];
      if (p) {
        delete pending[name];
        p.resolve(data);
      }
    };
    return function (name) {
      return new Promise(function (resolve, reject) {
        pending[name] = { resolve: resolve, reject: reject };
        var s = document.createElement('script');
        s.src = new URL(name + '.js', base).href;
        s.async = true;
        s.onload = function () {
          s.remove();
          if (pending[name]) {
            delete pending[name];
            reject(new Error(name + '.js did not register its data'));
          }
        };
        s.onerror = function () {
          s.remove();
          delete pending[name];
          reject(new Error('cannot load ' + s.src + ': rebuild the site, or check that the search folder was copied'));
        };
        document.head.appendChild(s);
      });
    };
  }

  function urls() {
    var src = script && script.src ? script.src : document.baseURI;
    var data = script ? script.dataset : {};
    var root = data.ggRoot ? new URL(data.ggRoot, document.baseURI) : new URL('../', src);
    var index = data.ggIndex ? new URL(data.ggIndex, document.baseURI) : new URL('search/', root);
    return { root: root, index: index };
  }

  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      e.setAttribute(k, attrs[k]);
    });
    if (text !== undefined) e.textContent = text;
    return e;
  }

  function isEditable(t) {
    return t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName));
  }

  function hitElement(hit, root, id) {
    var li = el('li', { role: 'option', id: id, 'aria-selected': 'false', class: 'gg-search-result' });
    var a = el('a', { href: new URL(hit.url, root).href, tabindex: '-1' });
    var head = el('span', { class: 'gg-search-result-head' });
    var title = el('span', { class: 'gg-search-result-title' });
    title.innerHTML = hit.titleHtml; // escaped text and <mark> only, like the snippet
    head.appendChild(title);
    if (hit.type) head.appendChild(el('span', { class: 'gg-search-result-type' }, hit.type));
    a.appendChild(head);
    var snip = el('span', { class: 'gg-search-result-snippet' });
    snip.innerHTML = hit.snippet; // built by snippet(): escaped text and <mark> only
    a.appendChild(snip);
    li.appendChild(a);
    return li;
  }

  function statusText(result, query) {
    if (result.error) return 'Search is unavailable: ' + result.error;
    if (!result.words.length) return query.trim() ? 'Keep typing: "' + query.trim() + '" is too common a word.' : '';
    if (!result.total) return 'No results for "' + query.trim() + '". Check the spelling, or try fewer or other words.';
    return result.total === 1 ? '1 result' : result.total + ' results';
  }

  function SearchBox(engine, where, form, input) {
    var listId = 'gg-search-listbox';
    var select = form.querySelector('select[name="type"]');
    if (!select) {
      select = el('select', { name: 'type', class: 'gg-search-type', 'aria-label': 'Filter results by type' });
      select.appendChild(el('option', { value: '' }, 'All types'));
      input.insertAdjacentElement('afterend', select);
    }
    var panel = el('div', { class: 'gg-search-panel', hidden: '' });
    var status = el('div', { class: 'gg-search-status', role: 'status', 'aria-live': 'polite' });
    var list = el('ul', { id: listId, role: 'listbox', class: 'gg-search-results', 'aria-label': 'Search results' });
    var more = el('a', { class: 'gg-search-more', hidden: '' }, '');
    panel.appendChild(list);
    panel.appendChild(status);
    panel.appendChild(more);
    form.appendChild(panel);
    form.classList.add('gg-search');
    input.setAttribute('role', 'combobox');
    input.setAttribute('aria-autocomplete', 'list');
    input.setAttribute('aria-expanded', 'false');
    input.setAttribute('aria-controls', listId);
    input.setAttribute('aria-keyshortcuts', '/');
    input.setAttribute('autocomplete', 'off');

    var active = -1;
    var serial = 0;
    var timer = 0;
    var typedAt = 0;
    var typesShown = false;

    function open(show) {
      panel.hidden = !show;
      input.setAttribute('aria-expanded', show ? 'true' : 'false');
      if (!show) setActive(-1);
    }
    function options() {
      return list.querySelectorAll('[role="option"]');
    }
    function setActive(i) {
      var opts = options();
      if (active >= 0 && opts[active]) opts[active].setAttribute('aria-selected', 'false');
      active = opts.length ? i : -1;
      if (active >= 0) {
        opts[active].setAttribute('aria-selected', 'true');
        opts[active].scrollIntoView({ block: 'nearest' });
        input.setAttribute('aria-activedescendant', opts[active].id);
      } else {
        input.removeAttribute('aria-activedescendant');
      }
    }
    function showTypes() {
      if (typesShown) return;
      typesShown = true;
      engine.types().then(function (types) {
        var have = Array.prototype.map.call(select.options, function (o) {
          return o.value;
        });
        types.forEach(function (t) {
          if (have.indexOf(t) < 0) select.appendChild(el('option', { value: t }, t));
        });
      }, function () {
        typesShown = false;
      });
    }
    function run() {
      var query = input.value;
      var mine = ++serial;
      var startedAt = performance.now();
      if (!query.trim()) {
        list.textContent = '';
        status.textContent = '';
        open(false);
        return;
      }
      engine.search(query, { type: select.value, limit: 8 }).then(function (r) {
        return r;
      }, function (e) {
        return { error: e.message, hits: [], total: 0, words: [] };
      }).then(function (r) {
        if (mine !== serial) return; // an older query answered late
        list.textContent = '';
        r.hits.forEach(function (h, i) {
          list.appendChild(hitElement(h, where.root, 'gg-search-option-' + i));
        });
        status.textContent = statusText(r, query);
        if (r.total > r.hits.length && form.getAttribute('action')) {
          more.hidden = false;
          more.textContent = 'All ' + r.total + ' results';
          more.href = searchPageUrl(form, query, select.value);
        } else {
          more.hidden = true;
        }
        setActive(-1);
        open(true);
        // For benchmarks and tests: when this query was typed and started, now that its results are in the page.
        form.dispatchEvent(new CustomEvent('gg-search-shown',
          { detail: { query: query, typedAt: typedAt, startedAt: startedAt } }));
      });
    }
    function later() {
      typedAt = performance.now();
      clearTimeout(timer);
      timer = setTimeout(run, 60);
    }

    input.addEventListener('input', later);
    select.addEventListener('change', function () {
      run();
      input.focus();
    });
    input.addEventListener('focus', function () {
      showTypes();
      if (input.value.trim() && list.childElementCount) open(true);
    });
    input.addEventListener('keydown', function (e) {
      var n = options().length;
      if (e.key === 'ArrowDown') {
        e.preventDefault();
        if (panel.hidden) {
          run();
          return;
        }
        if (n) setActive(active < n - 1 ? active + 1 : 0);
      } else if (e.key === 'ArrowUp') {
        e.preventDefault();
        if (n) setActive(active > 0 ? active - 1 : n - 1);
      } else if (e.key === 'Enter') {
        if (active >= 0) {
          e.preventDefault();
          window.location.href = options()[active].querySelector('a').href;
        } else if (!form.getAttribute('action') && n) {
          e.preventDefault();
          window.location.href = options()[0].querySelector('a').href;
        }
      } else if (e.key === 'Escape') {
        if (!panel.hidden) {
          e.preventDefault();
          open(false);
        } else if (input.value) {
          e.preventDefault();
          input.value = '';
          run();
        }
      }
    });
    list.addEventListener('mousemove', function (e) {
      var li = e.target.closest('[role="option"]');
      if (li) setActive(Array.prototype.indexOf.call(options(), li));
    });
    document.addEventListener('mousedown', function (e) {
      if (!form.contains(e.target)) open(false);
    });
    form.addEventListener('focusout', function (e) {
      if (!e.relatedTarget || !form.contains(e.relatedTarget)) {
        setTimeout(function () {
          if (!form.contains(document.activeElement)) open(false);
        }, 150);
      }
    });
    document.addEventListener('keydown', function (e) {
      if (e.key === '/' && !e.ctrlKey && !e.metaKey && !e.altKey && !isEditable(e.target)) {
        e.preventDefault();
        input.focus();
        input.select();
      }
    });
    if (input.value.trim() && document.activeElement === input) run();
    return { select: select };
  }

  function searchPageUrl(form, query, type) {
    var u = new URL(form.getAttribute('action'), document.baseURI);
    u.searchParams.set('q', query);
    if (type) u.searchParams.set('type', type);
    else u.searchParams.delete('type');
    return u.href;
  }

  /** The search page: every result for ?q=…&type=…, so a search can be linked to and works without the list. */
  function SearchPage(engine, where, container, input, select) {
    var params = new URLSearchParams(window.location.search);
    var query = params.get('q') || '';
    var type = params.get('type') || '';
    if (input && !input.value) input.value = query;
    if (!query.trim()) {
      container.textContent = 'Type a word to search for.';
      return;
    }
    var status = el('p', { class: 'gg-search-status', role: 'status' });
    var list = el('ol', { class: 'gg-search-page-results' });
    container.textContent = '';
    container.appendChild(status);
    container.appendChild(list);
    status.textContent = 'Searching\u2026';
    engine.types().then(function (types) {
      if (select && type) {
        if (types.indexOf(type) >= 0 && !select.querySelector('option[value="' + CSS.escape(type) + '"]')) {
          select.appendChild(el('option', { value: type }, type));
        }
        select.value = type;
      }
      return engine.search(query.trim(), { type: type, limit: 100 });
    }).then(function (r) {
      r.hits.forEach(function (h, i) {
        var li = hitElement(h, where.root, 'gg-search-page-' + i);
        li.removeAttribute('role');
        li.removeAttribute('aria-selected');
        li.querySelector('a').removeAttribute('tabindex');
        list.appendChild(li);
      });
      status.textContent = statusText(r, query);
    }, function (e) {
      status.textContent = 'Search is unavailable: ' + e.message;
    });
  }

  function start() {
    var form = document.getElementById('gg-search');
    var input = document.getElementById('gg-search-input');
    if (!form || !input) return;
    var where = urls();
    var engine = createEngine(scriptLoader(where.index));
    var box = SearchBox(engine, where, form, input);
    var page = document.getElementById('gg-search-page');
    if (page) SearchPage(engine, where, page, input, box.select);
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
