/* coursekit-search shards: material's search over the pieces of the index a query needs
   (coursekit/search/shards.py writes them). Prepended to material's worker after worker.js. */
var __ckShards = (function (ck) {
  "use strict";
  var SHOWN = 10;             // result pages shown: their titles and one sentence each are fetched
  var info = null, config = null, base = null, fields = null;
  var files = new Map();      // file name -> Promise of its JSON
  var heads = new Map();      // shard -> {term: {d, title: [gap, weight, …], text, c: cuts}}
  var tails = new Map();      // shard -> {term: {field: [gap, weight, …]}}
  var built = null;           // the lunr index of the loaded shards, and its key
  var EMPTY = {position: []}; // no positions: highlighting is done on the fetched documents

  /* SETUP: a manifest (http) or the whole index (file://, the offline bundle: material as before). */
  function setup(data) {
    if (!data.config.shards) return data;
    info = data.config.shards;
    config = data.config;
    base = new URL("../../../search/shards/", self.location.href);
    return {config: data.config, docs: [], options: data.options};  // an empty index: its pipeline, its class
  }

  function get(name) {
    if (!files.has(name)) {
      files.set(name, fetch(new URL(name + "." + info.hash + ".json", base)).then(function (r) {
        if (!r.ok) throw new Error("search: " + name + " " + r.status);
        return r.json();
      }).catch(function (error) {
        files.delete(name);  // the next query tries again (mobile data comes back; a new deploy needs a reload)
        throw error;
      }));
    }
    return files.get(name);
  }

  /* The shard of a term: CRC-32 of its first character's UTF-8, as shards.py's bucket(). */
  var CRC = [];
  for (var n = 0; n < 256; n++) {
    var c = n;
    for (var k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    CRC.push(c >>> 0);
  }
  function bucket(ch) {
    var crc = 0xffffffff;
    new TextEncoder().encode(ch).forEach(function (b) { crc = CRC[(crc ^ b) & 0xff] ^ (crc >>> 8); });
    return ((crc ^ 0xffffffff) >>> 0) % info.count;
  }

  /* Every term a query can reach starts at one of these characters: each Chinese character (words
     are looked up at every position of a run) and the first character of each other run. */
  function starts(query, into) {
    query.toLowerCase().replace(/[~^][\d.]*/g, " ").split(/[\s"+\-~^:*\u200b]+/).forEach(function (part) {
      (part.match(/\p{sc=Han}|[^\p{sc=Han}]+/gu) || []).forEach(function (run) { into.add(Array.from(run)[0]); });
    });
    return into;
  }

  function load(chars) {
    var wanted = new Set();
    chars.forEach(function (ch) { wanted.add(bucket(ch)); });
    return Promise.all(Array.from(wanted).map(function (b) {
      return heads.has(b) ? null : get("t" + b).then(function (shard) { heads.set(b, shard); });
    })).then(function () { return Array.from(wanted).sort(function (a, b) { return a - b; }); });
  }

  /* A lunr index of the terms of these shards: their postings, and field vectors holding those terms'
     weights only. lunr scores a document by the query terms' weights alone, so the scores are exact.
     Only the query's shards, not all loaded: the cost stays that of one query. */
  function index(de, buckets) {
    var key = buckets.map(function (b) { return b + (tails.has(b) ? "+" : ""); }).join();
    if (built && built.key === key) return built.search;
    fields = de.index.fields;
    var inv = Object.create(null), vectors = Object.create(null), map = new Map(), all = new Map();
    buckets.forEach(function (b) {
      var shard = heads.get(b);
      Object.keys(shard).forEach(function (t) { all.set(t, shard[t]); });
    });
    var terms = Array.from(all.keys()).sort();
    function stub(ref) {
      var id = String(ref);
      if (!map.has(id)) {
        var page = ref - ref % info.mult, doc = {location: id, title: "", text: ""};
        if (page !== ref) doc.parent = stub(page);
        map.set(id, doc);
      }
      return map.get(id);
    }
    terms.forEach(function (term, i) {
      var head = all.get(term), posting = {_index: i}, tail = (tails.get(bucket(Array.from(term)[0])) || {})[term];
      fields.forEach(function (f) {
        var p = posting[f] = Object.create(null);
        [head[f], tail && tail[f]].forEach(function (flat) {
          for (var j = 0, ref = 0; flat && j < flat.length; j += 2) {
            ref += flat[j];
            p[ref] = EMPTY;
            (vectors[f + "/" + ref] || (vectors[f + "/" + ref] = [])).push(i, flat[j + 1] / info.scale);
            stub(ref);
          }
        });
      });
      inv[term] = posting;
    });
    var fv = Object.create(null);
    Object.keys(vectors).forEach(function (r) { fv[r] = new lunr.Vector(vectors[r]); });
    var search = Object.create(Object.getPrototypeOf(de));
    search.index = new lunr.Index({invertedIndex: inv, fieldVectors: fv, tokenSet: lunr.TokenSet.fromArray(terms),
                                   fields: fields, pipeline: de.index.pipeline});
    search.map = map;
    search.table = new Map();
    search.options = de.options;
    search.docs = info.docs;
    search.df = function (term) { var h = all.get(term); return h ? h.d : 0; };
    search.head = function (term) { return all.get(term); };
    built = {key: key, search: search};
    return search;
  }

  /* material's search, remembering the query vectors lunr scores with (what each term weighs). */
  function score(search, q) {
    var seen = new Set(), similarity = lunr.Vector.prototype.similarity;
    lunr.Vector.prototype.similarity = function (other) { seen.add(this); return similarity.call(this, other); };
    try {
      return {found: search.search(q), vectors: Array.from(seen)};
    } finally {
      lunr.Vector.prototype.similarity = similarity;
    }
  }

  /* The query's terms (in the query vectors, even with boost 0: material counts the terms a document
     matches) that have postings left out of the first tier. */
  function missing(search, vectors) {
    var inv = search.index.invertedIndex, wanted = new Set();
    vectors.forEach(function (v) { for (var j = 0; j < v.elements.length; j += 2) wanted.add(v.elements[j]); });
    return Object.keys(inv).filter(function (term) {
      return wanted.has(inv[term]._index) && search.head(term).c && !tails.has(bucket(Array.from(term)[0]));
    });
  }

  function query(value, de) {
    var chars = starts(ck.simplify(value), new Set()), q = "", search = null, size = -1, buckets = [];
    function round() {
      if (chars.size === size) return Promise.resolve();
      size = chars.size;
      return load(chars).then(function (loaded) {
        buckets = loaded;
        search = index(de, buckets);
        q = ck.query(value, search);
        starts(q, chars);
        return round();
      });
    }
    return round().then(function () {
      /* The rest of a query term's postings could reorder the results (a section, a page further
         down): fetch them. They are rarely needed for rare words, and small (refs as gaps). */
      var scored = score(search, q), left = missing(search, scored.vectors);
      if (!left.length) return show(scored.found, search, scored.vectors, q, de);
      var more = new Set(left.map(function (t) { return bucket(Array.from(t)[0]); }));
      return Promise.all(Array.from(more).map(function (b) {
        return get("x" + b).then(function (tail) { tails.set(b, tail); });
      })).then(function () {
        search = index(de, buckets);
        scored = score(search, q);
        return show(scored.found, search, scored.vectors, q, de);
      });
    });
  }

  /* The pages shown, with their titles, locations and one section's text, highlighted by material
     itself (a small index of just these documents). */
  function show(found, search, vectors, q, de) {
    var items = found.items.slice(0, SHOWN), inv = search.index.invertedIndex, wanted = new Set();
    if (ck.defining()) {  // 什么是…: the glossary's entry comes first (worker.js) even from further down
      found.items.slice(SHOWN).forEach(function (group) {
        if (info.terms.indexOf(Math.floor(+group[0].location / info.mult)) >= 0) items.push(group);
      });
    }
    vectors.forEach(function (v) { for (var j = 0; j < v.elements.length; j += 2) wanted.add(v.elements[j]); });
    var asked = Object.keys(inv).filter(function (t) { return wanted.has(inv[t]._index); });
    function inText(ref) { return asked.some(function (t) { return ref in inv[t].text; }); }
    var pages = new Set(), texts = new Set(), chosen = new Set();
    items.forEach(function (group) {
      var pick = group.find(function (item) { return inText(item.location); });
      group.forEach(function (item) { pages.add(Math.floor(+item.location / info.mult)); });
      if (pick) {
        var ref = +pick.location, page = Math.floor(ref / info.mult);
        chosen.add(pick.location);
        texts.add("b" + page + "-" + Math.floor(ref % info.mult / info.part));
      }
    });
    var need = Array.from(pages).map(function (p) { return get("d" + p); })
      .concat(Array.from(texts).map(function (name) { return get(name); }));
    return Promise.all(need).then(function (parts) {
      var docs = new Map(), body = Object.assign.apply(null, [{}].concat(parts.slice(pages.size)));
      parts.slice(0, pages.size).forEach(function (flat) {
        for (var j = 0; j < flat.length; j += 3) docs.set(String(flat[j]), {location: flat[j + 1], title: flat[j + 2]});
      });
      var listed = [];
      items.forEach(function (group) {
        group.slice().sort(function (a, b) { return a.location - b.location; }).forEach(function (item) {
          var doc = docs.get(item.location), copy = {location: doc.location, title: doc.title};
          if (chosen.has(item.location) && item.location in body) copy.text = body[item.location];
          listed.push(copy);
        });
      });
      ck.setup({docs: listed});  // material's word markers back, as for the whole index
      var marked = new Map();
      new de.constructor({config: config, docs: listed, options: {suggest: false}})
        .search(q).items.forEach(function (group) {
          group.forEach(function (doc) { if (doc.score) marked.set(doc.location, doc); });
        });
      var out = items.map(function (group) {
        return group.map(function (item) {
          var doc = docs.get(item.location), hit = marked.get(doc.location) || {}, copy = {
            location: doc.location, title: hit.title || doc.title, score: item.score, terms: item.terms};
          if (chosen.has(item.location) && typeof hit.text === "string") copy.text = hit.text;
          return copy;
        });
      });
      var result = {items: out};
      if (found.suggest) result.suggest = found.suggest;
      if (found.items.length > out.length) {  // say that only the best pages are listed, and how many were found
        result.ckTotal = found.items.length;
        result.ckShown = ck.label("shown", out.length);
      }
      return ck.result(result);
    });
  }

  /* The worker's query hook: shards when the manifest came, material's own index otherwise. Queries
     answer in the order they came (material shows whichever result arrives, without its query): a
     query waiting for a fetch must not overwrite the answer to the reader's next keystroke. */
  var queue = Promise.resolve();
  function run(value, de) {
    if (!info) return ck.result(de.search(ck.query(value, de)));
    var next = queue.then(function () { return query(value, de); }).catch(function () {
      return {items: [], ckShown: ck.label("failed", "")};  // a piece did not come: say so, not "nothing found"
    });
    queue = next.catch(function () { return null; });
    return next;
  }

  return {setup: function (data) { return ck.setup(setup(data)); }, run: run};
})(__coursekit);
