// The self-contained HTML page of `switchyard audit report`: the joined requests embedded as JSON,
// and inline JS that draws SVG charts (decisions over time by handling, top rules, top clients) and
// a filterable table. No network: no fonts, scripts or styles from anywhere else. Filters can also
// come from the URL fragment (#handling=block&client=app), so a link can point at a view.
#include <chrono>

#include "audit/chain.h"
#include "audit/reader.h"

namespace switchyard::audit {
namespace {

namespace json = boost::json;

std::string html_escape(std::string_view text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

// JSON placed inside <script>: '<', '>' and '&' only occur inside strings, where \u escapes keep
// them from closing the element.
std::string script_safe_json(const json::value& value) {
  const std::string text = json::serialize(value);
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '<':
        out += "\\u003c";
        break;
      case '>':
        out += "\\u003e";
        break;
      case '&':
        out += "\\u0026";
        break;
      default:
        out += c;
    }
  }
  return out;
}

json::value optional_number(const std::optional<double>& v) {
  return v ? json::value(*v) : json::value(nullptr);
}

constexpr std::string_view kStyle = R"CSS(
:root { --internal:#2f6fdf; --vendor:#2e9d5b; --redact:#e39b20; --pseudonymize:#8e5bd1; --block:#d23f3f; --other:#8a8f98;
        --ink:#1d2330; --muted:#5d6575; --line:#dde1e8; --bg:#f6f7f9; }
* { box-sizing: border-box; }
body { margin:0; font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif; color:var(--ink);
       background:var(--bg); }
header { padding:20px 28px 8px; }
h1 { font-size:20px; margin:0 0 4px; }
h2 { font-size:15px; margin:0 0 10px; }
.muted { color:var(--muted); }
main { padding:8px 28px 40px; }
.kpis { display:flex; gap:12px; flex-wrap:wrap; margin:8px 0 16px; }
.kpi { background:#fff; border:1px solid var(--line); border-radius:8px; padding:10px 16px; min-width:140px; }
.kpi b { display:block; font-size:22px; }
.grid { display:grid; grid-template-columns: 2fr 1fr 1fr; gap:14px; }
@media (max-width: 1100px) { .grid { grid-template-columns: 1fr; } }
.card { background:#fff; border:1px solid var(--line); border-radius:8px; padding:14px 16px; }
.legend span { display:inline-block; margin-right:12px; font-size:12px; }
.legend i { display:inline-block; width:10px; height:10px; border-radius:2px; margin-right:4px; }
svg text { font-size:11px; fill:var(--muted); }
.filters { display:flex; gap:10px; flex-wrap:wrap; align-items:end; margin:18px 0 10px; }
.filters label { display:flex; flex-direction:column; font-size:12px; color:var(--muted); }
.filters input, .filters select { font:inherit; padding:5px 8px; border:1px solid var(--line);
       border-radius:6px; background:#fff; min-width:140px; }
table { width:100%; border-collapse:collapse; background:#fff; border:1px solid var(--line); }
th, td { text-align:left; padding:6px 10px; border-bottom:1px solid var(--line); white-space:nowrap; }
th { background:#eef1f5; font-weight:600; font-size:12px; position:sticky; top:0; cursor:pointer; }
td.num { text-align:right; font-variant-numeric: tabular-nums; }
.tag { display:inline-block; padding:1px 8px; border-radius:10px; color:#fff; font-size:12px; }
.tag.internal { background:var(--internal); } .tag.vendor { background:var(--vendor); }
.tag.redact { background:var(--redact); } .tag.pseudonymize { background:var(--pseudonymize); }
.tag.block { background:var(--block); }
.tag.other { background:var(--other); }
.err { color:var(--block); }
button { font:inherit; padding:5px 12px; border:1px solid var(--line); border-radius:6px; background:#fff; cursor:pointer; }
.empty { padding:24px; text-align:center; color:var(--muted); }
)CSS";

constexpr std::string_view kScript = R"JS(
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('audit-data').textContent);
  var C = data.columns, rows = data.rows;
  var col = {}; C.forEach(function (name, i) { col[name] = i; });
  var HANDLINGS = ['internal', 'vendor', 'redact', 'pseudonymize', 'block'];
  var COLORS = { internal: '#2f6fdf', vendor: '#2e9d5b', redact: '#e39b20', pseudonymize: '#8e5bd1', block: '#d23f3f', other: '#8a8f98' };
  var SVG = 'http://www.w3.org/2000/svg';
  var PAGE = 500;
  var shown = PAGE, sortKey = 'ts', sortDir = -1;

  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    for (var k in attrs || {}) e.setAttribute(k, attrs[k]);
    if (text !== undefined) e.textContent = text;
    return e;
  }
  function svg(tag, attrs, text) {
    var e = document.createElementNS(SVG, tag);
    for (var k in attrs || {}) e.setAttribute(k, attrs[k]);
    if (text !== undefined) e.textContent = text;
    return e;
  }
  function handlingClass(h) { return HANDLINGS.indexOf(h) >= 0 ? h : 'other'; }
  function pct(a, b) { return b ? (100 * a / b).toFixed(1) + '%' : '-'; }
  function fmtMs(v) { return v === null || v === undefined ? '' : (v < 10 ? v.toFixed(2) : v.toFixed(0)); }

  // ---- filters ----
  var F = { text: '', handling: '', client: '', rule: '', status: '', since: '', until: '' };
  function readHash() {
    var h = decodeURIComponent(location.hash.replace(/^#/, ''));
    h.split('&').forEach(function (part) {
      var kv = part.split('='); if (kv.length === 2 && kv[0] in F) F[kv[0]] = kv[1];
    });
  }
  // The filtering logic: every active filter must match.
  function matches(r) {
    if (F.handling && r[col.handling] !== F.handling) return false;
    if (F.client && r[col.client] !== F.client) return false;
    if (F.rule && r[col.rules].indexOf(F.rule) < 0) return false;
    if (F.status) {
      var s = r[col.status];
      if (F.status === 'error') { if (!(s >= 400) || r[col.handling] === 'block') return false; }
      else if (/^[1-5]xx$/.test(F.status)) { if (s === null || Math.floor(s / 100) !== +F.status[0]) return false; }
      else if (String(s) !== F.status) return false;
    }
    if (F.since && r[col.ts] < F.since) return false;
    if (F.until && r[col.ts].slice(0, F.until.length) > F.until) return false;
    if (F.text) {
      var hay = (r[col.request_id] + ' ' + r[col.client] + ' ' + r[col.model] + ' ' +
                 r[col.rules].join(' ') + ' ' + r[col.upstream] + ' ' + r[col.error]).toLowerCase();
      if (hay.indexOf(F.text.toLowerCase()) < 0) return false;
    }
    return true;
  }
  window.switchyardAuditFilter = function (filters) {
    Object.keys(F).forEach(function (k) { F[k] = filters[k] || ''; });
    syncControls(); render();
    return rows.filter(matches).length;
  };

  function distinct(index, many) {
    var seen = {};
    rows.forEach(function (r) { (many ? r[index] : [r[index]]).forEach(function (v) { if (v) seen[v] = (seen[v] || 0) + 1; }); });
    return Object.keys(seen).sort();
  }
  function buildSelect(id, values) {
    var s = document.getElementById(id);
    s.appendChild(el('option', { value: '' }, 'all'));
    values.forEach(function (v) { s.appendChild(el('option', { value: v }, v)); });
  }
  function syncControls() {
    ['text', 'handling', 'client', 'rule', 'status', 'since', 'until'].forEach(function (k) {
      var c = document.getElementById('f-' + k); if (c) c.value = F[k];
    });
  }

  // ---- charts ----
  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }

  function timeChart(list) {
    var root = document.getElementById('chart-time'); clear(root);
    var W = 720, H = 240, L = 44, B = 28, T = 10, R = 10;
    root.setAttribute('viewBox', '0 0 ' + W + ' ' + H);
    if (!list.length) { root.appendChild(svg('text', { x: W / 2, y: H / 2, 'text-anchor': 'middle' }, 'no requests')); return; }
    var first = Date.parse(list[0][col.ts]), last = first;
    list.forEach(function (r) { var t = Date.parse(r[col.ts]); if (t < first) first = t; if (t > last) last = t; });
    var spans = [60e3, 300e3, 900e3, 3600e3, 6 * 3600e3, 86400e3, 7 * 86400e3];
    var step = spans[spans.length - 1];
    for (var i = 0; i < spans.length; i++) { if ((last - first) / spans[i] <= 60) { step = spans[i]; break; } }
    var start = Math.floor(first / step) * step, n = Math.floor((last - start) / step) + 1;
    var buckets = []; for (i = 0; i < n; i++) buckets.push({ internal: 0, vendor: 0, redact: 0, pseudonymize: 0, block: 0, other: 0, total: 0 });
    list.forEach(function (r) {
      var b = buckets[Math.floor((Date.parse(r[col.ts]) - start) / step)];
      b[handlingClass(r[col.handling])]++; b.total++;
    });
    var max = 1; buckets.forEach(function (b) { if (b.total > max) max = b.total; });
    var bw = (W - L - R) / n;
    for (i = 0; i <= 4; i++) {
      var y = T + (H - T - B) * (1 - i / 4);
      root.appendChild(svg('line', { x1: L, x2: W - R, y1: y, y2: y, stroke: '#eef0f3' }));
      root.appendChild(svg('text', { x: L - 6, y: y + 4, 'text-anchor': 'end' }, String(Math.round(max * i / 4))));
    }
    buckets.forEach(function (b, k) {
      var y = H - B;
      HANDLINGS.concat(['other']).forEach(function (h) {
        if (!b[h]) return;
        var hgt = (H - T - B) * b[h] / max;
        y -= hgt;
        var rect = svg('rect', { 'class': 'bar ' + h, x: L + k * bw + 1, y: y, width: Math.max(1, bw - 2),
                                 height: hgt, fill: COLORS[h] });
        rect.appendChild(svg('title', {}, new Date(start + k * step).toISOString().slice(0, 16).replace('T', ' ') + ' UTC: ' + b[h] + ' ' + h));
        root.appendChild(rect);
      });
    });
    var labels = Math.min(n, 6);
    for (i = 0; i < labels; i++) {
      var k = Math.floor(i * (n - 1) / Math.max(1, labels - 1));
      var d = new Date(start + k * step).toISOString();
      var text = step >= 86400e3 ? d.slice(0, 10) : d.slice(5, 16).replace('T', ' ');
      var anchor = labels > 1 && i === labels - 1 ? 'end' : i === 0 && labels > 1 ? 'start' : 'middle';
      var x = anchor === 'end' ? L + (k + 1) * bw : anchor === 'start' ? L + k * bw : L + k * bw + bw / 2;
      root.appendChild(svg('text', { x: x, y: H - 8, 'text-anchor': anchor }, text));
    }
  }

  function barChart(id, counts, color, onPick) {
    var root = document.getElementById(id); clear(root);
    var top = Object.keys(counts).map(function (k) { return [k, counts[k]]; })
      .sort(function (a, b) { return b[1] - a[1] || (a[0] < b[0] ? -1 : 1); }).slice(0, 10);
    var W = 360, row = 22, H = Math.max(40, top.length * row + 8), L = 150;
    root.setAttribute('viewBox', '0 0 ' + W + ' ' + H);
    if (!top.length) { root.appendChild(svg('text', { x: W / 2, y: 24, 'text-anchor': 'middle' }, 'none')); return; }
    var max = top[0][1];
    top.forEach(function (entry, i) {
      var y = 4 + i * row, w = Math.max(2, (W - L - 50) * entry[1] / max);
      var label = entry[0].length > 24 ? entry[0].slice(0, 23) + '…' : entry[0];
      root.appendChild(svg('text', { x: L - 6, y: y + 14, 'text-anchor': 'end' }, label));
      var rect = svg('rect', { 'class': 'bar', x: L, y: y + 3, width: w, height: row - 8, rx: 3, fill: color, 'data-key': entry[0] });
      rect.appendChild(svg('title', {}, entry[0] + ': ' + entry[1]));
      rect.style.cursor = 'pointer';
      rect.addEventListener('click', function () { onPick(entry[0]); });
      root.appendChild(rect);
      root.appendChild(svg('text', { x: L + w + 6, y: y + 14 }, String(entry[1])));
    });
  }

  // ---- table ----
  function renderTable(list) {
    var body = document.getElementById('rows'); clear(body);
    var sorted = list.slice().sort(function (a, b) {
      var x = a[col[sortKey]], y = b[col[sortKey]];
      if (x === y) return 0; if (x === null) return 1; if (y === null) return -1;
      return (x < y ? -1 : 1) * sortDir;
    });
    sorted.slice(0, shown).forEach(function (r) {
      var tr = el('tr', { 'class': 'row' });
      tr.appendChild(el('td', {}, r[col.ts].slice(0, 19).replace('T', ' ')));
      tr.appendChild(el('td', {}, r[col.request_id]));
      tr.appendChild(el('td', {}, r[col.client]));
      tr.appendChild(el('td', {}, r[col.model]));
      var h = el('td'); h.appendChild(el('span', { 'class': 'tag ' + handlingClass(r[col.handling]) }, r[col.handling] || '?')); tr.appendChild(h);
      tr.appendChild(el('td', {}, r[col.level]));
      tr.appendChild(el('td', {}, r[col.upstream]));
      tr.appendChild(el('td', {}, r[col.rules].join(', ')));
      var st = r[col.status] === null ? '' : String(r[col.status]);
      tr.appendChild(el('td', { 'class': r[col.status] >= 400 && r[col.handling] !== 'block' ? 'err' : '' },
                        st + (r[col.error] ? ' ' + r[col.error] : '')));
      tr.appendChild(el('td', { 'class': 'num' }, fmtMs(r[col.latency_ms])));
      body.appendChild(tr);
    });
    if (!sorted.length) {
      var tr = el('tr'); tr.appendChild(el('td', { colspan: 10, 'class': 'empty' }, 'No request matches the filters.')); body.appendChild(tr);
    }
    var more = document.getElementById('more');
    more.style.display = sorted.length > shown ? '' : 'none';
    more.textContent = 'Show ' + Math.min(PAGE, sorted.length - shown) + ' more';
  }

  function render() {
    var list = rows.filter(matches);
    var blocked = 0, internal = 0, errors = 0, rules = {}, clients = {};
    list.forEach(function (r) {
      if (r[col.handling] === 'block') blocked++;
      if (r[col.handling] === 'internal') internal++;
      if (r[col.status] >= 400 && r[col.handling] !== 'block') errors++;
      r[col.rules].forEach(function (id) { rules[id] = (rules[id] || 0) + 1; });
      var c = r[col.client] || '(anonymous)'; clients[c] = (clients[c] || 0) + 1;
    });
    document.getElementById('kpi-requests').textContent = list.length.toLocaleString('en-US');
    document.getElementById('kpi-blocked').textContent = pct(blocked, list.length);
    document.getElementById('kpi-internal').textContent = pct(internal, list.length);
    document.getElementById('kpi-errors').textContent = errors.toLocaleString('en-US');
    document.getElementById('count').textContent = list.length + ' of ' + rows.length + ' requests shown';
    timeChart(list);
    barChart('chart-rules', rules, '#7a5cc7', function (k) { F.rule = k; syncControls(); render(); });
    barChart('chart-clients', clients, '#3a8fb7', function (k) { F.client = k; syncControls(); render(); });
    renderTable(list);
    document.body.setAttribute('data-rendered', 'true');
  }

  // ---- wiring ----
  buildSelect('f-handling', distinct(col.handling));
  buildSelect('f-client', distinct(col.client));
  buildSelect('f-rule', distinct(col.rules, true));
  readHash(); syncControls();
  ['text', 'handling', 'client', 'rule', 'status', 'since', 'until'].forEach(function (k) {
    var c = document.getElementById('f-' + k);
    c.addEventListener(c.tagName === 'SELECT' ? 'change' : 'input', function () { F[k] = c.value.trim(); shown = PAGE; render(); });
  });
  document.getElementById('reset').addEventListener('click', function () {
    Object.keys(F).forEach(function (k) { F[k] = ''; }); syncControls(); render();
  });
  document.getElementById('more').addEventListener('click', function () { shown += PAGE; render(); });
  Array.prototype.forEach.call(document.querySelectorAll('th[data-key]'), function (th) {
    th.addEventListener('click', function () {
      var k = th.getAttribute('data-key'); sortDir = sortKey === k ? -sortDir : 1; sortKey = k; render();
    });
  });
  window.addEventListener('hashchange', function () { Object.keys(F).forEach(function (k) { F[k] = ''; }); readHash(); syncControls(); render(); });
  render();
})();
)JS";

}  // namespace

std::string render_html_report(const std::vector<RequestRow>& rows, std::string_view title) {
  json::object data;
  data["columns"] = json::array{"ts",       "request_id", "client", "model", "handling",  "level",
                                "upstream", "rules",      "status", "error", "latency_ms"};
  json::array list;
  list.reserve(rows.size());
  for (const auto& r : rows) {
    json::array rules;
    for (const auto& rule : r.rules) rules.emplace_back(rule);
    list.push_back(json::array{json::value(r.ts), json::value(r.request_id), json::value(r.client),
                               json::value(r.model), json::value(r.handling), json::value(r.level),
                               json::value(r.upstream), std::move(rules),
                               r.status ? json::value(*r.status) : json::value(nullptr),
                               json::value(r.error), optional_number(r.latency_ms)});
  }
  data["rows"] = std::move(list);

  const std::string generated = format_timestamp(std::chrono::system_clock::now());
  std::string html;
  html.reserve(64 * 1024 + rows.size() * 200);
  html += "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n";
  html += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  // No network: this policy forbids every fetch, so the page provably stands alone.
  html +=
      "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
      "style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">\n";
  html += "<title>Switchyard audit report</title>\n<style>";
  html += kStyle;
  html += "</style>\n</head>\n<body>\n<header>\n<h1>Switchyard audit report</h1>\n";
  html += "<div class=\"muted\">" + html_escape(title) + " &middot; generated " +
          html_escape(generated) + "</div>\n</header>\n<main>\n";
  html +=
      "<div class=\"kpis\">"
      "<div class=\"kpi\"><span class=\"muted\">Requests</span><b id=\"kpi-requests\">-</b></div>"
      "<div class=\"kpi\"><span class=\"muted\">Blocked</span><b id=\"kpi-blocked\">-</b></div>"
      "<div class=\"kpi\"><span class=\"muted\">Kept internal</span><b id=\"kpi-internal\">-</b>"
      "</div><div class=\"kpi\"><span class=\"muted\">Errors</span><b id=\"kpi-errors\">-</b>"
      "</div></div>\n";
  html +=
      "<div class=\"grid\">\n"
      "<section class=\"card\"><h2>Decisions over time, by handling</h2>"
      "<div class=\"legend\"><span><i style=\"background:var(--internal)\"></i>internal</span>"
      "<span><i style=\"background:var(--vendor)\"></i>vendor</span>"
      "<span><i style=\"background:var(--redact)\"></i>redact</span>"
      "<span><i style=\"background:var(--pseudonymize)\"></i>pseudonymize</span>"
      "<span><i style=\"background:var(--block)\"></i>block</span></div>"
      "<svg id=\"chart-time\" role=\"img\" aria-label=\"decisions over time\" width=\"100%\">"
      "</svg></section>\n"
      "<section class=\"card\"><h2>Top rules</h2><svg id=\"chart-rules\" role=\"img\" "
      "aria-label=\"top rules\" width=\"100%\"></svg></section>\n"
      "<section class=\"card\"><h2>Top clients</h2><svg id=\"chart-clients\" role=\"img\" "
      "aria-label=\"top clients\" width=\"100%\"></svg></section>\n</div>\n";
  html +=
      "<div class=\"filters\">"
      "<label>Search<input id=\"f-text\" type=\"search\" placeholder=\"request, client, rule…\">"
      "</label>"
      "<label>Handling<select id=\"f-handling\"></select></label>"
      "<label>Client<select id=\"f-client\"></select></label>"
      "<label>Rule<select id=\"f-rule\"></select></label>"
      "<label>Status<input id=\"f-status\" placeholder=\"200, 4xx, error\"></label>"
      "<label>Since (UTC)<input id=\"f-since\" placeholder=\"2026-11-03T14:00\"></label>"
      "<label>Until (UTC)<input id=\"f-until\" placeholder=\"2026-11-04\"></label>"
      "<button id=\"reset\" type=\"button\">Reset</button>"
      "<span id=\"count\" class=\"muted\"></span></div>\n";
  html +=
      "<table id=\"requests\"><thead><tr><th data-key=\"ts\">Time (UTC)</th>"
      "<th data-key=\"request_id\">Request</th><th data-key=\"client\">Client</th>"
      "<th data-key=\"model\">Model</th><th data-key=\"handling\">Handling</th>"
      "<th data-key=\"level\">Level</th><th data-key=\"upstream\">Upstream</th>"
      "<th>Rules</th><th data-key=\"status\">Status</th><th data-key=\"latency_ms\">ms</th>"
      "</tr></thead><tbody id=\"rows\"></tbody></table>\n"
      "<p><button id=\"more\" type=\"button\" style=\"display:none\"></button></p>\n"
      "<noscript><p>This report draws its charts and table with JavaScript.</p></noscript>\n";
  html += "</main>\n<script id=\"audit-data\" type=\"application/json\">";
  html += script_safe_json(data);
  html += "</script>\n<script>";
  html += kScript;
  html += "</script>\n</body>\n</html>\n";
  return html;
}

}  // namespace switchyard::audit
