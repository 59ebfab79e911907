/// The HTML report's fixed parts: the document around the data, its style sheet and its renderer
/// (plain JavaScript, no library). The renderer builds every element with `textContent`, never from
/// HTML text, so nothing that came from a server can become markup or run.
enum HTMLReportAssets {
    /// Everything before the data: the head (Content-Security-Policy allowing only the inline style and the
    /// script whose hash is `scriptHash`, nothing fetched), and the opening of the data block.
    static func documentStart(scriptHash: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; \
        script-src '\(scriptHash)'; img-src data:; base-uri 'none'; form-action 'none'">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="generator" content="tollgate">
        <title>Tollgate report</title>
        <style>
        \(style)
        </style>
        </head>
        <body>
        <noscript><p>This report draws its contents with JavaScript; the data is in the page source.</p></noscript>
        <div id="app" aria-busy="true"></div>
        <script type="application/json" id="tollgate-data">
        """
    }

    /// Everything after the data: the end of the data block, the renderer, the end of the document.
    static let documentEnd = "</script>\n<script>" + script + "</script>\n</body>\n</html>\n"

    /// The style sheet (screen and print).
    static let style = #"""
:root{--fg:#1f2328;--muted:#59636e;--line:#d1d9e0;--bg:#fff;--soft:#f6f8fa;--mark:#fff8c5}
*{box-sizing:border-box}
body{margin:0;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:var(--fg);background:var(--bg)}
header,#filters,main{padding:0 24px}
header{border-bottom:1px solid var(--line);padding-top:12px;padding-bottom:12px}
h1{font-size:20px;margin:4px 0 8px}
h2{font-size:15px;margin:18px 0 6px;padding:4px 0;border-bottom:1px solid var(--line)}
h3{font-size:14px;margin:10px 0 4px}
h4{font-size:13px;margin:8px 0 4px;color:var(--muted)}
code,pre,.mono{font:12px/1.4 ui-monospace,SFMono-Regular,Menlo,Consolas,"Liberation Mono",monospace}
pre{background:var(--soft);border:1px solid var(--line);border-radius:4px;padding:6px 8px;overflow:auto;max-height:480px;margin:4px 0;white-space:pre-wrap;word-break:break-word}
.facts{display:grid;grid-template-columns:max-content 1fr;gap:2px 12px;margin:6px 0}
.facts dt{color:var(--muted)}
.facts dd{margin:0;word-break:break-all}
.cols{display:flex;flex-wrap:wrap;gap:8px 40px}
.cols>div{min-width:280px;flex:1}
.badge{display:inline-block;min-width:4.6em;text-align:center;padding:0 6px;border-radius:3px;font-weight:600;font-size:11px;line-height:18px;letter-spacing:.03em;color:#fff;background:#57606a;margin-right:6px;vertical-align:1px}
.o-passed{background:#1a7f37}.o-failed{background:#cf222e}.o-errored{background:#bc4c00}.o-skipped{background:#6e7781}
.o-known{background:#8250df}.o-flaky{background:#9a6700}.o-fixed{background:#0969da}.o-not-run{background:#818b98}
#counts{display:flex;flex-wrap:wrap;gap:6px;list-style:none;padding:0;margin:8px 0}
#counts button{font:inherit;border:1px solid var(--line);background:var(--bg);border-radius:4px;padding:3px 8px;cursor:pointer}
#counts button[aria-pressed=true]{border-color:var(--fg);box-shadow:inset 0 0 0 1px var(--fg)}
#counts .n{font-weight:700;font-variant-numeric:tabular-nums}
.verdict{font-size:13px;font-weight:700}
#filters{display:flex;flex-wrap:wrap;gap:8px 16px;align-items:center;padding-top:10px;padding-bottom:10px;border-bottom:1px solid var(--line);position:sticky;top:0;background:var(--bg);z-index:2}
#filters fieldset{border:0;padding:0;margin:0;display:flex;gap:8px;flex-wrap:wrap}
#filters legend{float:left;margin-right:6px;color:var(--muted)}
#filters label{white-space:nowrap}
#filters input[type=search]{min-width:240px;font:inherit;padding:3px 6px}
#filters select{font:inherit;max-width:260px}
#shown{color:var(--muted)}
details.scenario{border:1px solid var(--line);border-radius:4px;margin:4px 0}
details.scenario>summary{padding:5px 8px;cursor:pointer;list-style-position:outside;margin-left:16px}
details.scenario[open]>summary{border-bottom:1px solid var(--line);background:var(--soft)}
summary .meta{color:var(--muted);margin-left:8px;font-size:12px}
.tag{display:inline-block;border:1px solid var(--line);border-radius:10px;padding:0 6px;font-size:11px;margin-left:4px;color:var(--muted)}
.permalink{margin-left:8px;color:var(--muted);text-decoration:none}
.permalink:hover,.permalink:focus{text-decoration:underline}
.body{padding:6px 12px 10px}
.finding{border-left:4px solid #cf222e;background:#ffebe9;padding:6px 10px;margin:6px 0;border-radius:0 4px 4px 0}
.finding .msg{font-weight:600}
.finding ul{margin:4px 0;padding-left:18px}
.source{background:#fff;border-color:#f0b3b0}
.source .ln{color:var(--muted);user-select:none}
.source .at{background:var(--mark)}
.source .caret{color:#cf222e;font-weight:700}
ol.steps{list-style:none;padding:0;margin:0}
li.step{border-top:1px dashed var(--line);padding:4px 0}
table{border-collapse:collapse;margin:4px 0;width:100%}
th,td{text-align:left;vertical-align:top;border-bottom:1px solid var(--line);padding:2px 8px 2px 0;word-break:break-word}
th{color:var(--muted);font-weight:600;font-size:12px}
td.ok::before{content:"\2713  "}
td.bad{color:#cf222e;font-weight:600}
td.bad::before{content:"\2717  "}
.timeline{position:relative;height:22px;border-bottom:2px solid var(--line);margin:6px 0 2px}
.timeline .dot{position:absolute;bottom:-7px;width:12px;height:12px;margin-left:-6px;border-radius:50%;border:2px solid #fff;background:#0969da}
.timeline .dot.last{background:#1a7f37}
details.exchange{margin:4px 0;border:1px solid var(--line);border-radius:4px;padding:0 8px}
details.exchange>summary{cursor:pointer;padding:3px 0}
.size{color:var(--muted);font-size:12px}
.x-t{color:#116329}.x-a{color:#0550ae}.j-k{color:#0550ae}.j-s{color:#0a3069}.j-n{color:#953800}.j-b{color:#8250df}
.curl{background:#fff}
.secret{font-size:11px;color:var(--muted)}
.hint{color:var(--muted);font-size:12px}
:focus-visible{outline:3px solid #0969da;outline-offset:1px}
[hidden]{display:none!important}
@media print{
  #filters,.permalink,.hint{display:none}
  details.scenario{break-inside:avoid}
  details.scenario>summary{margin-left:0;list-style:none}
  pre{max-height:none;white-space:pre-wrap}
  .badge,.finding{-webkit-print-color-adjust:exact;print-color-adjust:exact}
}
"""#

    /// The renderer: reads the data block, draws the header, the filters and the scenarios.
    static let script = #"""
(function () {
  'use strict';
  var started = performance.now();
  var data = JSON.parse(document.getElementById('tollgate-data').textContent);
  var T = data.strings || [];
  function S(v) { return typeof v === 'number' ? T[v] : v; }
  var H = data.header, F = data.footer || {}, all = data.scenarios;
  var ORDER = ['passed', 'failed', 'errored', 'skipped', 'known', 'flaky', 'fixed', 'not-run'];
  var ALWAYS = ['passed', 'failed', 'errored', 'skipped', 'known', 'flaky'];
  var LABEL = { passed: 'PASS', failed: 'FAIL', errored: 'ERROR', skipped: 'SKIP', known: 'KNOWN', flaky: 'FLAKY', fixed: 'FIXED', 'not-run': 'NOT RUN' };
  var MASK = '***';

  // Every text from the run goes through textContent or createTextNode: nothing is parsed as HTML.
  function el(tag, attrs, children) {
    var e = document.createElement(tag);
    if (attrs) for (var k in attrs) {
      var v = attrs[k];
      if (v == null) continue;
      if (k === 'text') e.textContent = v; else if (k === 'cls') e.className = v; else e.setAttribute(k, v);
    }
    if (children) children.forEach(function (c) {
      if (c == null) return;
      e.appendChild(typeof c === 'string' ? document.createTextNode(c) : c);
    });
    return e;
  }
  function badge(outcome) { return el('span', { cls: 'badge o-' + outcome, text: LABEL[outcome] || outcome.toUpperCase() }); }
  function secs(s) { return s < 1 ? Math.round(s * 1000) + ' ms' : s.toFixed(s < 10 ? 2 : 1) + ' s'; }
  function bytes(n) { return n.toLocaleString('en-US') + (n === 1 ? ' byte' : ' bytes'); }
  function facts(pairs, id) {
    var dl = el('dl', { cls: 'facts', id: id });
    pairs.forEach(function (p) { dl.appendChild(el('dt', { text: p[0] })); dl.appendChild(el('dd', { text: p[1] })); });
    return dl;
  }
  function shellQuote(s) { return /^[\w@%+=:,./-]+$/.test(s) ? s : "'" + s.replace(/'/g, "'\\''") + "'"; }

  // ---- header
  var tally = F.tally || {};
  var failing = (tally.failed || 0) + (tally.errored || 0);
  var verdict = F.interrupted ? 'INTERRUPTED' : failing > 0 ? 'FAILED' : 'PASSED';
  var suiteNames = [];
  (H.suites || []).forEach(function (s) { if (suiteNames.indexOf(s.name) < 0) suiteNames.push(s.name); });
  var title = suiteNames.length === 1 ? suiteNames[0] : suiteNames.length + ' suites';
  document.title = verdict + ' · ' + title + ' · Tollgate';

  var app = document.getElementById('app');
  var header = el('header', null, [
    el('h1', null, [badge(verdict === 'PASSED' ? 'passed' : verdict === 'FAILED' ? 'failed' : 'not-run'), 'Tollgate report: ' + title]),
    el('p', { cls: 'verdict', id: 'verdict', text: verdict + ' — ' + (tally.total || 0) + ' scenarios in ' + secs(F.durationSeconds || 0) })
  ]);
  var counts = el('ul', { id: 'counts', 'aria-label': 'Scenarios by outcome (press to filter)' });
  ORDER.forEach(function (k) {
    var n = tally[k] || 0;
    if (n === 0 && ALWAYS.indexOf(k) < 0) return;
    var b = el('button', { type: 'button', 'data-outcome': k, 'aria-pressed': 'false' },
      [badge(k), k + ' ', el('span', { cls: 'n', 'data-count': k, text: String(n) })]);
    b.addEventListener('click', function () { state.outcomes = state.outcomes.length === 1 && state.outcomes[0] === k ? [] : [k]; apply(true); });
    counts.appendChild(el('li', null, [b]));
  });
  header.appendChild(counts);
  var fp = (F.fingerprint && F.fingerprint.facts) || [];
  header.appendChild(el('div', { cls: 'cols' }, [
    el('div', null, [el('h4', { text: 'Run' }), facts([
      ['Suites', (H.suites || []).map(function (s) { return s.name + ' (' + s.file + ')'; }).join(', ')],
      ['Target', H.target.baseURL + (H.target.builtIn ? ' (built-in server)' : '')],
      ['Command', (H.commandLine || []).map(shellQuote).join(' ')],
      ['Started', H.startedAt], ['Ended', F.endedAt || '—'], ['Duration', secs(F.durationSeconds || 0)],
      ['Tool', H.tool.name + ' ' + H.tool.version]
    ], 'run-facts')]),
    el('div', null, [el('h4', { text: 'Server fingerprint' }),
      fp.length ? facts(fp.map(function (f) { return [f.name, f.value]; }), 'fingerprint') : el('p', { id: 'fingerprint', text: 'Nothing found out.' }),
      (F.fingerprint && F.fingerprint.notes && F.fingerprint.notes.length) ? el('ul', { cls: 'hint' }, F.fingerprint.notes.map(function (n) { return el('li', { text: n }); })) : null])
  ]));
  app.appendChild(header);

  // ---- filters
  var files = [], tags = [];
  (H.suites || []).forEach(function (s) { if (files.indexOf(s.file) < 0) files.push(s.file); });
  all.forEach(function (s) {
    s.f = S(s.f); s.n = S(s.n); s.su = S(s.su); s.t = s.t.map(S);
    if (files.indexOf(s.f) < 0) files.push(s.f);
    s.t.forEach(function (t) { if (tags.indexOf(t) < 0) tags.push(t); });
    s.hay = [s.id, s.n, s.f, s.su, s.t.join(' '), s.x ? S(s.x.m) : '', s.r ? S(s.r) : ''].join('\n').toLowerCase();
  });
  tags.sort();
  var params = new URLSearchParams(location.search);
  var state = {
    outcomes: (params.get('outcome') || '').split(',').filter(Boolean),
    tag: params.get('tag') || '', file: params.get('file') || '', q: params.get('q') || ''
  };
  var form = el('form', { id: 'filters', role: 'search', 'aria-label': 'Filter scenarios' });
  form.addEventListener('submit', function (e) { e.preventDefault(); });
  var outcomeSet = el('fieldset', null, [el('legend', { text: 'Outcome' })]);
  ORDER.forEach(function (k) {
    if (!(tally[k] > 0)) return;
    var box = el('input', { type: 'checkbox', name: 'outcome', value: k });
    box.addEventListener('change', function () {
      state.outcomes = Array.prototype.filter.call(form.querySelectorAll('input[name=outcome]:checked'), function () { return true; }).map(function (b) { return b.value; });
      apply(true);
    });
    outcomeSet.appendChild(el('label', null, [box, ' ' + k]));
  });
  function select(name, label, values) {
    var s = el('select', { name: name, id: 'filter-' + name }, [el('option', { value: '', text: 'all' })]);
    values.forEach(function (v) { s.appendChild(el('option', { value: v, text: v })); });
    s.addEventListener('change', function () { state[name] = s.value; apply(true); });
    return el('label', null, [label + ' ', s]);
  }
  var search = el('input', { type: 'search', id: 'filter-q', name: 'q', placeholder: 'Search names, ids, messages (/)', 'aria-label': 'Search' });
  var pending = 0;
  search.addEventListener('input', function () {
    state.q = search.value;
    if (!pending) pending = requestAnimationFrame(function () { pending = 0; apply(true); });
  });
  var shown = el('output', { id: 'shown', 'aria-live': 'polite' });
  [outcomeSet, select('tag', 'Tag', tags), select('file', 'File', files), el('label', null, [search]), shown,
    el('span', { cls: 'hint', text: 'Keys: / search, j/k next/previous scenario, Enter open' })].forEach(function (c) { form.appendChild(c); });
  app.appendChild(form);

  // ---- scenarios, grouped by file
  var main = el('main', { id: 'scenarios' });
  var groups = {};
  files.forEach(function (f) { groups[f] = []; });
  all.forEach(function (s) { groups[s.f].push(s); });
  var sections = [];
  files.forEach(function (f) {
    var list = groups[f];
    if (!list.length) return;
    list.sort(function (a, b) { return a.l - b.l; });
    var section = el('section', { cls: 'file', 'data-file': f });
    section.appendChild(el('h2', { text: f + ' — ' + list.length + (list.length === 1 ? ' scenario' : ' scenarios') }));
    list.forEach(function (s) {
      var d = el('details', { cls: 'scenario', id: s.id, 'data-outcome': s.o });
      var summary = el('summary', null, [badge(s.o), el('span', { cls: 'name', text: s.n }),
        el('span', { cls: 'meta', text: secs(s.d) })]);
      s.t.forEach(function (t) { summary.appendChild(el('span', { cls: 'tag', text: t })); });
      summary.appendChild(el('a', { cls: 'permalink', href: '#' + s.id, text: '#', 'aria-label': 'Link to ' + s.n }));
      d.appendChild(summary);
      d.scenario = s;
      s.node = d;
      section.appendChild(d);
    });
    sections.push({ node: section, list: list });
    main.appendChild(section);
  });
  if (!all.length) main.appendChild(el('p', { text: 'No scenario ran.' }));
  app.appendChild(main);
  main.addEventListener('toggle', function (e) { if (e.target.open && e.target.scenario) render(e.target); }, true);

  function apply(remember) {
    var q = state.q.trim().toLowerCase(), visible = 0;
    sections.forEach(function (g) {
      var any = false;
      g.list.forEach(function (s) {
        var ok = (!state.outcomes.length || state.outcomes.indexOf(s.o) >= 0) && (!state.tag || s.t.indexOf(state.tag) >= 0)
          && (!state.file || s.f === state.file) && (!q || s.hay.indexOf(q) >= 0);
        if (s.node.hidden === ok) s.node.hidden = !ok;
        if (ok) { any = true; visible++; }
      });
      g.node.hidden = !any;
    });
    shown.textContent = 'Showing ' + visible + ' of ' + all.length + ' scenarios';
    shown.setAttribute('data-visible', String(visible));
    Array.prototype.forEach.call(form.querySelectorAll('input[name=outcome]'), function (b) { b.checked = state.outcomes.indexOf(b.value) >= 0; });
    Array.prototype.forEach.call(counts.querySelectorAll('button'), function (b) {
      b.setAttribute('aria-pressed', String(state.outcomes.length === 1 && state.outcomes[0] === b.getAttribute('data-outcome')));
    });
    form.querySelector('#filter-tag').value = state.tag;
    form.querySelector('#filter-file').value = state.file;
    if (search.value !== state.q) search.value = state.q;
    if (remember) {
      var p = new URLSearchParams();
      if (state.outcomes.length) p.set('outcome', state.outcomes.join(','));
      ['tag', 'file', 'q'].forEach(function (k) { if (state[k]) p.set(k, state[k]); });
      try { history.replaceState(null, '', (p.toString() ? '?' + p : location.pathname) + location.hash); } catch (e) { /* file:// may refuse */ }
    }
  }

  // ---- one scenario's details, built when first opened
  function render(d) {
    if (d.rendered) return;
    d.rendered = true;
    var s = d.scenario, body = el('div', { cls: 'body' });
    body.appendChild(facts([['Id', s.id], ['File', s.f + ':' + s.l], ['Suite', s.su], ['Started', s.at], ['Duration', secs(s.d)],
      ['Tags', s.t.join(', ') || '—']].concat(s.r ? [['Reason', S(s.r)]] : [])));
    if (s.x) body.appendChild(finding(s.x, s.o, s.f));
    var steps = el('ol', { cls: 'steps' });
    s.s.forEach(function (st) { steps.appendChild(step(st, s)); });
    body.appendChild(el('h3', { text: 'Steps' }));
    body.appendChild(s.s.length ? steps : el('p', { cls: 'hint', text: 'No step ran.' }));
    d.appendChild(body);
  }

  function finding(x, outcome, file) {
    var box = el('div', { cls: 'finding', role: 'note' }, [el('div', { cls: 'msg' }, [badge(outcome), S(x.m)])]);
    if (x.src) {
      var first = x.src[0], lines = x.src[1].map(S), width = String(first + lines.length).length;
      var pre = el('pre', { cls: 'source', 'aria-label': 'Source at ' + file + ':' + x.loc[0] + ':' + x.loc[1] });
      pre.appendChild(el('span', { cls: 'ln', text: '--> ' + file + ':' + x.loc[0] + ':' + x.loc[1] + '\n' }));
      lines.forEach(function (line, i) {
        var n = first + i, at = n === x.loc[0];
        pre.appendChild(el('span', { cls: 'ln', text: String(n).padStart(width) + ' | ' }));
        pre.appendChild(el('span', { cls: at ? 'at' : null, text: line }));
        pre.appendChild(document.createTextNode('\n'));
        if (at) {
          pre.appendChild(el('span', { cls: 'ln', text: ' '.repeat(width) + ' | ' }));
          pre.appendChild(el('span', { cls: 'caret', text: ' '.repeat(Math.max(0, x.loc[1] - 1)) + '^ ' + S(x.m) }));
          pre.appendChild(document.createTextNode('\n'));
        }
      });
      box.appendChild(pre);
    } else if (x.loc) {
      box.appendChild(el('div', { cls: 'hint', text: 'at ' + file + ':' + x.loc[0] + ':' + x.loc[1] }));
    }
    if (x.no.length) box.appendChild(el('ul', null, x.no.map(function (n) { return el('li', { cls: 'mono', text: S(n) }); })));
    return box;
  }

  function table(heads, rows) {
    var t = el('table', null, [el('thead', null, [el('tr', null, heads.map(function (h) { return el('th', { scope: 'col', text: h }); }))])]);
    var tb = el('tbody');
    rows.forEach(function (r) { tb.appendChild(el('tr', null, r.map(function (c) { return c instanceof Node ? el('td', null, [c]) : el('td', { text: c }); }))); });
    t.appendChild(tb);
    return t;
  }

  function step(st, s) {
    var li = el('li', { cls: 'step', id: st.id });
    li.appendChild(el('h3', null, [badge(st.o), S(st.p) + ': ' + S(st.n), el('span', { cls: 'meta hint', text: '  line ' + st.l + ' · ' + secs(st.d) })]));
    if (st.r) li.appendChild(el('p', { cls: 'hint', text: S(st.r) }));
    if (st.x && !(s.x && S(s.x.m) === S(st.x.m))) li.appendChild(finding(st.x, st.o, s.f));
    if (st.as.length) {
      li.appendChild(el('h4', { text: 'Assertions' }));
      li.appendChild(table(['Held', 'Kind', 'Subject', 'Expected', 'Actual', 'Line'], st.as.map(function (a) {
        var r = el('span', { text: a[4] ? 'PASS' : 'FAIL' });
        return [r, S(a[0]), S(a[1]), S(a[2]), S(a[3]), String(a[5])];
      })));
      Array.prototype.forEach.call(li.querySelectorAll('tbody tr'), function (tr, i) { tr.firstChild.className = st.as[i][4] ? 'ok' : 'bad'; });
    }
    if (st.pl && st.pl.length) li.appendChild(timeline(st.pl));
    if (st.cp.length) {
      li.appendChild(el('h4', { text: 'Captures' }));
      li.appendChild(table(['Name', 'Value'], st.cp.map(function (c) {
        return [S(c[0]), c[2] ? el('span', null, [S(c[1]), el('span', { cls: 'secret', text: '  (secret, masked)' })]) : S(c[1])];
      })));
    }
    if (st.e.length) {
      li.appendChild(el('h4', { text: st.e.length === 1 ? 'Request and response' : 'Requests and responses (' + st.e.length + ')' }));
      st.e.forEach(function (x, i) { li.appendChild(exchange(x, st.o !== 'passed' && i === st.e.length - 1)); });
    }
    return li;
  }

  function timeline(attempts) {
    var wrap = el('div', { cls: 'poll' }, [el('h4', { text: 'Poll attempts (' + attempts.length + ')' })]);
    var end = attempts.reduce(function (m, a) { return Math.max(m, a[1] + a[2]); }, 0) || 1;
    var track = el('div', { cls: 'timeline', role: 'img', 'aria-label': attempts.length + ' attempts over ' + secs(end) });
    attempts.forEach(function (a, i) {
      track.appendChild(el('span', { cls: 'dot' + (i === attempts.length - 1 ? ' last' : ''), style: 'left:' + (100 * a[1] / end).toFixed(2) + '%',
        title: '#' + a[0] + ' at +' + secs(a[1]) + ': ' + (a[3] == null ? 'no response' : a[3]) + ' ' + (a[4] == null ? '' : S(a[4])) }));
    });
    wrap.appendChild(track);
    wrap.appendChild(table(['Attempt', 'Time', 'Took', 'Status', 'Resource state'], attempts.map(function (a) {
      return ['#' + a[0], '+' + secs(a[1]), secs(a[2]), a[3] == null ? 'no response' : String(a[3]), a[4] == null ? '—' : S(a[4])];
    })));
    return wrap;
  }

  function headerTable(hs) {
    return table(['Header', 'Value'], hs.map(function (h) { return [S(h[0]), S(h[1])]; }));
  }

  function exchange(x, open) {
    var q = x.q, r = x.r, method = S(q[0]), url = S(q[1]);
    var label = '#' + x.a + ' ' + method + ' ' + url + ' → ' + (r ? r[0] + ' ' + S(r[1]) : 'no response') + ' (' + secs(x.d) + ')';
    var d = el('details', { cls: 'exchange' }, [el('summary', { cls: 'mono', text: label })]);
    d.open = open;
    if (x.no) d.appendChild(el('p', { cls: 'hint', text: S(x.no) }));
    d.appendChild(el('h4', { text: 'Request' }));
    d.appendChild(el('pre', { cls: 'mono', text: method + ' ' + url }));
    if (q[2].length) d.appendChild(headerTable(q[2]));
    if (q[3]) d.appendChild(bodyView(q[3], q[2]));
    d.appendChild(el('h4', { text: 'curl' }));
    d.appendChild(curl(method, url, q[2], q[3]));
    d.appendChild(el('h4', { text: 'Response' }));
    if (r) {
      d.appendChild(el('pre', { cls: 'mono', text: r[0] + ' ' + S(r[1]) }));
      if (r[2].length) d.appendChild(headerTable(r[2]));
      d.appendChild(bodyView(r[3], r[2]));
    } else {
      d.appendChild(el('p', { text: 'No response came.' }));
    }
    return d;
  }

  // Secrets stay out: a masked value becomes an environment variable named after its header.
  function curl(method, url, headers, body) {
    var vars = [];
    function word(text, variable) {
      var parts = text.split(MASK);
      if (parts.length === 1) return "'" + text.replace(/'/g, "'\\''") + "'";
      if (vars.indexOf(variable) < 0) vars.push(variable);
      return parts.map(function (p) { return p ? "'" + p.replace(/'/g, "'\\''") + "'" : ''; }).join('"$' + variable + '"');
    }
    var words = ['curl', '-X', method, word(url, 'TOLLGATE_SECRET')];
    headers.forEach(function (h) {
      var name = S(h[0]);
      if (/^(content-length|host)$/i.test(name)) return;
      words.push('-H', word(name + ': ' + S(h[1]), name.toUpperCase().replace(/[^A-Z0-9]+/g, '_').replace(/^_+|_+$/g, '') || 'TOLLGATE_SECRET'));
    });
    if (body) words.push(body[2] ? '--data-binary @body.txt' : '--data-binary ' + word(S(body[0]), 'TOLLGATE_SECRET'));
    var text = (vars.length ? '# set first: ' + vars.map(function (v) { return 'export ' + v + '=…'; }).join('; ') + '\n' : '')
      + (body && body[2] ? '# the body was truncated in the report: put it in body.txt\n' : '') + words.join(' ');
    return el('pre', { cls: 'curl', text: text });
  }

  function contentType(headers) {
    for (var i = 0; i < headers.length; i++) if (/^content-type$/i.test(S(headers[i][0]))) return S(headers[i][1]).toLowerCase();
    return '';
  }

  function bodyView(b, headers) {
    var text = S(b[0]), length = b[1], truncated = b[2], type = contentType(headers), pre = el('pre', { cls: 'body-text' });
    var trimmed = text.trim();
    var looksJSON = /json/.test(type) || (!/xml|html/.test(type) && /^[\[{]/.test(trimmed));
    var looksXML = !looksJSON && (/xml/.test(type) || /^</.test(trimmed));
    if (!text.length) return el('p', { cls: 'size', text: 'Empty body (' + bytes(length) + ').' });
    if (looksJSON) highlightJSON(prettyJSON(text, truncated), pre);
    else if (looksXML) highlightXML(prettyXML(text), pre);
    else pre.textContent = text;
    var size = 'Body: ' + bytes(length) + (truncated ? ', first ' + text.length.toLocaleString('en-US') + ' characters shown' : '') + (type ? ' · ' + type : '');
    var lines = pre.textContent.split('\n').length;
    if (lines > 30 || truncated) {
      return el('details', { cls: 'long-body' }, [el('summary', { cls: 'size', text: size + ' (long: press to expand)' }), pre]);
    }
    return el('div', null, [el('div', { cls: 'size', text: size }), pre]);
  }

  function prettyJSON(text, truncated) {
    if (truncated) return text;
    try { return JSON.stringify(JSON.parse(text), null, 2); } catch (e) { return text; }
  }

  function highlightJSON(text, pre) {
    var re = /("(?:\\.|[^"\\])*")(\s*:)?|\b(true|false|null)\b|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/g, last = 0, m;
    while ((m = re.exec(text))) {
      if (m.index > last) pre.appendChild(document.createTextNode(text.slice(last, m.index)));
      var cls = m[1] ? (m[2] ? 'j-k' : 'j-s') : m[3] ? 'j-b' : 'j-n';
      pre.appendChild(el('span', { cls: cls, text: m[1] || m[0] }));
      if (m[2]) pre.appendChild(document.createTextNode(m[2]));
      last = re.lastIndex;
    }
    if (last < text.length) pre.appendChild(document.createTextNode(text.slice(last)));
  }

  function prettyXML(text) {
    var tokens = text.replace(/>\s+</g, '><').split(/(<[^>]*>)/).filter(function (t) { return t !== ''; });
    var out = [], depth = 0;
    function pad() { return '  '.repeat(depth); }
    for (var i = 0; i < tokens.length; i++) {
      var t = tokens[i];
      var opening = t[0] === '<' && !/^<[\/?!]/.test(t) && !/\/>$/.test(t);
      if (opening && tokens[i + 1] && tokens[i + 1][0] !== '<' && tokens[i + 2] && /^<\//.test(tokens[i + 2])) {
        out.push(pad() + t + tokens[i + 1] + tokens[i + 2]); i += 2;
      } else if (/^<\//.test(t)) { depth = Math.max(0, depth - 1); out.push(pad() + t); }
      else if (opening) { out.push(pad() + t); depth++; }
      else out.push(pad() + t.trim());
    }
    return out.join('\n');
  }

  function highlightXML(text, pre) {
    text.split(/(<[^>]*>?)/).forEach(function (part) {
      if (!part) return;
      if (part[0] !== '<') { pre.appendChild(document.createTextNode(part)); return; }
      part.split(/("[^"]*"|'[^']*')/).forEach(function (p, i) {
        if (p) pre.appendChild(i % 2 ? el('span', { cls: 'x-a', text: p }) : el('span', { cls: 'x-t', text: p }));
      });
    });
  }

  // ---- links, keys, print
  function openTarget() {
    var id = decodeURIComponent(location.hash.slice(1));
    if (!id) return;
    var target = document.getElementById(id);
    var d = target && (target.closest ? target.closest('details.scenario') : null);
    if (!d) return;
    if (d.hidden || d.parentNode.hidden) { state.outcomes = []; state.tag = ''; state.file = ''; state.q = ''; apply(false); }
    render(d);
    d.open = true;
    target.scrollIntoView();
    d.querySelector('summary').focus();
  }
  window.addEventListener('hashchange', openTarget);
  document.addEventListener('keydown', function (e) {
    var tag = (e.target.tagName || '').toLowerCase();
    if (tag === 'input' || tag === 'select' || tag === 'textarea' || e.ctrlKey || e.metaKey || e.altKey) return;
    if (e.key === '/') { e.preventDefault(); search.focus(); return; }
    if (e.key !== 'j' && e.key !== 'k') return;
    var visible = Array.prototype.filter.call(main.querySelectorAll('details.scenario'), function (d) { return !d.hidden && !d.parentNode.hidden; });
    if (!visible.length) return;
    var current = document.activeElement && document.activeElement.closest ? document.activeElement.closest('details.scenario') : null;
    var i = visible.indexOf(current);
    var next = e.key === 'j' ? Math.min(visible.length - 1, i + 1) : Math.max(0, i - 1);
    visible[next].querySelector('summary').focus();
    e.preventDefault();
  });
  window.addEventListener('beforeprint', function () {
    main.querySelectorAll('details.scenario').forEach(function (d) { if (!d.hidden && (d.scenario.o === 'failed' || d.scenario.o === 'errored')) { render(d); d.open = true; } });
  });

  apply(false);
  var failingList = all.filter(function (s) { return s.o === 'failed' || s.o === 'errored'; });
  if (params.get('open') === 'all') all.forEach(function (s) { if (!s.node.hidden) { render(s.node); s.node.open = true; } });
  else if (failingList.length <= 50) failingList.forEach(function (s) { render(s.node); s.node.open = true; });
  openTarget();
  app.removeAttribute('aria-busy');
  document.documentElement.setAttribute('data-render-ms', String(Math.round(performance.now() - started)));
  document.documentElement.setAttribute('data-ready', 'true');
})();
"""#
}
