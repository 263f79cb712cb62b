/* storylens report: every view is built here from the embedded analysis JSON.
 *
 * One script, two deliveries. In a report file the analysis is embedded whole (or, for a large
 * corpus, the part its findings cite: DATA.partial says so). In the web app (`storylens serve`)
 * the embedded data holds only the corpus counts and `server`; each time the hash changes, the
 * view's slice of the analysis is fetched from the JSON API (/api/view/<name>), loaded in place
 * of the previous one, and drawn by the same view code; DATA.view then carries the page, the
 * totals and the filters, which the server applies.
 *
 * Safety rules this file keeps (tests check them):
 * - text from the analysis reaches the page only through textContent, createTextNode and
 *   setAttribute on attributes chosen here; no API that parses an HTML string (the inner or
 *   outer HTML setters, insert-adjacent HTML, document writing) and no eval is used anywhere;
 * - every link is built here and starts with '#', except document URLs, which are shown only
 *   when they start with http:// or https://; the web app fetches only from its own /api;
 * - character offsets in the analysis count Unicode code points (Python); they are mapped to
 *   JavaScript string indices (UTF-16) before any slicing.
 */
(function () {
  'use strict';

  // ------------------------------------------------------------------ data and indexes
  var DATA, VIEW, corpus, docs, claims, groups, contested, actorLabels, stories, timeline, entities, sources;
  var docById, claimById, claimsByDoc, groupOfClaim, storyById, sourceByName;

  /* Make `data` (a whole analysis, or one view's slice of it) the data every view reads. */
  function load(data) {
    DATA = data;
    VIEW = DATA.view || null;
    corpus = DATA.corpus || {};
    docs = DATA.documents || [];
    claims = DATA.claims || [];
    groups = DATA.claim_groups || [];
    contested = DATA.contested || [];
    actorLabels = DATA.actor_labels || [];
    stories = DATA.stories || [];
    timeline = DATA.timeline || [];
    entities = DATA.entities || [];
    sources = DATA.sources || [];

    docById = new Map();
    docs.forEach(function (d) { docById.set(d.id, d); });
    claimById = new Map();
    claimsByDoc = new Map();
    claims.forEach(function (c) {
      claimById.set(c.id, c);
      if (!claimsByDoc.has(c.doc)) claimsByDoc.set(c.doc, []);
      claimsByDoc.get(c.doc).push(c);
    });
    groupOfClaim = new Map();
    groups.forEach(function (g) { (g.members || []).forEach(function (id) { groupOfClaim.set(id, g); }); });
    storyById = new Map();
    stories.forEach(function (s) { storyById.set(s.id, s); });
    sourceByName = new Map();
    sources.forEach(function (s) { sourceByName.set(s.name, s); });
    offsetMaps = new Map(); entityKey = null; entityIndex = null; techIndex = null; storyDocSets = new Map();
  }
  var BOOT = JSON.parse(document.getElementById('storylens-data').textContent);
  var SERVER = BOOT.server || null;  // {api, write, check} in the web app; null in a report file
  load(BOOT);

  /* How many of `kind` the whole corpus holds: the server's count, or a partial report's, or `local`. */
  function total(kind, local) {
    var t = (VIEW && VIEW.totals) || (BOOT.view && BOOT.view.totals);
    if (SERVER && t && t[kind] != null) return t[kind];
    var p = DATA.partial && DATA.partial[kind];
    return p && p.total != null ? p.total : local;
  }

  var STATUS = {
    conflict: { label: 'Conflict', order: 0 },
    evolving: { label: 'Evolving', order: 1 },
    agree: { label: 'Agree', order: 2 },
    single_source: { label: 'Single source', order: 3 }
  };

  // ------------------------------------------------------------------ DOM helpers
  /* add(parent, child, [children], 'text', ...): append in order, skipping null and false. */
  function add(parent) { return addKids(parent, Array.prototype.slice.call(arguments, 1)); }
  function addKids(parent, kids) {
    for (var i = 0; i < kids.length; i++) {
      var k = kids[i];
      if (k == null || k === false) continue;
      if (Array.isArray(k)) { addKids(parent, k); continue; }
      if (typeof k === 'string' || typeof k === 'number') k = document.createTextNode(String(k));
      parent.appendChild(k);
    }
    return parent;
  }

  function setProps(e, props) {
    if (!props) return;
    Object.keys(props).forEach(function (key) {
      var v = props[key];
      if (v == null || v === false) return;
      if (key === 'class') e.setAttribute('class', v);
      else if (key === 'text') e.textContent = String(v);
      else if (key === 'on') Object.keys(v).forEach(function (ev) { e.addEventListener(ev, v[ev]); });
      else e.setAttribute(key, v === true ? '' : String(v));
    });
  }

  /* h('a', {href: '#x', class: 'c'}, 'text', child, [more]) */
  function h(tag, props) {
    var e = document.createElement(tag);
    setProps(e, props);
    return addKids(e, Array.prototype.slice.call(arguments, 2));
  }

  var SVGNS = 'http://www.w3.org/2000/svg';
  function s(tag, props) {
    var e = document.createElementNS(SVGNS, tag);
    setProps(e, props);
    return addKids(e, Array.prototype.slice.call(arguments, 2));
  }

  function clear(e) { e.textContent = ''; return e; }

  function fmtNum(n) {
    if (n == null || typeof n !== 'number' || !isFinite(n)) return '';
    if (Number.isInteger(n)) return n.toLocaleString('en-US');
    return n.toLocaleString('en-US', { maximumFractionDigits: 2 });
  }
  function plural(n, one, many) { return fmtNum(n) + ' ' + (n === 1 ? one : (many || one + 's')); }
  function truncate(t, n) { t = String(t == null ? '' : t); return t.length > n ? t.slice(0, n - 1) + '…' : t; }
  function pretty(label) { return String(label).replace(/_/g, ' '); }
  function sum(obj) { var t = 0; Object.keys(obj || {}).forEach(function (k) { t += obj[k] || 0; }); return t; }
  function entriesDesc(obj) {
    return Object.keys(obj || {}).map(function (k) { return [k, obj[k]]; })
      .sort(function (a, b) { return b[1] - a[1] || (a[0] < b[0] ? -1 : 1); });
  }
  function countBy(list, key) {
    var m = new Map();
    list.forEach(function (x) { var k = key(x); m.set(k, (m.get(k) || 0) + 1); });
    return m;
  }

  // ------------------------------------------------------------------ offsets
  var SURROGATE = /[\uD800-\uDFFF]/;
  var offsetMaps = new Map();
  /* null when the text has only BMP characters (code point = UTF-16 index), else an array
     from code point offset to UTF-16 index. */
  function offsetMap(doc) {
    if (offsetMaps.has(doc.id)) return offsetMaps.get(doc.id);
    var t = doc.text || '';
    var map = null;
    if (SURROGATE.test(t)) {
      map = [];
      for (var i = 0; i < t.length; i++) {
        map.push(i);
        var c = t.charCodeAt(i);
        if (c >= 0xD800 && c <= 0xDBFF && i + 1 < t.length) {
          var n = t.charCodeAt(i + 1);
          if (n >= 0xDC00 && n <= 0xDFFF) i++;
        }
      }
      map.push(t.length);
    }
    offsetMaps.set(doc.id, map);
    return map;
  }
  function docLength(doc) { var m = offsetMap(doc); return m ? m.length - 1 : (doc.text || '').length; }
  function clampCp(doc, cp) { var L = docLength(doc); cp = Math.floor(Number(cp) || 0); return cp < 0 ? 0 : (cp > L ? L : cp); }
  function u16(doc, cp) { var m = offsetMap(doc); cp = clampCp(doc, cp); return m ? m[cp] : cp; }
  function spanText(doc, start, end) { return (doc.text || '').slice(u16(doc, start), u16(doc, end)); }
  function evText(ev) {
    var d = docById.get(ev.doc);
    if (d && d.text != null) return spanText(d, ev.start, ev.end);
    return ev.text || '';
  }

  // ------------------------------------------------------------------ links
  function docHref(docId, start, end) {
    var href = '#doc/' + encodeURIComponent(docId);
    if (start != null && end != null) href += '/' + Math.floor(start) + '-' + Math.floor(end);
    return href;
  }
  function query(params) {
    var q = new URLSearchParams();
    Object.keys(params).forEach(function (k) { if (params[k] != null && params[k] !== '') q.set(k, params[k]); });
    var t = q.toString();
    return t ? '?' + t : '';
  }
  function docsHref(params) { return '#documents' + query(params); }
  function sourceHref(name) { return '#sources' + query({ name: name }); }

  function docSource(d) { return (d && d.source) || '(no source)'; }
  function docTitle(d) {
    if (!d) return '(missing document)';
    if (d.title) return d.title;
    if (d.text == null && d.excerpt == null) return d.id;  // a listing that names the document only
    var t = (d.text != null ? d.text : d.excerpt).replace(/\s+/g, ' ').trim();
    return t ? truncate(t, 90) : '(empty document ' + d.id + ')';
  }
  function docDate(d) { return d && d.published ? String(d.published).slice(0, 10) : ''; }

  /* A link to a span of a document, labelled with its source and offsets. */
  function evLink(ev, label, extraClass) {
    var d = docById.get(ev.doc);
    var src = ev.source || docSource(d);
    var text = evText(ev);
    return h('a', {
      href: docHref(ev.doc, ev.start, ev.end),
      class: 'ev' + (extraClass ? ' ' + extraClass : ''),
      title: '“' + truncate(text, 300) + '” — ' + src + ', ' + docTitle(d) + ', characters ' + ev.start + '–' + ev.end
    }, label != null ? label : src + ' · ' + ev.start + '–' + ev.end);
  }

  function statusBadge(status) {
    var st = STATUS[status] || { label: status || 'unknown' };
    return h('span', { class: 'badge status status-' + (status || 'unknown') }, h('span', { class: 'dot', 'aria-hidden': 'true' }), st.label);
  }
  function badge(text, cls, title) { return h('span', { class: 'badge ' + (cls || ''), title: title }, text); }

  function sectionHead(title, lead) {
    return [h('h1', null, title), lead ? h('p', { class: 'lead' }, lead) : null];
  }
  function empty(text) { return h('p', { class: 'empty' }, text); }

  function table(headers, rows, cls) {
    return h('table', { class: 'tbl ' + (cls || '') },
      h('thead', null, h('tr', null, headers.map(function (x) { return h('th', { scope: 'col' }, x); }))),
      h('tbody', null, rows));
  }

  /* A "show more" pager over a list rendered into `box`. */
  function pagedList(box, items, renderItem, pageSize, more) {
    var shown = 0;
    var btn = h('button', { type: 'button', class: 'more' });
    function next() {
      var end = Math.min(items.length, shown + pageSize);
      for (; shown < end; shown++) box.appendChild(renderItem(items[shown], shown));
      if (shown < items.length) { btn.textContent = (more || 'Show more') + ' (' + fmtNum(items.length - shown) + ' left)'; btn.hidden = false; }
      else btn.hidden = true;
    }
    btn.addEventListener('click', next);
    next();
    return btn;
  }

  // ------------------------------------------------------------------ charts (inline SVG)
  var PALETTE = { blue: [37, 99, 235], red: [197, 48, 48], teal: [13, 148, 136], purple: [124, 58, 237] };

  /* Heatmap: rows x cols, cells link to evidence. opts: rows, cols, value(r,c), href(r,c),
     title(r,c), rowLabel(r), colLabel(c), rowTitle, colTitle, color, rowHref, colHref. */
  function heatmap(opts) {
    var rows = opts.rows, cols = opts.cols;
    var cw = 44, ch = 24;
    var rowLabels = rows.map(function (r) { return truncate(opts.rowLabel(r), 34); });
    var colLabels = cols.map(function (c) { return truncate(opts.colLabel(c), 26); });
    var lw = Math.min(250, 16 + 7 * Math.max(4, Math.max.apply(null, rowLabels.map(function (x) { return x.length; }).concat([4]))));
    var top = Math.min(170, 20 + 5.2 * Math.max.apply(null, colLabels.map(function (x) { return x.length; }).concat([4])));
    var W = lw + cw * cols.length + Math.max(40, top - 10), H = top + ch * rows.length + 6;
    var max = 0;
    var vals = rows.map(function (r) { return cols.map(function (c) { var v = opts.value(r, c) || 0; if (v > max) max = v; return v; }); });
    var rgb = PALETTE[opts.color || 'blue'];
    var svg = s('svg', { class: 'chart heatmap', width: W, height: H, viewBox: '0 0 ' + W + ' ' + H, role: 'img', 'aria-label': opts.label || 'heatmap' });
    cols.forEach(function (c, j) {
      var x = lw + j * cw + cw / 2;
      var t = s('text', { x: 0, y: 0, transform: 'translate(' + (x + 4) + ',' + (top - 6) + ') rotate(-45)', class: 'collabel' }, colLabels[j],
        s('title', null, opts.colTitle ? opts.colTitle(c) : opts.colLabel(c)));
      svg.appendChild(opts.colHref ? s('a', { href: opts.colHref(c) }, t) : t);
    });
    rows.forEach(function (r, i) {
      var y = top + i * ch;
      var t = s('text', { x: lw - 8, y: y + ch / 2 + 4, 'text-anchor': 'end', class: 'rowlabel' }, rowLabels[i],
        s('title', null, opts.rowTitle ? opts.rowTitle(r) : opts.rowLabel(r)));
      svg.appendChild(opts.rowHref ? s('a', { href: opts.rowHref(r) }, t) : t);
      cols.forEach(function (c, j) {
        var v = vals[i][j];
        var x = lw + j * cw;
        var a = v > 0 ? 0.14 + 0.86 * (v / (max || 1)) : 0;
        var rect = s('rect', {
          x: x + 1, y: y + 1, width: cw - 2, height: ch - 2, rx: 3,
          fill: v > 0 ? 'rgba(' + rgb.join(',') + ',' + a.toFixed(3) + ')' : '#f1f4f8',
          class: 'cell'
        });
        var g = s('g', null, rect);
        if (v > 0) g.appendChild(s('text', { x: x + cw / 2, y: y + ch / 2 + 4, 'text-anchor': 'middle', class: 'cellval' + (a > 0.55 ? ' on-dark' : '') }, fmtNum(v)));
        g.appendChild(s('title', null, opts.title(r, c, v)));
        var href = v > 0 ? opts.href(r, c) : null;
        svg.appendChild(href ? s('a', { href: href, class: 'cell-link' }, g) : g);
      });
    });
    return h('div', { class: 'chart-wrap' }, svg);
  }

  function hbar(value, max, cls) {
    var bar = h('span', { class: 'hbar ' + (cls || '') });
    bar.style.width = (max ? Math.max(2, Math.round(100 * value / max)) : 0) + '%';
    return h('span', { class: 'hbar-track' }, bar);
  }

  // ------------------------------------------------------------------ views
  var VIEWS = [
    ['overview', 'Overview'], ['claims', 'Claims'], ['contested', 'Contested'], ['labels', 'Labels'],
    ['stories', 'Stories'], ['timeline', 'Timeline'], ['entities', 'Entities'], ['sources', 'Sources'],
    ['documents', 'Documents']
  ].concat(SERVER ? [['search', 'Search'], ['check', 'Check a claim']].concat(SERVER.write ? [['ingest', 'Add documents']] : []) : []);
  var NAV_COUNTS = {
    overview: null, claims: total('claim_groups', groups.length), contested: total('contested', contested.length),
    labels: total('actor_labels', actorLabels.length), stories: total('stories', stories.length),
    timeline: total('timeline', timeline.length), entities: total('entities', entities.length),
    sources: total('sources', sources.length), documents: total('documents', docs.length)
  };

  // -------------------------------------------------- overview
  function renderOverview(el) {
    var period = corpus.period || {};
    var offEvent = corpus.off_event != null ? corpus.off_event : docs.filter(function (d) { return d.off_event; }).length;
    var conflicts = total('conflicts', groups.filter(function (g) { return g.status === 'conflict'; }).length);
    var cleaning = corpus.cleaning || { rules: {}, chars_removed: 0 };
    function card(label, value, href, note, cls) {
      var v = href ? h('a', { href: href }, value) : value;
      return h('div', { class: 'card stat' }, h('div', { class: 'stat-value' + (cls ? ' ' + cls : '') }, v), h('div', { class: 'stat-label' }, label), note ? h('div', { class: 'stat-note' }, note) : null);
    }
    add(el, sectionHead('Overview', 'What the corpus holds and what cleaning removed. Every figure links to the documents it counts; open one to see its text and cleaning log.'));
    add(el, h('div', { class: 'cards' },
      card('documents', fmtNum(corpus.documents != null ? corpus.documents : docs.length), '#documents'),
      card('sources', fmtNum(corpus.sources != null ? corpus.sources : sources.length), '#sources'),
      card('period', [h('span', { class: 'nowrap' }, (period.from || '?') + ' →'), ' ', h('span', { class: 'nowrap' }, period.to || '?')], '#timeline', null, 'period'),
      card('near-duplicates', fmtNum(corpus.duplicates || 0), docsHref({ dup: 1 }), 'linked to a first copy, not deleted'),
      card('off-event documents', fmtNum(offEvent), docsHref({ off: 1 })),
      card('claim groups', fmtNum(total('claim_groups', groups.length)), '#claims', fmtNum(total('claims', claims.length)) + ' claims'),
      card('conflicting figures', fmtNum(conflicts), '#claims' + query({ status: 'conflict' })),
      card('contested statements', fmtNum(total('contested', contested.length)), '#contested')
    ));

    function distTable(title, obj, param, fmtKey) {
      var rows = entriesDesc(obj);
      var max = rows.length ? rows[0][1] : 0;
      var p = {};
      return h('div', { class: 'card' }, h('h2', null, title),
        rows.length ? table([param === 'lang' ? 'language' : param, 'documents', ''], rows.map(function (kv) {
          p = {}; p[param] = kv[0];
          return h('tr', null, h('td', null, h('a', { href: docsHref(p) }, fmtKey ? fmtKey(kv[0]) : kv[0])),
            h('td', { class: 'num' }, h('a', { href: docsHref(p) }, fmtNum(kv[1]))), h('td', { class: 'barcell' }, hbar(kv[1], max)));
        }), 'dist') : empty('none'));
    }
    var rules = entriesDesc(cleaning.rules || {});
    var rmax = rules.length ? rules[0][1] : 0;
    add(el, h('div', { class: 'grid3' },
      distTable('Kinds', corpus.kinds || {}, 'kind'),
      distTable('Languages', corpus.languages || {}, 'lang'),
      h('div', { class: 'card' }, h('h2', null, 'What cleaning removed'),
        h('p', { class: 'muted' }, fmtNum(cleaning.chars_removed || 0) + ' characters removed in all. Changes per rule (click a rule for the documents it touched; each document shows its cleaning log):'),
        rules.length ? table(['rule', 'changes', ''], rules.map(function (kv) {
          return h('tr', null, h('td', null, h('a', { href: docsHref({ rule: kv[0] }) }, kv[0])),
            h('td', { class: 'num' }, fmtNum(kv[1])), h('td', { class: 'barcell' }, hbar(kv[1], rmax, 'grey')));
        }), 'dist') : empty('Cleaning changed nothing.'))
    ));
    if (DATA.generated_at) add(el, h('p', { class: 'muted small' }, 'Analysis generated at ' + DATA.generated_at + '.'));
  }

  // -------------------------------------------------- claims
  /* The figure as the source put it: hedge words first ("about 2,500"); symbols only when the
     analysis gives bounds without words for them. */
  function figure(c) {
    var hedge = c.hedge ? c.hedge + ' ' : '';
    if (c.value != null) return hedge + fmtNum(c.value);
    if (c.lo != null && c.hi != null) return hedge + fmtNum(c.lo) + '–' + fmtNum(c.hi);
    if (c.lo != null) return hedge ? hedge + fmtNum(c.lo) : '≥ ' + fmtNum(c.lo);
    if (c.hi != null) return hedge ? hedge + fmtNum(c.hi) : '≤ ' + fmtNum(c.hi);
    return truncate(c.text, 30);
  }
  /* The claim's source: as the analysis names it (its document may not be embedded). */
  function claimSource(c) { return c.source || docSource(docById.get(c.doc)); }
  function claimSentence(c) {
    var d = docById.get(c.doc);
    if (!d || d.text == null) return c.text;
    var ss = c.sentence_start != null ? c.sentence_start : c.start;
    var se = c.sentence_end != null ? c.sentence_end : c.end;
    return spanText(d, ss, se);
  }
  function claimTitle(c) {
    var d = docById.get(c.doc);
    var who = [];
    if (c.by) who.push('by ' + c.by);
    if (c.via) who.push('via ' + c.via);
    if (c.cue) who.push('cue “' + c.cue + '”');
    if (c.as_of) who.push((c.kind === 'date' ? 'date ' : 'as of ') + c.as_of);
    if (c.kind && c.kind !== 'count') who.push(c.kind);
    if (c.subgroup) who.push('of ' + c.subgroup);
    if (c.subject) who.push('of ' + c.subject);
    return '“' + truncate(claimSentence(c), 400) + '”\n' + (who.length ? who.join(', ') + '\n' : '') +
      docSource(d) + ' — ' + docTitle(d) + (docDate(d) ? ' (' + docDate(d) + ')' : '') + '\ncharacters ' + c.start + '–' + c.end + ' · click to open';
  }
  function claimLink(c) {
    return h('a', { href: docHref(c.doc, c.start, c.end), class: 'claim-link', title: claimTitle(c), 'data-claim': c.id },
      figure(c), c.by ? h('span', { class: 'by' }, ' by ' + truncate(c.by, 40)) : null);
  }

  var claimsState = { status: '', q: '' };
  function renderClaims(el) {
    add(el, sectionHead('Claims', 'One row per group of figures that measure the same thing in the same scope; one column per source (the publisher of the document). Hover a figure for its sentence and attribution; click it to open the document at that span.'));
    if (!groups.length) { add(el, empty('No claim groups in this analysis.')); return; }
    var counts = countBy(groups, function (g) { return g.status; });
    var filters = h('div', { class: 'filters', role: 'group', 'aria-label': 'Filter by status' });
    var buttons = [['', 'All', groups.length]].concat(Object.keys(STATUS).map(function (k) { return [k, STATUS[k].label, counts.get(k) || 0]; }));
    buttons.forEach(function (b) {
      filters.appendChild(h('a', { href: '#claims' + query({ status: b[0] }), class: 'chip status-' + (b[0] || 'all'), 'data-status': b[0] }, b[1] + ' (' + fmtNum(b[2]) + ')'));
    });
    var search = h('input', { type: 'search', placeholder: 'Filter by measure or scope…', class: 'search', 'aria-label': 'Filter claim groups' });
    var timer = null;
    search.addEventListener('input', function () {
      clearTimeout(timer);
      timer = setTimeout(function () { claimsState.q = search.value; drawClaims(); }, 120);
    });
    filters.appendChild(search);
    add(el, filters, h('div', { id: 'claims-table' }));
  }
  function drawClaims() {
    var box = document.getElementById('claims-table');
    if (!box) return;
    clear(box);
    document.querySelectorAll('#view-claims .filters .chip').forEach(function (a) {
      a.classList.toggle('active', a.getAttribute('data-status') === claimsState.status);
    });
    var q = claimsState.q.toLowerCase();
    var rows = groups.filter(function (g) {
      if (claimsState.status && g.status !== claimsState.status) return false;
      if (q && (g.measure + ' ' + g.scope + ' ' + (g.unit || '') + ' ' + g.explanation).toLowerCase().indexOf(q) < 0) return false;
      return true;
    }).sort(function (a, b) {
      return ((STATUS[a.status] || { order: 9 }).order - (STATUS[b.status] || { order: 9 }).order) || (b.members.length - a.members.length);
    });
    if (!rows.length) { box.appendChild(empty('No claim group matches.')); return; }
    // columns: publishing sources of the member claims, most claims first
    var colCount = new Map();
    rows.forEach(function (g) {
      g.members.forEach(function (id) { var c = claimById.get(id); if (c) { var k = claimSource(c); colCount.set(k, (colCount.get(k) || 0) + 1); } });
    });
    var cols = Array.from(colCount.keys()).sort(function (a, b) { return colCount.get(b) - colCount.get(a) || (a < b ? -1 : 1); });
    var tbody = h('tbody');
    var tbl = h('table', { class: 'tbl matrix' },
      h('thead', null, h('tr', null, h('th', { scope: 'col', class: 'rowhead' }, 'What is counted · status'),
        cols.map(function (c) { return h('th', { scope: 'col', class: 'srccol' }, h('a', { href: sourceHref(c), title: c }, truncate(c, 22))); }))),
      tbody);
    box.appendChild(h('p', { class: 'muted small' }, plural(rows.length, 'claim group') + ' × ' + plural(cols.length, 'source') + '.'));
    box.appendChild(h('div', { class: 'matrix-wrap' }, tbl));
    var btn = pagedList(tbody, rows, function (g) {
      var byCol = new Map();
      g.members.forEach(function (id) {
        var c = claimById.get(id);
        if (!c) return;
        var k = claimSource(c);
        if (!byCol.has(k)) byCol.set(k, []);
        byCol.get(k).push(c);
      });
      return h('tr', { class: 'row-' + g.status, id: 'group-' + g.id },
        h('th', { scope: 'row', class: 'rowhead' },
          h('div', { class: 'measure' }, pretty(g.measure) + (g.unit ? ' (' + g.unit + ')' : ''), ' ', statusBadge(g.status)),
          h('div', { class: 'scope' }, g.scope,
            g.part_of ? h('span', null, ' · part of ', h('a', { href: '#group-' + g.part_of }, g.part_of)) : null,
            g.republished_by ? ' · republished by ' + fmtNum(g.republished_by) : null),
          h('div', { class: 'expl', title: g.explanation }, truncate(g.explanation, 160))),
        cols.map(function (col) {
          var cs = byCol.get(col);
          return h('td', { class: 'cell' + (cs ? ' has' : '') }, cs ? cs.map(function (c) { return h('div', null, claimLink(c)); }) : null);
        }));
    }, 100, 'Show more groups');
    box.appendChild(btn);
  }

  // -------------------------------------------------- contested
  function renderContested(el) {
    add(el, sectionHead('Contested statements', 'Statements from different sources about the same proposition that cannot both hold, side by side. Each statement opens at its span.'));
    if (!contested.length) { add(el, empty('No contested statements in this analysis.')); return; }
    var list = h('div');
    add(el, list, pagedList(list, contested, function (item) {
      var sides = Object.keys(item.sides || {});
      var kind = { changed_account: 'change of account', watched: 'watched claim' }[item.kind];
      return h('article', { class: 'card contested', id: 'contested-' + item.id },
        h('h2', null, item.about, kind ? h('span', { class: 'badge' }, kind) : null),
        h('p', { class: 'muted' }, item.explanation),
        h('div', { class: 'sides', 'data-sides': sides.length },
          sides.map(function (side) {
            var evs = item.sides[side] || [];
            return h('div', { class: 'side' },
              h('h3', null, side, h('span', { class: 'count' }, ' · ' + plural(evs.length, 'statement'))),
              evs.map(function (ev) {
                var d = docById.get(ev.doc);
                return h('blockquote', { class: 'statement' },
                  h('p', null, '“' + truncate(evText(ev) || ev.text || '', 600) + '”'),
                  h('footer', null, h('a', { href: sourceHref(ev.source || docSource(d)) }, ev.source || docSource(d)), ' · ',
                    docDate(d) ? docDate(d) + ' · ' : '', ev.cue ? 'cue “' + ev.cue + '” · ' : '',
                    evLink(ev, 'open at characters ' + ev.start + '–' + ev.end)));
              }));
          })));
    }, 50));
  }

  // -------------------------------------------------- actor labels
  function renderLabels(el) {
    add(el, sectionHead('Actor labels', 'The words each source uses for the same referent: a group of actors, one of the main entities, or the event itself. Click a label for its first use, or its count (×) for every use in context. “new” marks a label found from usage, not from the lexicon; “distinctive” a word this source uses for the referent markedly more than the other sources (weighted log-odds z ≥ 1.96); “quoted” that some uses stand in quotation marks.'));
    if (!actorLabels.length) { add(el, empty('No actor labels in this analysis.')); return; }
    actorLabels.forEach(function (grp) {
      add(el, h('div', { class: 'card' }, h('h2', null, grp.group),
        table(['source', 'labels used'], (grp.by_source || []).map(function (bs) {
          var labels = (bs.labels || []).slice().sort(function (a, b) { return b.count - a.count; });
          return h('tr', null, h('th', { scope: 'row', class: 'srcname' }, h('a', { href: sourceHref(bs.source) }, bs.source)),
            h('td', null, labels.map(function (lab) {
              var evs = lab.evidence || [];
              var first = evs[0];
              var main = first
                ? h('a', { href: docHref(first.doc, first.start, first.end), class: 'label-chip' + (lab.discovered ? ' discovered' : ''), title: '“' + truncate(evText(first), 300) + '”' },
                  lab.label)
                : h('span', { class: 'label-chip' + (lab.discovered ? ' discovered' : '') }, lab.label);
              return h('span', { class: 'label-item' }, main,
                h('a', { class: 'n', href: '#evidence' + query({ kind: 'label', group: grp.group, source: bs.source, label: lab.label }), title: 'every use in context' }, '×' + fmtNum(lab.count)),
                lab.discovered ? h('span', { class: 'tag', title: 'found from usage, not from the lexicon' }, 'new') : null,
                lab.distinctive ? h('span', { class: 'tag', title: 'weighted log-odds z = ' + Number(lab.z).toFixed(2) + ' against the other sources' }, 'distinctive') : null,
                evs.some(function (ev) { return ev.quoted; }) ? h('span', { class: 'tag', title: 'some uses are inside quotation marks: the source may be citing someone else' }, 'quoted') : null);
            })));
        }), 'labels')));
    });
  }

  // -------------------------------------------------- stories
  function renderStories(el) {
    add(el, sectionHead('Stories', 'Documents grouped by the story they tell. The main event is marked; documents about something else are flagged off-event.'));
    var sorted = stories.slice().sort(function (a, b) { return (b.main - a.main) || (b.documents.length - a.documents.length); });
    var list = h('div', { class: 'stories' });
    add(el, list);
    if (!sorted.length) list.appendChild(empty('No stories in this analysis.'));
    add(el, pagedList(list, sorted, function (st) {
      var p = st.period || {};
      var ds = st.documents || [];
      var nDocs = st.document_count != null ? st.document_count : ds.length;
      return h('article', { class: 'card story' + (st.main ? ' main' : ''), id: 'story-' + st.id },
        h('h2', null, st.label, ' ', st.main ? badge('main event', 'main') : badge('other story', 'other')),
        h('p', { class: 'muted' }, plural(nDocs, 'document'), (p.from || p.to) ? ' · ' + (p.from || '?') + ' → ' + (p.to || '?') : ''),
        h('ul', { class: 'doclist' }, ds.slice(0, 8).map(function (id) { return docItem(id); })),
        nDocs > 8 ? h('a', { href: docsHref({ story: st.id }) }, 'All ' + fmtNum(nDocs) + ' documents of this story →') : null);
    }, 30));
    var off = docs.filter(function (d) { return d.off_event; });
    var nOff = corpus.off_event != null ? corpus.off_event : off.length;
    add(el, h('div', { class: 'card offevent', id: 'off-event' }, h('h2', null, 'Off-event documents ', badge(fmtNum(nOff), 'warn')),
      h('p', { class: 'muted' }, 'Documents judged to be about something other than the event. They stay in the corpus; check them before relying on their claims.'),
      off.length ? h('ul', { class: 'doclist' }, off.slice(0, 12).map(function (d) { return docItem(d.id); })) : empty('None.'),
      nOff > Math.min(12, off.length) ? h('a', { href: docsHref({ off: 1 }) }, 'All ' + fmtNum(nOff) + ' off-event documents →') : null));
  }
  function storyReason(why) {
    if (!why || !why.reason) return null;
    var terms = (why.terms || []).join(', '), main = (why.main_terms || []).join(', ');
    return [why.reason + ' (similarity to the main story ' + Number(why.similarity).toFixed(2) + ', typicality ' + Number(why.typicality).toFixed(2) + ')',
      terms ? h('div', { class: 'muted' }, 'its lead: ' + terms) : null,
      main ? h('div', { class: 'muted' }, 'the main story: ' + main) : null];
  }
  function docItem(id) {
    var d = docById.get(id);
    return h('li', null, h('a', { href: docHref(id) }, docTitle(d)), h('span', { class: 'muted' }, ' — ' + docSource(d) + (docDate(d) ? ', ' + docDate(d) : '')),
      d && d.off_event ? h('span', { title: d.why && d.why.reason ? d.why.reason : '' }, badge('off-event', 'warn')) : null);
  }

  // -------------------------------------------------- timeline
  var DAY = 86400000;
  function dayNum(iso) {
    if (!iso) return null;
    var m = /^(\d{4})-(\d{2})(?:-(\d{2}))?/.exec(String(iso));
    if (!m) return null;
    var t = Date.UTC(+m[1], +m[2] - 1, m[3] ? +m[3] : 1);
    return isNaN(t) ? null : Math.floor(t / DAY);
  }
  function dayIso(n) { return new Date(n * DAY).toISOString().slice(0, 10); }

  function renderTimeline(el) {
    add(el, sectionHead('Timeline', 'What happened when, as the documents tell it. Each dot (a bar for a range) opens its first evidence; a bigger dot has more evidence. Below the axis, documents published per day (click a bar for that day’s documents). The list below gives every event with all its evidence.'));
    var items = timeline.map(function (t, i) { return { t: t, i: i, a: dayNum(t.date), b: dayNum(t.end) }; }).filter(function (x) { return x.a != null; });
    items.forEach(function (x) { if (x.b == null || x.b < x.a) x.b = x.a; });
    var perDay = new Map();
    if (corpus.published_per_day) {  // the whole corpus, even when only some documents are embedded
      Object.keys(corpus.published_per_day).forEach(function (day) { var n = dayNum(day); if (n != null) perDay.set(n, (perDay.get(n) || 0) + corpus.published_per_day[day]); });
    } else docs.forEach(function (d) { var n = dayNum(d.published); if (n != null) perDay.set(n, (perDay.get(n) || 0) + 1); });
    var lo, hi;
    if (items.length) {
      items.forEach(function (x) { if (lo == null || x.a < lo) lo = x.a; if (hi == null || x.b > hi) hi = x.b; });
    } else {
      perDay.forEach(function (v, k) { if (lo == null || k < lo) lo = k; if (hi == null || k > hi) hi = k; });
    }
    if (lo == null) { add(el, empty('No dated events or documents in this analysis.')); return; }
    // widen a little so that documents published just after the events show too
    var dlo = lo, dhi = hi;
    perDay.forEach(function (v, k) { if (k >= lo - 3 && k < dlo) dlo = k; if (k <= hi + 14 && k > dhi) dhi = k; });
    lo = dlo; hi = dhi;
    if (hi === lo) { lo -= 1; hi += 1; }
    var W = 960, padL = 36, padR = 24, laneH = 22;
    var x = function (d) { return padL + (d - lo) / (hi - lo + 1) * (W - padL - padR); };
    var dayW = (W - padL - padR) / (hi - lo + 1);
    // lanes: greedy interval packing in pixel space
    var lanes = [];
    var MAXL = 14;
    items.slice().sort(function (p, q) { return p.a - q.a || q.b - p.b; }).forEach(function (it) {
      var x0 = x(it.a), x1 = Math.max(x(it.b + 1) - 1, x0 + 12);
      var k = 0;
      while (k < lanes.length && lanes[k] >= x0) k++;
      if (k >= MAXL) k = MAXL - 1;
      lanes[k] = Math.max(lanes[k] || 0, x1);
      it.lane = k; it.x0 = x0; it.x1 = x1;
    });
    var nl = Math.max(1, lanes.length);
    var top = 10, axisY = top + nl * laneH + 10, histH = 56, H = axisY + 26 + histH + 18;
    var svg = s('svg', { class: 'chart timeline', viewBox: '0 0 ' + W + ' ' + H, width: '100%', role: 'img', 'aria-label': 'Timeline of events and documents per day' });
    // ticks
    var span = hi - lo + 1;
    var steps = [1, 2, 7, 14, 30, 61, 91, 182, 365, 730];
    var step = steps.find(function (st) { return span / st <= 12; }) || 1461;
    var first = lo;
    if (step === 7) { while (new Date(first * DAY).getUTCDay() !== 1) first++; }
    for (var d = first; d <= hi; d += step) {
      var tx = x(d) + (step === 1 ? dayW / 2 : 0);
      svg.appendChild(s('line', { x1: tx, x2: tx, y1: top - 4, y2: axisY, class: 'grid' }));
      svg.appendChild(s('text', { x: tx, y: axisY + 16, 'text-anchor': 'middle', class: 'tick' }, step >= 30 ? dayIso(d).slice(0, 7) : dayIso(d).slice(5)));
    }
    svg.appendChild(s('line', { x1: padL, x2: W - padR, y1: axisY, y2: axisY, class: 'axis' }));
    items.forEach(function (it) {
      var t = it.t;
      var y = top + it.lane * laneH + laneH / 2;
      var ev = (t.evidence || [])[0];
      var title = t.date + (t.end ? ' → ' + t.end : '') + ': ' + t.summary + '\n' + plural((t.evidence || []).length, 'piece') + ' of evidence' + (ev ? ' · click for the first' : '');
      var shape = it.b > it.a
        ? s('rect', { x: it.x0, y: y - 5, width: Math.max(8, x(it.b + 1) - it.x0), height: 10, rx: 5, class: 'tl-range' })
        : s('circle', { cx: it.x0 + dayW / 2, cy: y, r: Math.min(laneH / 2 + 1, 4 + 1.6 * Math.sqrt((t.evidence || []).length)), class: 'tl-dot' });
      var g = s('g', { class: 'tl-item' }, shape, s('title', null, title));
      svg.appendChild(ev ? s('a', { href: docHref(ev.doc, ev.start, ev.end), 'data-item': it.i }, g) : g);
    });
    // documents per day
    var maxDay = 0;
    perDay.forEach(function (v, k) { if (k >= lo && k <= hi && v > maxDay) maxDay = v; });
    var hy = axisY + 26;
    perDay.forEach(function (v, k) {
      if (k < lo || k > hi) return;
      var bh = Math.max(2, histH * v / (maxDay || 1));
      svg.appendChild(s('a', { href: docsHref({ date: dayIso(k) }) },
        s('rect', { x: x(k) + 1, y: hy + histH - bh, width: Math.max(2, dayW - 2), height: bh, class: 'tl-hist' },
          s('title', null, dayIso(k) + ': ' + plural(v, 'document') + ' published'))));
    });
    svg.appendChild(s('text', { x: padL, y: H - 4, class: 'tick' }, 'documents published per day (max ' + fmtNum(maxDay) + ')'));
    add(el, h('div', { class: 'card chart-card' }, svg));

    var list = h('ol', { class: 'tl-list' });
    var sortedItems = timeline.map(function (t, i) { return { t: t, i: i, a: dayNum(t.date) }; })
      .sort(function (p, q) { return (p.a == null) - (q.a == null) || p.a - q.a || p.i - q.i; });
    add(el, h('div', { class: 'card' }, h('h2', null, 'Events'), list,
      pagedList(list, sortedItems, function (x2) {
        var t = x2.t;
        return h('li', { id: 'tl-' + x2.i },
          h('span', { class: 'tl-date' }, t.date + (t.end ? ' → ' + t.end : '')),
          h('span', { class: 'tl-summary' }, t.summary),
          h('span', { class: 'tl-ev' }, (t.evidence || []).map(function (ev) { return evLink(ev); })));
      }, 200)));
  }

  // -------------------------------------------------- entities
  var entityIndex = null;
  var entityKey = null;
  /* The entity a mention in a document refers to: by its `entity` (an id or a name), else by its
     words matching a name or alias. */
  function resolveEntity(d, m) {
    if (!entityKey) {
      entityKey = new Map();
      entities.forEach(function (e) {
        entityKey.set(e.id, e);
        if (!entityKey.has(e.name)) entityKey.set(e.name, e);
        [e.name].concat(e.aliases || []).forEach(function (a) { var k = 'alias:' + String(a).toLowerCase(); if (!entityKey.has(k)) entityKey.set(k, e); });
      });
    }
    return (m.entity != null && entityKey.get(m.entity)) || entityKey.get('alias:' + spanText(d, m.start, m.end).toLowerCase()) || null;
  }
  /* (entity id, source) -> first mention span; built once, on first use. */
  function buildEntityIndex() {
    if (entityIndex) return entityIndex;
    entityIndex = new Map();
    docs.forEach(function (d) {
      var src = docSource(d);
      (d.entities || []).forEach(function (m) {
        var e = resolveEntity(d, m);
        if (!e) return;
        var k = e.id + '\u0000' + src;
        if (!entityIndex.has(k)) entityIndex.set(k, { doc: d.id, start: m.start, end: m.end, n: 0 });
        entityIndex.get(k).n++;
      });
    });
    return entityIndex;
  }
  var entShown = 30;
  function renderEntities(el) {
    add(el, sectionHead('Entities', 'Who is mentioned by whom: one row per entity, one column per source, the number of mentions in each cell. Click a cell for every mention in context; click a mention for its document.'));
    if (!entities.length) { add(el, empty('No entities in this analysis.')); return; }
    add(el, h('div', { id: 'entity-chart', class: 'card chart-card' }));
    drawEntities();
  }
  function drawEntities() {
    var box = clear(document.getElementById('entity-chart'));
    var idx = buildEntityIndex();
    var ents = entities.slice().sort(function (a, b) { return sum(b.mentions_by_source) - sum(a.mentions_by_source) || (a.name < b.name ? -1 : 1); });
    var colTotals = new Map();
    ents.forEach(function (e) { Object.keys(e.mentions_by_source || {}).forEach(function (k) { colTotals.set(k, (colTotals.get(k) || 0) + e.mentions_by_source[k]); }); });
    var cols = Array.from(colTotals.keys()).sort(function (a, b) { return colTotals.get(b) - colTotals.get(a) || (a < b ? -1 : 1); });
    var rows = ents.slice(0, entShown);
    var allCols = cols.length;
    cols = cols.slice(0, 40);
    box.appendChild(h('p', { class: 'muted small' }, 'Showing ' + fmtNum(rows.length) + ' of ' + plural(ents.length, 'entity', 'entities') + ', most mentioned first' +
      (allCols > cols.length ? ', and the ' + cols.length + ' of ' + fmtNum(allCols) + ' sources with the most mentions.' : '.')));
    box.appendChild(heatmap({
      label: 'Entity mentions per source',
      rows: rows, cols: cols, color: 'purple',
      value: function (e, c) { return (e.mentions_by_source || {})[c] || 0; },
      rowLabel: function (e) { return e.name + ' · ' + e.label; },
      rowTitle: function (e) { return e.name + ' (' + e.label + ')' + ((e.aliases || []).length ? '\nalso: ' + e.aliases.join(', ') : '') + ((e.why || []).length ? '\n' + e.why.join('\n') : ''); },
      colLabel: function (c) { return c; },
      colHref: function (c) { return sourceHref(c); },
      href: function (e, c) { return '#evidence' + query({ kind: 'mentions', entity: e.id, source: c }); },
      title: function (e, c, v) {
        var m = idx.get(e.id + '\u0000' + c);
        return e.name + ' in ' + c + ': ' + plural(v, 'mention') + '\nclick for every mention in context' + (m ? ', e.g. “' + truncate(evText(m), 120) + '”' : '');
      }
    }));
    if (ents.length > entShown) {
      box.appendChild(h('button', { type: 'button', class: 'more', on: { click: function () { entShown += 30; drawEntities(); } } }, 'Show 30 more entities'));
    }
  }

  // -------------------------------------------------- sources
  var techIndex = null;
  /* source -> technique -> first labelled passage; source -> frame -> best document. */
  function buildTechIndex() {
    if (techIndex) return techIndex;
    techIndex = { tech: new Map(), frame: new Map(), techCount: new Map(), frameCount: new Map(), cw: new Map() };
    docs.forEach(function (d) {
      var src = docSource(d);
      if (!techIndex.tech.has(src)) { techIndex.tech.set(src, new Map()); techIndex.frame.set(src, new Map()); techIndex.techCount.set(src, {}); techIndex.frameCount.set(src, {}); techIndex.cw.set(src, []); }
      var tm = techIndex.tech.get(src), fm = techIndex.frame.get(src), tc = techIndex.techCount.get(src), fc = techIndex.frameCount.get(src);
      (d.passages || []).forEach(function (p) {
        (p.techniques || []).forEach(function (ts) {
          var t = ts[0];
          tc[t] = (tc[t] || 0) + 1;
          var best = tm.get(t);
          if (!best || ts[1] > best.score) tm.set(t, { doc: d.id, start: p.start, end: p.end, score: ts[1] });
        });
      });
      (d.frames || []).forEach(function (fs) {
        var f = fs[0];
        fc[f] = (fc[f] || 0) + 1;
        var best = fm.get(f);
        if (!best || fs[1] > best.score) fm.set(f, { doc: d.id, score: fs[1] });
      });
      var cw = techIndex.cw.get(src);
      (d.sentences || []).forEach(function (st) {
        if (st.checkworthiness != null) cw.push({ doc: d.id, start: st.start, end: st.end, score: st.checkworthiness });
      });
    });
    techIndex.cw.forEach(function (list, k) { list.sort(function (a, b) { return b.score - a.score; }); techIndex.cw.set(k, list.slice(0, 5)); });
    return techIndex;
  }
  function renderSources(el) {
    add(el, sectionHead('Sources', 'How each source frames the event: persuasion techniques and frames per source, then a profile of each source with its most check-worthy sentences.'));
    var idx = buildTechIndex();
    var srcList = sources.length ? sources.slice() : Array.from(idx.tech.keys()).map(function (n) { return { name: n, documents: docs.filter(function (d) { return docSource(d) === n; }).map(function (d) { return d.id; }) }; });
    function nDocs(src) { return src.document_count != null ? src.document_count : (src.documents || []).length; }
    srcList.sort(function (a, b) { return nDocs(b) - nDocs(a) || (a.name < b.name ? -1 : 1); });
    function counts(src, kind) {
      var given = src[kind === 'tech' ? 'techniques' : 'frames'];
      if (given && Object.keys(given).length) return given;
      return (kind === 'tech' ? idx.techCount : idx.frameCount).get(src.name) || {};
    }
    function colsOf(kind) {
      var tot = new Map();
      srcList.forEach(function (src) { var c = counts(src, kind); Object.keys(c).forEach(function (k) { tot.set(k, (tot.get(k) || 0) + c[k]); }); });
      return Array.from(tot.keys()).sort(function (a, b) { return tot.get(b) - tot.get(a) || (a < b ? -1 : 1); });
    }
    var techCols = colsOf('tech'), frameCols = colsOf('frame');
    var heatRows = srcList.slice(0, 60);
    var rowsNote = srcList.length > heatRows.length ? ' Showing the ' + heatRows.length + ' of ' + fmtNum(srcList.length) + ' sources with the most documents; every source has a profile below.' : '';
    add(el, h('div', { class: 'card chart-card', id: 'tech-heatmap' }, h('h2', null, 'Persuasion techniques per source'),
      h('p', { class: 'muted small' }, 'Passages labelled with each technique. These are paragraph-level labels: the model labels a whole passage (a long one in windows of a few sentences), not a span of words. A score is a calibrated probability (of passages scored 0.4, about 4 in 10 carry the technique in the validation data); a label is kept only from the threshold tuned for it on held-out data. Click a cell for the labelled passages, most probable first.' + rowsNote),
      techCols.length ? heatmap({
        label: 'Persuasion techniques per source', rows: heatRows, cols: techCols, color: 'red',
        value: function (src, t) { return counts(src, 'tech')[t] || 0; },
        rowLabel: function (src) { return src.name; }, rowHref: function (src) { return sourceHref(src.name); },
        colLabel: pretty,
        href: function (src, t) { return '#evidence' + query({ kind: 'technique', technique: t, source: src.name }); },
        title: function (src, t, v) { return pretty(t) + ' in ' + src.name + ': ' + plural(v, 'passage') + ' (paragraph-level label)\nclick for every labelled passage'; }
      }) : empty('No technique labels in this analysis.')));
    add(el, h('div', { class: 'card chart-card', id: 'frame-heatmap' }, h('h2', null, 'Frames per source'),
      h('p', { class: 'muted small' }, 'Documents labelled with each frame (a document-level label). Click a cell for the documents, best score first.' + rowsNote),
      frameCols.length ? heatmap({
        label: 'Frames per source', rows: heatRows, cols: frameCols, color: 'teal',
        value: function (src, f) { return counts(src, 'frame')[f] || 0; },
        rowLabel: function (src) { return src.name; }, rowHref: function (src) { return sourceHref(src.name); },
        colLabel: pretty,
        href: function (src, f) { return '#evidence' + query({ kind: 'frame', frame: f, source: src.name }); },
        title: function (src, f, v) { return pretty(f) + ' in ' + src.name + ': ' + plural(v, 'document') + ' (document-level label)\nclick for the documents'; }
      }) : empty('No frame labels in this analysis.')));
    var list = h('div', { class: 'profiles' });
    add(el, h('h2', { class: 'section-sub' }, 'Source profiles'), list, pagedList(list, srcList, function (src) { return sourceCard(src, idx); }, 40, 'Show more sources'));
  }
  function sourceCard(src, idx) {
    var ds = src.documents || [];
    var genres = entriesDesc(src.genres || {});
    var cw = (src.checkworthy && src.checkworthy.length)
      ? src.checkworthy.slice().sort(function (a, b) { return (b.score || 0) - (a.score || 0); }).slice(0, 5)
      : (idx.cw.get(src.name) || []);
    var langs = src.languages || Array.from(new Set(ds.map(function (id) { var d = docById.get(id); return d && d.language; }).filter(Boolean)));
    var nClaims = src.claims != null ? src.claims : claims.filter(function (c) { return claimSource(c) === src.name; }).length;
    var topTech = entriesDesc(src.techniques || idx.techCount.get(src.name) || {}).slice(0, 3);
    return h('article', { class: 'card profile', id: 'source-' + encodeURIComponent(src.name), 'data-source': src.name },
      h('h3', null, src.name, src.type ? h('span', { class: 'muted' }, ' · ' + src.type) : null),
      h('dl', { class: 'facts' },
        h('dt', null, 'documents'), h('dd', null, h('a', { href: docsHref({ source: src.name }) }, fmtNum(src.document_count != null ? src.document_count : ds.length))),
        h('dt', null, 'languages'), h('dd', null, langs.join(', ') || '—'),
        h('dt', null, 'claims'), h('dd', null, fmtNum(nClaims)),
        h('dt', null, 'genres'), h('dd', null, genres.length ? genres.map(function (g) { return g[0] + ' ' + fmtNum(g[1]); }).join(', ') : '—'),
        h('dt', null, 'top techniques'), h('dd', null, topTech.length ? topTech.map(function (t) { return pretty(t[0]) + ' ' + fmtNum(t[1]); }).join(', ') + ' (paragraph-level labels)' : '—')),
      h('h4', null, 'Most check-worthy sentences'),
      cw.length ? h('ol', { class: 'cw' }, cw.map(function (ev) {
        return h('li', null, h('span', { class: 'score', title: 'check-worthiness score' }, (ev.score != null ? ev.score.toFixed(2) : '')),
          ' ', evLink(ev, '“' + truncate(evText(ev) || ev.text || '', 220) + '”'));
      })) : empty('No check-worthiness scores.'));
  }

  // -------------------------------------------------- evidence lists (the second click behind a count)
  function kwic(ev, note) {
    var d = docById.get(ev.doc);
    if (!d) return h('li', null, evLink(ev));
    var L = docLength(d);
    var a = clampCp(d, ev.start), b = clampCp(d, ev.end);
    var long = b - a > 400;
    var left = spanText(d, Math.max(0, a - 70), a).replace(/\s+/g, ' ');
    var right = spanText(d, b, Math.min(L, b + 70)).replace(/\s+/g, ' ');
    var mid = spanText(d, a, b);
    if (long) mid = mid.slice(0, 380) + ' …';
    return h('li', { class: 'kwic' },
      h('a', { href: docHref(d.id, ev.start, ev.end), class: 'kwic-line', title: 'open at characters ' + ev.start + '–' + ev.end },
        h('span', { class: 'kwic-left' }, (a > 70 ? '…' : '') + left), h('mark', { class: 'hl hl-' + (note || 'claim') }, mid),
        h('span', { class: 'kwic-right' }, right + (b + 70 < L ? '…' : ''))),
      h('div', { class: 'kwic-meta muted small' }, docSource(d) + ' · ' + docTitle(d) + (docDate(d) ? ' · ' + docDate(d) : '') + ' · characters ' + ev.start + '–' + ev.end +
        (ev.score != null ? ' · score ' + Number(ev.score).toFixed(2) : '')));
  }
  function renderEvidence(el, params) {
    clear(el);
    var kind = params.get('kind'), source = params.get('source');
    var items = [], title = '', lead = '', expected = null, back = null, cls = 'claim';
    var srcDocs = docs.filter(function (d) { return !source || docSource(d) === source; });
    if (kind === 'mentions') {
      var ent = entities.find(function (e) { return e.id === params.get('entity'); });
      if (ent) {
        srcDocs.forEach(function (d) {
          (d.entities || []).forEach(function (m) {
            if (resolveEntity(d, m) === ent) items.push({ doc: d.id, start: m.start, end: m.end });
          });
        });
        title = ent.name + ' in ' + (source || 'all sources');
        expected = (ent.mentions_by_source || {})[source];
        lead = 'Every mention of ' + ent.name + ' (' + ent.label + ') in the documents of ' + (source || 'all sources') + ', in context.';
        back = ['#entities', 'Entities'];
        cls = 'entity';
      }
    } else if (kind === 'technique') {
      var tech = params.get('technique');
      srcDocs.forEach(function (d) {
        (d.passages || []).forEach(function (p) {
          (p.techniques || []).forEach(function (ts) { if (ts[0] === tech) items.push({ doc: d.id, start: p.start, end: p.end, score: ts[1] }); });
        });
      });
      items.sort(function (x, y) { return y.score - x.score; });
      title = pretty(tech) + ' in ' + (source || 'all sources');
      var s0 = sourceByName.get(source);
      expected = s0 && s0.techniques ? s0.techniques[tech] : null;
      lead = 'Passages labelled ' + pretty(tech) + ', most probable first. Paragraph-level label: the whole passage carries the label, not particular words. The score is a calibrated probability that the passage uses the technique; only passages above the threshold tuned for it are listed.';
      back = ['#sources', 'Sources'];
      cls = 'tech-list';
    } else if (kind === 'frame') {
      var frame = params.get('frame');
      srcDocs.forEach(function (d) {
        (d.frames || []).forEach(function (fs) { if (fs[0] === frame) items.push({ doc: d.id, start: 0, end: Math.min(docLength(d), 300), score: fs[1], whole: true }); });
      });
      items.sort(function (x, y) { return y.score - x.score; });
      title = pretty(frame) + ' in ' + (source || 'all sources');
      var s1 = sourceByName.get(source);
      expected = s1 && s1.frames ? s1.frames[frame] : null;
      lead = 'Documents labelled with the frame ' + pretty(frame) + ' (a document-level label: it applies to the whole document), best score first.';
      back = ['#sources', 'Sources'];
    } else if (kind === 'label') {
      actorLabels.forEach(function (g) {
        if (g.group !== params.get('group')) return;
        (g.by_source || []).forEach(function (bs) {
          if (bs.source !== source) return;
          (bs.labels || []).forEach(function (lab) {
            if (lab.label !== params.get('label')) return;
            expected = lab.count;
            (lab.evidence || []).forEach(function (ev) { items.push(ev); });
          });
        });
      });
      title = '“' + params.get('label') + '” in ' + source;
      lead = 'Every use of the label “' + params.get('label') + '” for ' + params.get('group') + ' by ' + source + ' that the analysis kept as evidence.';
      back = ['#labels', 'Labels'];
    }
    if (!title) { add(el, h('h1', null, 'Nothing to list'), empty('This link does not name a list of evidence.')); return; }
    add(el, h('p', { class: 'crumbs' }, back ? h('a', { href: back[0] }, '← ' + back[1]) : null));
    add(el, sectionHead(title, lead));
    var noun = { frame: 'document', technique: 'passage', mentions: 'mention', label: 'use' }[kind] || 'span';
    var count = plural(items.length, noun);
    var paged = VIEW && VIEW.total > (VIEW.limit || 0);  // the web app: one page of the documents behind the count
    var short = expected != null && expected !== items.length && !paged;
    add(el, h('p', { class: 'count-line' + (short ? ' warn-text' : '') },
      paged ? (expected != null ? fmtNum(expected) + ' in all; ' : '') + count + ' on this page.'
        : short ? 'The analysis counts ' + fmtNum(expected) + '; ' + count + ' with offsets are in the documents.'
        : count + '.'));
    var list = h('ol', { class: 'kwic-list' });
    add(el, list, pagedList(list, items, function (ev) {
      return ev.whole
        ? h('li', { class: 'kwic' }, h('a', { href: docHref(ev.doc), class: 'doc-link' }, docTitle(docById.get(ev.doc))),
          h('div', { class: 'kwic-meta muted small' }, docSource(docById.get(ev.doc)) + (docDate(docById.get(ev.doc)) ? ' · ' + docDate(docById.get(ev.doc)) : '') + ' · score ' + Number(ev.score).toFixed(2)))
        : kwic(ev, cls);
    }, 100));
  }

  // -------------------------------------------------- documents list
  var docsState = { q: '', source: '', kind: '', lang: '', story: '', off: '', dup: '', rule: '', date: '', page: 0 };
  var PAGE = 50;
  var docsUi = null;
  /* A filter changed: redraw here, or (web app) go to the new address, which fetches that page. */
  function docsChanged() {
    if (SERVER) {
      var p = {};
      Object.keys(docsState).forEach(function (k) { if (docsState[k] && !(k === 'page' && !docsState.page)) p[k] = docsState[k]; });
      location.hash = '#documents' + query(p);
      return;
    }
    syncDocsHash();
    drawDocs();
  }
  function renderDocuments(el) {
    add(el, sectionHead('Documents', 'Every document in the corpus. Filters combine; open a document for its cleaned text with highlights and its cleaning log.'));
    if (SERVER) {  // the server filters and pages: its filter bar replaces the one below
      var box = h('div', { id: 'docs-results' });
      add(el, h('div', { class: 'active-filters' }), box);
      docsUi = { filters: h('div'), active: el.querySelector('.active-filters'), results: box };
      return;
    }
    function select(name, label, values) {
      var sel = h('select', { 'aria-label': label, 'data-f': name }, h('option', { value: '' }, 'all ' + label));
      values.forEach(function (v) { sel.appendChild(h('option', { value: v[0] }, v[1])); });
      sel.addEventListener('change', function () { docsState[name] = sel.value; docsState.page = 0; docsChanged(); });
      return sel;
    }
    var srcNames = Array.from(countBy(docs, docSource).entries()).sort(function (a, b) { return b[1] - a[1]; });
    var kinds = Array.from(countBy(docs, function (d) { return d.kind; }).entries()).sort(function (a, b) { return b[1] - a[1]; });
    var langs = Array.from(countBy(docs, function (d) { return d.language || ''; }).entries()).filter(function (x) { return x[0]; }).sort(function (a, b) { return b[1] - a[1]; });
    var search = h('input', { type: 'search', placeholder: 'Search title, source, id, text…', class: 'search', 'aria-label': 'Search documents', 'data-f': 'q' });
    var timer = null;
    search.addEventListener('input', function () {
      clearTimeout(timer);
      timer = setTimeout(function () { docsState.q = search.value; docsState.page = 0; docsChanged(); }, 150);
    });
    function check(name, label) {
      var cb = h('input', { type: 'checkbox', 'data-f': name });
      cb.addEventListener('change', function () { docsState[name] = cb.checked ? '1' : ''; docsState.page = 0; docsChanged(); });
      return h('label', { class: 'check' }, cb, ' ' + label);
    }
    var filters = h('div', { class: 'filters' }, search,
      select('source', 'sources', srcNames.map(function (x) { return [x[0], x[0] + ' (' + x[1] + ')']; })),
      select('kind', 'kinds', kinds.map(function (x) { return [x[0], x[0] + ' (' + x[1] + ')']; })),
      select('lang', 'languages', langs.map(function (x) { return [x[0], x[0] + ' (' + x[1] + ')']; })),
      check('off', 'off-event only'), check('dup', 'near-duplicates only'));
    var active = h('div', { class: 'active-filters' });
    var results = h('div', { id: 'docs-results' });
    add(el, filters, active, results);
    docsUi = { filters: filters, active: active, results: results };
  }
  var storyDocSets = new Map();
  function storyDocs(id) {
    if (!storyDocSets.has(id)) { var st = storyById.get(id); storyDocSets.set(id, new Set(st ? st.documents : [])); }
    return storyDocSets.get(id);
  }
  function syncDocsHash() {
    var p = {};
    Object.keys(docsState).forEach(function (k) { if (docsState[k] && !(k === 'page' && !docsState.page)) p[k] = docsState[k]; });
    history.replaceState(null, '', '#documents' + query(p));
  }
  function docMatches(d, st, q) {
    if (st.source && docSource(d) !== st.source) return false;
    if (st.kind && d.kind !== st.kind) return false;
    if (st.lang && d.language !== st.lang) return false;
    if (st.off && !d.off_event) return false;
    if (st.dup && !d.duplicate_of) return false;
    if (st.story && d.story !== st.story && !storyDocs(st.story).has(d.id)) return false;
    if (st.date && String(d.published || '').slice(0, 10) !== st.date) return false;
    if (st.rule && !(d.cleaning_log || []).some(function (e) { return e.rule === st.rule; })) return false;
    if (q) {
      var hay = (d.id + ' ' + (d.title || '') + ' ' + docSource(d) + ' ' + (d.author || '')).toLowerCase();
      if (hay.indexOf(q) < 0 && (d.text || '').toLowerCase().indexOf(q) < 0) return false;
    }
    return true;
  }
  function drawDocs() {
    if (!docsUi) return;
    docsUi.filters.querySelectorAll('[data-f]').forEach(function (inp) {
      var k = inp.getAttribute('data-f');
      if (inp.type === 'checkbox') inp.checked = !!docsState[k];
      else if (inp.value !== (docsState[k] || '')) inp.value = docsState[k] || '';
    });
    clear(docsUi.active);
    var extra = [['story', 'story'], ['rule', 'cleaning rule'], ['date', 'published']];
    extra.forEach(function (x) {
      if (!docsState[x[0]]) return;
      var val = x[0] === 'story' && storyById.get(docsState[x[0]]) ? storyById.get(docsState[x[0]]).label : docsState[x[0]];
      docsUi.active.appendChild(h('span', { class: 'chip active' }, x[1] + ': ' + val + ' ',
        h('button', { type: 'button', class: 'x', 'aria-label': 'remove filter', on: { click: function () { docsState[x[0]] = ''; docsState.page = 0; docsChanged(); } } }, '×')));
    });
    var q = (docsState.q || '').toLowerCase();
    var found = SERVER ? docs : docs.filter(function (d) { return docMatches(d, docsState, q); });
    var pages = Math.max(1, Math.ceil(found.length / PAGE));
    var page = Math.min(Math.max(0, docsState.page | 0), pages - 1);
    var slice = SERVER ? docs : found.slice(page * PAGE, page * PAGE + PAGE);
    var res = clear(docsUi.results);
    function pager() {
      function go(p) { return function () { docsState.page = p; docsChanged(); document.getElementById('main').scrollTop = 0; }; }
      return h('div', { class: 'pager' },
        h('button', { type: 'button', disabled: page === 0, on: { click: go(page - 1) } }, '← previous'),
        h('span', null, ' page ' + (page + 1) + ' of ' + pages + ' · ' + plural(found.length, 'document') + ' '),
        h('button', { type: 'button', disabled: page >= pages - 1, on: { click: go(page + 1) } }, 'next →'));
    }
    if (!SERVER) res.appendChild(pager());  // the web app pages with the server's pager
    res.appendChild(table(['document', 'source', 'kind', 'lang', 'published', ''], slice.map(function (d) {
      var st = d.story && storyById.get(d.story);
      return h('tr', null,
        h('td', null, h('a', { href: docHref(d.id), class: 'doc-link' }, docTitle(d)), h('div', { class: 'muted small mono' }, d.id)),
        h('td', null, h('a', { href: sourceHref(docSource(d)) }, docSource(d))),
        h('td', null, d.kind), h('td', null, d.language || ''), h('td', { class: 'nowrap' }, docDate(d)),
        h('td', null, d.off_event ? badge('off-event', 'warn') : null,
          d.duplicate_of ? badge('near-duplicate', 'grey', 'near-duplicate of ' + d.duplicate_of) : null,
          st ? badge(truncate(st.label, 30), st.main ? 'main' : 'other', 'story: ' + st.label) : null));
    }), 'doctable'));
    if (pages > 1 && !SERVER) res.appendChild(pager());
  }

  // -------------------------------------------------- document view
  var LAYERS = [
    ['claim', 'claims', 4], ['date', 'dates', 3], ['entity', 'entities', 2], ['quote', 'quotes', 1], ['tech', 'technique passages (paragraph-level label)', 0]
  ];
  var hiddenLayers = {};

  /* Segments of the text: each boundary of any span starts a new segment; a segment takes the
     class of its highest-precedence span (claims > dates > entities > quotes), plus flags for the
     focused span, its sentence and technique-labelled passages. The segments' text, concatenated,
     is exactly the document's text. */
  function highlightedText(d, focus) {
    var L = docLength(d);
    var spans = [];
    var bad = 0;
    function push(kind, prec, a, b, title, flag) {
      a = Number(a); b = Number(b);
      if (!isFinite(a) || !isFinite(b) || b <= a || a >= L || b <= 0) { if (!(b === a)) bad++; return; }
      spans.push({ kind: kind, prec: prec, a: Math.max(0, Math.floor(a)), b: Math.min(L, Math.floor(b)), title: title, flag: !!flag, id: spans.length });
    }
    (claimsByDoc.get(d.id) || []).forEach(function (c) { push('claim', 4, c.start, c.end, 'claim: ' + pretty(c.measure) + ' = ' + figure(c) + (c.by ? ' (by ' + c.by + ')' : '')); });
    (d.dates || []).forEach(function (x) { push('date', 3, x.start, x.end, 'date' + (x.value ? ': ' + x.value : (x.lo || x.hi ? ': ' + (x.lo || '?') + ' → ' + (x.hi || '?') : ''))); });
    (d.entities || []).forEach(function (x) { push('entity', 2, x.start, x.end, x.label + (x.entity ? ': ' + x.entity : '')); });
    (d.quotes || []).forEach(function (x) { push('quote', 1, x.start, x.end, 'quote' + (x.speaker ? ' — ' + x.speaker : '')); });
    (d.passages || []).forEach(function (p) {
      if ((p.techniques || []).length) push('tech', 0, p.start, p.end, 'paragraph-level label: ' + p.techniques.map(function (t) { return pretty(t[0]) + ' ' + Number(t[1]).toFixed(2); }).join(', '), true);
    });
    if (focus) {
      push('focus', 9, focus[0], focus[1], 'the span you followed: characters ' + focus[0] + '–' + focus[1], true);
      (d.sentences || []).forEach(function (st) {
        if (st.start < focus[1] && st.end > focus[0] && !(st.start >= focus[0] && st.end <= focus[1])) push('ctx', 0, st.start, st.end, null, true);
      });
    }
    var cut = new Set([0, L]);
    spans.forEach(function (sp) { cut.add(sp.a); cut.add(sp.b); });
    var bounds = Array.from(cut).sort(function (a, b) { return a - b; });
    spans.sort(function (p, q) { return p.a - q.a; });
    var box = h('div', { class: 'doctext', id: 'doc-text', lang: d.language || null });
    var active = [];
    var si = 0;
    var prev = null; // {key, node, a}
    var text = d.text || '';
    for (var i = 0; i < bounds.length - 1; i++) {
      var a = bounds[i], b = bounds[i + 1];
      active = active.filter(function (sp) { return sp.b > a; });
      while (si < spans.length && spans[si].a <= a) { if (spans[si].b > a) active.push(spans[si]); si++; }
      var best = null, flags = [];
      for (var k = 0; k < active.length; k++) {
        var sp = active[k];
        if (sp.flag) { if (flags.indexOf(sp.kind) < 0) flags.push(sp.kind); }
        else if (!best || sp.prec > best.prec) best = sp;
      }
      flags.sort();
      var key = (best ? best.id : '-') + '|' + flags.join(',');
      var piece = text.slice(u16(d, a), u16(d, b));
      if (prev && prev.key === key) {
        if (prev.node.nodeType === 3) prev.node.appendData(piece); else prev.node.appendChild(document.createTextNode(piece));
        continue;
      }
      var node;
      if (!best && !flags.length) node = document.createTextNode(piece);
      else {
        var cls = ['hl'];
        if (best) cls.push('hl-' + best.kind);
        flags.forEach(function (f) { cls.push(f === 'focus' ? 'focus' : 'hl-' + f); });
        var titles = [];
        if (flags.indexOf('focus') >= 0) titles.push('the span you followed');
        if (best && best.title) titles.push(best.title);
        active.forEach(function (x) { if (x.kind === 'tech' && titles.indexOf(x.title) < 0) titles.push(x.title); });
        node = h('mark', { class: cls.join(' '), title: titles.join('\n') || null }, piece);
      }
      box.appendChild(node);
      prev = { key: key, node: node };
    }
    return { box: box, bad: bad };
  }

  function renderDoc(el, id, spanPart) {
    clear(el);
    var d = docById.get(id);
    if (!d || d.text == null) {
      add(el, h('h1', null, DATA.partial ? 'Document not in this report' : 'Document not found'),
        empty(DATA.partial ? partialNote() + ' Document ' + id + ' is one of the others: ' + browseNote(id) : 'No document with id ' + id + ' in this report.'),
        h('a', { href: '#documents' }, '← all documents'));
      return;
    }
    var focus = null;
    if (spanPart) {
      var m = /^(\d+)-(\d+)$/.exec(spanPart);
      if (m) focus = [+m[1], +m[2]];
    }
    var st = d.story && storyById.get(d.story);
    var L = docLength(d);
    add(el, h('p', { class: 'crumbs' }, h('a', { href: '#documents' }, '← Documents'), ' · ', h('a', { href: docsHref({ source: docSource(d) }) }, 'more from ' + docSource(d))));
    add(el, h('h1', { class: 'doc-title' }, docTitle(d)));
    function fact(k, v) { return v == null || v === '' ? null : [h('dt', null, k), h('dd', null, v)]; }
    var url = d.url && /^https?:\/\//i.test(d.url) ? h('a', { href: d.url, rel: 'noopener noreferrer', target: '_blank', class: 'ext' }, d.url) : d.url;
    add(el, h('dl', { class: 'facts doc-facts' },
      fact('source', h('a', { href: sourceHref(docSource(d)) }, docSource(d))), fact('source type', d.source_type), fact('author', d.author),
      fact('published', d.published), fact('kind', d.kind), fact('language', d.language), fact('id', h('span', { class: 'mono' }, d.id)),
      fact('url', url), fact('file', d.origin),
      fact('near-duplicate of', d.duplicate_of ? h('a', { href: docHref(d.duplicate_of) }, docTitle(docById.get(d.duplicate_of)) + ' (' + d.duplicate_of + ')') : null),
      fact('story', st ? h('a', { href: '#stories' + query({ id: st.id }) }, st.label + (st.main ? ' (main event)' : '')) : d.story),
      fact('off-event', d.off_event ? badge('off-event: about something else', 'warn') : null),
      fact('why this story', storyReason(d.why)),
      fact('genre', d.genre ? d.genre[0] + ' (' + Number(d.genre[1]).toFixed(2) + ', document-level label)' : null),
      fact('frames', (d.frames || []).length ? d.frames.map(function (f) { return pretty(f[0]) + ' ' + Number(f[1]).toFixed(2); }).join(', ') + ' (document-level labels)' : null),
      fact('length', plural(L, 'character'))));
    var hl = highlightedText(d, focus);
    if (focus) {
      var ok = focus[0] >= 0 && focus[1] <= L && focus[0] < focus[1];
      add(el, h('div', { class: 'focus-banner' + (ok ? '' : ' bad'), id: 'focus-banner' },
        ok ? ['Highlighted: characters ' + focus[0] + '–' + focus[1] + ': ', h('q', { class: 'focus-text' }, truncate(spanText(d, focus[0], focus[1]), 300)), ' ',
          h('button', { type: 'button', class: 'linkish', on: { click: function () { var f = el.querySelector('mark.focus'); if (f) f.scrollIntoView({ block: 'center' }); } } }, 'scroll to it'),
          ' · ', h('a', { href: docHref(d.id) }, 'clear')]
          : 'The span ' + focus[0] + '–' + focus[1] + ' lies outside this document (' + L + ' characters): the analysis and the text disagree.'));
    }
    var legend = h('div', { class: 'legend', role: 'group', 'aria-label': 'Highlights' }, h('span', { class: 'muted' }, 'Highlights: '));
    LAYERS.forEach(function (ly) {
      var cb = h('input', { type: 'checkbox' });
      cb.checked = !hiddenLayers[ly[0]];
      cb.addEventListener('change', function () { hiddenLayers[ly[0]] = !cb.checked; hl.box.classList.toggle('hide-' + ly[0], !cb.checked); });
      if (hiddenLayers[ly[0]]) hl.box.classList.add('hide-' + ly[0]);
      legend.appendChild(h('label', { class: 'check' }, cb, ' ', h('mark', { class: 'hl hl-' + ly[0] + ' swatch' }, ly[1])));
    });
    if (hl.bad) legend.appendChild(h('span', { class: 'warn-text' }, ' · ' + plural(hl.bad, 'span') + ' with offsets outside the text skipped'));
    add(el, legend, hl.box);

    var dc = claimsByDoc.get(d.id) || [];
    if (dc.length) {
      add(el, h('h2', null, 'Claims in this document'), table(['figure', 'measure', 'sentence', 'group'], dc.map(function (c) {
        var g = groupOfClaim.get(c.id);
        return h('tr', null, h('td', { class: 'nowrap' }, claimLink(c)), h('td', null, pretty(c.measure) + (c.where ? ' · ' + c.where : '')),
          h('td', null, truncate(claimSentence(c), 240)),
          h('td', { class: 'nowrap' }, g ? h('a', { href: '#claims' + query({ group: g.id }), title: g.explanation }, statusBadge(g.status)) : (c.status || '')));
      }), 'small'));
    }
    var tp = (d.passages || []).filter(function (p) { return (p.techniques || []).length; });
    if (tp.length) {
      add(el, h('h2', null, 'Technique-labelled passages ', h('span', { class: 'muted small' }, '(paragraph-level label: the whole passage carries the label, not particular words)')),
        table(['passage', 'techniques'], tp.map(function (p) {
          return h('tr', null, h('td', null, h('a', { href: docHref(d.id, p.start, p.end) }, truncate(spanText(d, p.start, p.end), 200))),
            h('td', null, p.techniques.map(function (t) { return pretty(t[0]) + ' ' + Number(t[1]).toFixed(2); }).join(', ')));
        }), 'small'));
    }
    var log = d.cleaning_log || [];
    add(el, h('h2', null, 'Cleaning log ', h('span', { class: 'muted small' }, '(' + plural(log.length, 'change') + '; offsets refer to the text before that step)')),
      log.length ? table(['step', 'rule', 'at', 'removed or changed', 'became'], log.map(function (e) {
        return h('tr', null, h('td', null, e.step), h('td', null, e.rule), h('td', { class: 'nowrap mono small' }, e.start != null ? e.start + '–' + (e.end != null ? e.end : '') : ''),
          h('td', null, h('pre', { class: 'snip' }, truncate(e.before, 2000))), h('td', null, e.after ? h('pre', { class: 'snip' }, truncate(e.after, 2000)) : h('span', { class: 'muted small' }, '(removed)')));
      }), 'small cleanlog') : empty('Cleaning changed nothing in this document.'));

    if (focus) {
      var f = el.querySelector('mark.focus');
      if (f) requestAnimationFrame(function () { f.scrollIntoView({ block: 'center' }); });
    }
  }

  // -------------------------------------------------- the web app's own views: search, check, add documents
  function snippetNodes(text, marks) {
    var cps = Array.from(text || '');  // highlights count code points
    var out = [], at = 0;
    (marks || []).forEach(function (m) {
      if (m[0] > at) out.push(cps.slice(at, m[0]).join(''));
      out.push(h('mark', { class: 'hl hl-search' }, cps.slice(m[0], m[1]).join('')));
      at = m[1];
    });
    if (at < cps.length) out.push(cps.slice(at).join(''));
    return out;
  }
  function renderSearch(el) {
    add(el, sectionHead('Search', 'Full-text search over every passage (SQLite FTS5: words, "exact phrases", OR, NOT, prefix*), best matches first. A hit opens its document at the first match.'));
    var q = VIEW && VIEW.params && VIEW.params.q;
    if (!q) { add(el, empty('Type words in the search box above and press Enter.')); return; }
    var hits = (VIEW && VIEW.results) || [];
    if (!hits.length) { add(el, empty('No passage matches “' + q + '”.')); return; }
    add(el, h('ol', { class: 'hits', start: (VIEW.offset || 0) + 1 }, hits.map(function (hit) {
      var span = hit.match || hit;
      return h('li', { class: 'hit' },
        h('a', { href: docHref(hit.doc, span.start, span.end), class: 'doc-link hit-title', 'data-doc': hit.doc }, hit.title || docTitle(docById.get(hit.doc))),
        h('div', { class: 'muted small' }, [hit.source || '(no source)', hit.published ? String(hit.published).slice(0, 10) : null, hit.language,
          'passage ' + hit.passage + ', characters ' + hit.start + '–' + hit.end].filter(Boolean).join(' · ')),
        h('p', { class: 'snippet' }, snippetNodes(hit.snippet, hit.highlights)));
    })));
  }

  var VERDICTS = {
    supported: ['Supported', 'agree'], refuted: ['Refuted', 'conflict'],
    conflicting: ['Conflicting evidence', 'evolving'], not_enough_evidence: ['Not enough evidence', 'single_source']
  };
  /* A finding of unknown shape, as text: its plain fields, and a link when it names a span. */
  function describe(x) {
    if (x == null || typeof x !== 'object') return String(x);
    var words = Object.keys(x).filter(function (k) { var v = x[k]; return v != null && typeof v !== 'object' && ['doc', 'start', 'end'].indexOf(k) < 0; })
      .map(function (k) { return pretty(k) + ': ' + (typeof x[k] === 'number' ? fmtNum(x[k]) : x[k]); }).join(' · ');
    return [words, x.doc != null && x.start != null ? [' ', evLink(x, 'open at characters ' + x.start + '–' + x.end)] : null];
  }
  function renderCheck(el) {
    add(el, sectionHead('Check a claim', 'Type a claim: storylens looks in the corpus for statements that support or refute it and compares its figures with the claim groups. Each piece of evidence opens at its span.'));
    if (SERVER && !SERVER.check) { add(el, empty('Claim checking is not part of this installation of storylens.')); return; }
    var input = h('textarea', { class: 'claim-input', rows: 2, maxlength: 500, 'aria-label': 'Claim to check', placeholder: 'A claim, e.g. “At least 40 people were killed in the capital”' });
    input.value = (VIEW && VIEW.params && VIEW.params.claim) || '';
    add(el, h('form', { class: 'check-form', on: { submit: function (e) {
      e.preventDefault();
      var v = input.value.trim();
      if (v) location.hash = '#check' + query({ claim: v });
    } } }, input, h('button', { type: 'submit', class: 'primary' }, 'Check')));
    var r = VIEW && VIEW.result;
    if (!r) return;
    var v = VERDICTS[r.verdict] || [pretty(r.verdict || 'unknown'), 'single_source'];
    add(el, h('div', { class: 'card verdict', id: 'check-result' },
      h('h2', null, 'Verdict: ', h('span', { class: 'badge status status-' + v[1], 'data-verdict': r.verdict }, h('span', { class: 'dot', 'aria-hidden': 'true' }), v[0])),
      h('p', { class: 'muted' }, '“' + r.claim + '”'),
      (r.reasons || []).length ? h('ul', { class: 'reasons' }, r.reasons.map(function (x) { return h('li', null, x); })) : null,
      h('h3', null, 'Evidence ', h('span', { class: 'muted small' }, '(' + plural((r.evidence || []).length, 'statement') + ')')),
      (r.evidence || []).length ? h('ol', { class: 'evidence-list' }, r.evidence.map(function (ev) {
        return h('li', { class: 'evidence' }, badge(pretty(ev.stance || ''), 'stance stance-' + (ev.stance || 'none')), ' ',
          evLink(ev, '“' + truncate(ev.text || '', 400) + '”'),
          h('div', { class: 'muted small' }, (ev.source || '(no source)') + (ev.score != null ? ' · score ' + Number(ev.score).toFixed(2) : '') + ' · characters ' + ev.start + '–' + ev.end));
      })) : empty('No statement in the corpus bears on this claim.'),
      (r.figures || []).length ? [h('h3', null, 'Figures'), h('ul', { class: 'figures' }, r.figures.map(function (f) { return h('li', null, describe(f)); }))] : null));
  }

  function renderIngest(el) {
    add(el, sectionHead('Add documents', 'Upload files in any format storylens ingest reads (.txt, .md, .html, .json, .jsonl, Telegram exports, .gz; a manifest.csv among them is used). They are read, cleaned, annotated and related as the CLI does; a file that cannot be read is listed with the reason, and nothing already stored changes.'));
    var files = h('input', { type: 'file', multiple: true, 'aria-label': 'Files to add' });
    var relate = h('input', { type: 'checkbox' });
    relate.checked = true;
    var out = h('div', { id: 'ingest-result' });
    var btn = h('button', { type: 'submit', class: 'primary' }, 'Add');
    add(el, h('form', { class: 'ingest-form', on: { submit: function (e) {
      e.preventDefault();
      if (!files.files.length) return;
      var body = new FormData();
      Array.prototype.forEach.call(files.files, function (f) { body.append('files', f, f.name); });
      btn.disabled = true;
      clear(out).appendChild(h('p', { class: 'muted' }, 'Reading, cleaning, annotating… (the first upload loads the models: allow a minute)'));
      fetch(SERVER.api + '/ingest' + (relate.checked ? '' : '?relate=0'), { method: 'POST', body: body, headers: { 'X-Storylens': 'ingest' } })
        .then(function (res) { return res.json().then(function (b) { return { ok: res.ok, body: b }; }); })
        .then(function (r) {
          clear(out).appendChild(r.ok ? h('pre', { class: 'snip' }, r.body.lines.join('\n')) : h('p', { class: 'error' }, r.body.error));
          if (r.ok) return fetch(SERVER.api + '/overview').then(function (res) { return res.json(); }).then(function (o) { BOOT.view.totals = o.totals; if (VIEW) VIEW.totals = o.totals; corpus = o.corpus; buildNav(); });
        })
        .catch(function (err) { clear(out).appendChild(h('p', { class: 'error' }, 'The upload failed: ' + (err && err.message))); })
        .then(function () { btn.disabled = false; });
    } } }, files, h('label', { class: 'check' }, relate, ' relate the corpus again afterwards (slower on a large store)'), btn), out);
  }

  // -------------------------------------------------- notes on what a partial report or a stale store holds
  function partialNote() {
    var p = DATA.partial.documents;
    return 'This report holds the ' + fmtNum(p.embedded) + ' documents its findings cite, of ' + fmtNum(p.total) + ' in the corpus.';
  }
  function browseNote(id) {
    var db = JSON.stringify(DATA.partial.database);
    return 'browse every document in the web app (storylens serve --db ' + db + ', then open http://127.0.0.1:8000' +
      (id ? '/#doc/' + id : '') + ') or read one with storylens show ' + (id || 'ID') + ' --db ' + db + '.';
  }
  function showBanner() {
    var banner = document.getElementById('banner');
    var text = null;
    if (DATA.partial && !SERVER) text = partialNote() + ' Long lists are cut to their most important items. To see everything, ' + browseNote(null);
    var t = BOOT.view && BOOT.view.totals;
    if (SERVER && t && t.related === false) text = 'The relate step has not run since documents were added: groups, stories and the timeline may be out of date (run storylens relate).';
    banner.hidden = !text;
    if (text) banner.textContent = text;
  }

  // ------------------------------------------------------------------ the web app: filters and pages from the server
  /* Go to `name` with the current parameters changed by `changes` (the page restarts unless given). */
  function goParams(name, params, changes) {
    var p = {};
    params.forEach(function (v, k) { p[k] = v; });
    Object.keys(changes).forEach(function (k) { p[k] = changes[k]; });
    if (!('page' in changes)) delete p.page;
    location.hash = '#' + name + query(p);
  }
  function filterControl(name, params, f) {
    function apply(v) { if (v !== (params.get(f.name) || '')) { var c = {}; c[f.name] = v; goParams(name, params, c); } }
    if (f.kind === 'select') {
      var sel = h('select', { 'aria-label': f.label, 'data-filter': f.name });
      (f.options || []).forEach(function (o) { sel.appendChild(h('option', { value: o[0] }, o[1])); });
      sel.value = f.value || '';
      sel.addEventListener('change', function () { apply(sel.value); });
      return sel;
    }
    if (f.kind === 'check') {
      var cb = h('input', { type: 'checkbox', 'data-filter': f.name });
      cb.checked = !!f.value;
      cb.addEventListener('change', function () { apply(cb.checked ? '1' : ''); });
      return h('label', { class: 'check' }, cb, ' ' + f.label);
    }
    var inp = h('input', { type: 'search', class: 'search', placeholder: f.label + '…', 'aria-label': f.label, 'data-filter': f.name });
    inp.value = f.value || '';
    inp.addEventListener('keydown', function (e) { if (e.key === 'Enter') apply(inp.value.trim()); });
    inp.addEventListener('change', function () { apply(inp.value.trim()); });
    return inp;
  }
  function serverPager(name, params) {
    if (!VIEW || VIEW.total == null || !VIEW.limit) return null;
    var page = Math.floor((VIEW.offset || 0) / VIEW.limit), pages = Math.max(1, Math.ceil(VIEW.total / VIEW.limit));
    function btn(label, p, off) { return h('button', { type: 'button', disabled: off, on: { click: function () { goParams(name, params, { page: p ? String(p) : '' }); } } }, label); }
    return h('div', { class: 'pager' }, btn('← previous', page - 1, page <= 0),
      h('span', { class: 'page-of' }, ' page ' + fmtNum(page + 1) + ' of ' + fmtNum(pages) + ' · ' + fmtNum(VIEW.total) + (VIEW.exact === false ? '+' : '') + ' ' + (VIEW.unit || 'in all') + ' '),
      btn('next →', page + 1, page >= pages - 1));
  }
  function serverControls(sec, name, params) {
    var bar = h('div', { class: 'server-controls' });
    if ((VIEW.filters || []).length) bar.appendChild(h('div', { class: 'filters server-filters' }, VIEW.filters.map(function (f) { return filterControl(name, params, f); })));
    var pager = serverPager(name, params);
    if (pager && VIEW.total > VIEW.limit) bar.appendChild(pager);
    if (VIEW.csv && VIEW.total) bar.appendChild(h('p', { class: 'small' }, h('a', { href: VIEW.csv, download: name + '.csv', class: 'csv' }, 'Download this table as CSV'),
      VIEW.total > VIEW.csv_rows ? ' (its first ' + fmtNum(VIEW.csv_rows) + ' rows)' : ''));
    var lead = sec.querySelector(':scope > p.lead') || sec.querySelector(':scope > h1');
    sec.insertBefore(bar, lead ? lead.nextSibling : sec.firstChild);
    if (pager && VIEW.total > VIEW.limit) sec.appendChild(serverPager(name, params));
  }

  // ------------------------------------------------------------------ router
  // ------------------------------------------------------------------ router
  var RENDER = {
    overview: renderOverview, claims: renderClaims, contested: renderContested, labels: renderLabels,
    stories: renderStories, timeline: renderTimeline, entities: renderEntities, sources: renderSources,
    documents: renderDocuments
  };
  if (SERVER) { RENDER.search = renderSearch; RENDER.check = renderCheck; if (SERVER.write) RENDER.ingest = renderIngest; }
  var rendered = {};

  function buildNav() {
    var ul = clear(document.getElementById('nav-list'));
    VIEWS.forEach(function (v) {
      var n = v[0] === 'overview' || !(v[0] in NAV_COUNTS) ? null : total(v[0] === 'claims' ? 'claim_groups' : v[0], NAV_COUNTS[v[0]]);
      ul.appendChild(h('li', null, h('a', { href: '#' + v[0], 'data-nav': v[0] }, v[1], n != null ? h('span', { class: 'nav-count' }, fmtNum(n)) : null)));
    });
  }

  function safeDecode(x) { try { return decodeURIComponent(x); } catch (e) { return x; } }

  function show(view, navKey) {
    document.querySelectorAll('section.view').forEach(function (sec) { sec.hidden = sec.getAttribute('data-view') !== view; });
    document.querySelectorAll('#nav-list a').forEach(function (a) {
      if (a.getAttribute('data-nav') === navKey) a.setAttribute('aria-current', 'page'); else a.removeAttribute('aria-current');
    });
  }

  function parseHash() {
    var raw = location.hash.replace(/^#/, '') || 'overview';
    var qi = raw.indexOf('?');
    var path = qi >= 0 ? raw.slice(0, qi) : raw;
    var parts = path.split('/').map(safeDecode);
    var name = parts[0] === 'doc' && parts[1] != null ? 'doc' : parts[0] === 'evidence' ? 'evidence' : RENDER[parts[0]] ? parts[0] : 'overview';
    return { name: name, parts: parts, params: new URLSearchParams(qi >= 0 ? raw.slice(qi + 1) : '') };
  }

  /* In the web app: fetch the view's slice, load it, draw it (a newer navigation wins). */
  var routeSeq = 0;
  function route() {
    if (!SERVER) { draw(parseHash()); return; }
    var r = parseHash();
    var mine = ++routeSeq;
    var root = document.documentElement;
    var q = new URLSearchParams(r.params);
    if (r.name === 'doc') { q = new URLSearchParams(); q.set('id', r.parts[1]); }
    root.setAttribute('data-loading', '1');
    fetch(SERVER.api + '/view/' + r.name + (q.toString() ? '?' + q.toString() : ''), { headers: { Accept: 'application/json' } })
      .then(function (res) { return res.json().then(function (body) { return { ok: res.ok, body: body, status: res.status }; }); })
      .then(function (x) {
        if (mine !== routeSeq) return;
        if (!x.ok) throw new Error((x.body && x.body.error) || 'the server answered ' + x.status);
        load(x.body);
        draw(r);
      })
      .catch(function (err) {
        if (mine !== routeSeq) return;
        var view = r.name;
        show(view, view === 'doc' ? 'documents' : view);
        var sec = clear(document.getElementById('view-' + view));
        add(sec, h('h1', null, 'This page could not be loaded'), h('p', { class: 'error' }, String((err && err.message) || err)), h('a', { href: '#overview' }, '← overview'));
      })
      .then(function () {
        if (mine !== routeSeq) return;
        root.removeAttribute('data-loading');
        root.setAttribute('data-route', location.hash || '#overview');
        root.setAttribute('data-ready', '1');
      });
  }

  function draw(r) {
    var parts = r.parts, params = r.params;
    var main = document.getElementById('main');
    try {
      if (parts[0] === 'doc' && parts[1] != null) {
        show('doc', 'documents');
        renderDoc(document.getElementById('view-doc'), parts[1], parts[2]);
        if (!parts[2]) main.scrollTop = 0;
        document.title = 'storylens · ' + docTitle(docById.get(parts[1]));
        return;
      }
      if (parts[0] === 'evidence') {
        var navOf = { mentions: 'entities', technique: 'sources', frame: 'sources', label: 'labels' };
        show('evidence', navOf[params.get('kind')] || 'overview');
        renderEvidence(document.getElementById('view-evidence'), params);
        if (SERVER && VIEW) serverControls(document.getElementById('view-evidence'), 'evidence', params);
        main.scrollTop = 0;
        document.title = 'storylens · evidence';
        return;
      }
      var name = r.name;
      show(name, name);
      var sec = document.getElementById('view-' + name);
      if (SERVER) { clear(sec); RENDER[name](sec); } else if (!rendered[name]) { RENDER[name](sec); rendered[name] = true; }
      document.title = 'storylens · ' + name;
      if (name === 'claims') { claimsState.status = params.get('status') || ''; drawClaims(); }
      if (name === 'documents') {
        Object.keys(docsState).forEach(function (k) { docsState[k] = k === 'page' ? 0 : ''; });
        params.forEach(function (v, k) { if (k in docsState) docsState[k] = k === 'page' ? (parseInt(v, 10) || 0) : v; });
        drawDocs();
      }
      var target = null;
      if (name === 'sources' && params.get('name')) {
        target = document.getElementById('source-' + encodeURIComponent(params.get('name')));
        var wanted = sourceByName.get(params.get('name'));
        var profiles = sec.querySelector('.profiles');
        if (!target && wanted && profiles) {  // not on the first page of profiles: show it first
          target = sourceCard(wanted, buildTechIndex());
          profiles.insertBefore(target, profiles.firstChild);
        }
      }
      if (name === 'stories' && params.get('id')) target = document.getElementById('story-' + params.get('id'));
      if (name === 'claims' && params.get('group')) target = document.getElementById('group-' + params.get('group'));
      if (SERVER && VIEW) serverControls(sec, name, params);
      if (target) { target.classList.add('flash'); target.scrollIntoView({ block: 'start' }); }
      else main.scrollTop = 0;
    } catch (err) {
      console.error('storylens report: could not render this view', err);
      var box = document.getElementById('view-' + (parts[0] === 'doc' ? 'doc' : (RENDER[parts[0]] ? parts[0] : 'overview')));
      box.appendChild(h('p', { class: 'error' }, 'This view could not be drawn: ' + (err && err.message)));
    }
  }

  if (SERVER) document.body.classList.add('served');
  buildNav();
  showBanner();
  window.addEventListener('hashchange', route);
  route();
  if (!SERVER) document.documentElement.setAttribute('data-ready', '1');
})();
