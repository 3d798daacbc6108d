// The script inlined into the HTML page: pan (drag), zoom (wheel, buttons, fit), node details on click, search.
// Plain browser JavaScript kept as text; it reads only the page's own DOM and never touches the network.

export const PAGE_SCRIPT = String.raw`
(function () {
  'use strict';
  var svg = document.getElementById('graph');
  var viewport = document.getElementById('viewport');
  var canvas = document.getElementById('canvas');
  var panel = document.getElementById('details');
  var body = document.getElementById('details-body');
  var search = document.getElementById('search');
  var zoomLevel = document.getElementById('zoom-level');
  var overview = Array.prototype.map.call(body.childNodes, function (n) { return n.cloneNode(true); });
  var templates = new Map();
  document.querySelectorAll('template[data-details-for]').forEach(function (t) { templates.set(t.getAttribute('data-details-for'), t); });
  var nodes = new Map();
  svg.querySelectorAll('.node').forEach(function (g) { nodes.set(g.getAttribute('data-node-id'), g); });
  var edges = Array.prototype.slice.call(svg.querySelectorAll('.edge'));
  var graphWidth = Number(svg.getAttribute('data-width')) || 1;
  var graphHeight = Number(svg.getAttribute('data-height')) || 1;
  var view = { x: 0, y: 0, k: 1 };
  var selected = null;

  function apply() {
    viewport.setAttribute('transform', 'translate(' + view.x.toFixed(1) + ',' + view.y.toFixed(1) + ') scale(' + view.k.toFixed(4) + ')');
    svg.classList.toggle('far', view.k < 0.45);
    svg.classList.toggle('farther', view.k < 0.2);
    zoomLevel.textContent = Math.round(view.k * 100) + '%';
  }
  function clamp(k) { return Math.min(4, Math.max(0.02, k)); }
  function zoomAt(factor, cx, cy) {
    var k = clamp(view.k * factor);
    view.x = cx - (cx - view.x) * (k / view.k);
    view.y = cy - (cy - view.y) * (k / view.k);
    view.k = k;
    apply();
  }
  function size() { var r = canvas.getBoundingClientRect(); return { w: r.width || 800, h: r.height || 600 }; }
  function fit(readable) {
    var s = size();
    // Keep clear of the legend strip along the bottom.
    var legend = document.getElementById('legend');
    var bottom = legend ? legend.getBoundingClientRect().height : 0;
    var k = Math.min(s.w / graphWidth, (s.h - bottom) / graphHeight, 1.25);
    if (readable && k < 0.5) {
      // Too big to read whole: start readable, at the top where the flow starts.
      k = 0.6;
      view = { k: k, x: s.w / 2 - (graphWidth * k) / 2, y: 10 };
      var start = nodes.get('start');
      if (start) { var c = centre(start); view.x = s.w / 2 - c.x * k; view.y = 60 - c.y * k; }
    } else {
      view = { k: k, x: (s.w - graphWidth * k) / 2, y: (s.h - bottom - graphHeight * k) / 2 };
    }
    apply();
  }
  function centre(g) { var m = g.transform.baseVal.consolidate().matrix; return { x: m.e, y: m.f }; }
  function centreOn(id) {
    var g = nodes.get(id);
    if (!g) return;
    var s = size();
    var c = centre(g);
    if (view.k < 0.7) view.k = 0.9;
    view.x = s.w / 2 - c.x * view.k;
    view.y = s.h / 2 - c.y * view.k;
    apply();
  }

  function showOverview() {
    if (selected) selected.classList.remove('selected');
    selected = null;
    edges.forEach(function (e) { e.classList.remove('incident'); });
    body.replaceChildren.apply(body, overview.map(function (n) { return n.cloneNode(true); }));
    panel.removeAttribute('data-node-id');
  }
  function select(id) {
    var g = nodes.get(id);
    var t = templates.get(id);
    if (!g || !t) return false;
    if (selected) selected.classList.remove('selected');
    selected = g;
    g.classList.add('selected');
    edges.forEach(function (e) {
      e.classList.toggle('incident', e.getAttribute('data-from') === id || e.getAttribute('data-to') === id);
    });
    var back = document.createElement('button');
    back.type = 'button';
    back.className = 'back';
    back.textContent = '\u2190 flow overview';
    back.addEventListener('click', showOverview);
    body.replaceChildren(back, t.content.cloneNode(true));
    panel.setAttribute('data-node-id', id);
    panel.scrollTop = 0;
    return true;
  }

  // Drag to pan; a press that does not move is a click (on a node: select it; on the background: overview).
  var press = null;
  svg.addEventListener('pointerdown', function (e) {
    if (e.button !== 0) return;
    press = { x: e.clientX, y: e.clientY, vx: view.x, vy: view.y, moved: false, node: e.target.closest('.node') };
    svg.setPointerCapture(e.pointerId);
  });
  svg.addEventListener('pointermove', function (e) {
    if (!press) return;
    var dx = e.clientX - press.x, dy = e.clientY - press.y;
    if (!press.moved && Math.abs(dx) + Math.abs(dy) < 4) return;
    press.moved = true;
    canvas.classList.add('dragging');
    view.x = press.vx + dx;
    view.y = press.vy + dy;
    apply();
  });
  function release() {
    if (!press) return;
    var p = press;
    press = null;
    canvas.classList.remove('dragging');
    if (p.moved) return;
    if (p.node) select(p.node.getAttribute('data-node-id'));
    else showOverview();
  }
  svg.addEventListener('pointerup', release);
  svg.addEventListener('pointercancel', function () { press = null; canvas.classList.remove('dragging'); });
  svg.addEventListener('wheel', function (e) {
    e.preventDefault();
    var r = svg.getBoundingClientRect();
    zoomAt(Math.exp(-e.deltaY * (e.deltaMode === 1 ? 0.05 : 0.0015)), e.clientX - r.left, e.clientY - r.top);
  }, { passive: false });
  svg.addEventListener('keydown', function (e) {
    var g = e.target.closest && e.target.closest('.node');
    if (g && (e.key === 'Enter' || e.key === ' ')) { e.preventDefault(); select(g.getAttribute('data-node-id')); }
  });
  document.addEventListener('keydown', function (e) {
    if (e.key === 'Escape') showOverview();
  });

  function zoomButton(factor) { var s = size(); zoomAt(factor, s.w / 2, s.h / 2); }
  document.getElementById('zoom-in').addEventListener('click', function () { zoomButton(1.25); });
  document.getElementById('zoom-out').addEventListener('click', function () { zoomButton(0.8); });
  document.getElementById('zoom-fit').addEventListener('click', function () { fit(false); });

  // Links in the panel (a condition's target, a finding's node) select and centre that node.
  panel.addEventListener('click', function (e) {
    var b = e.target.closest('[data-goto]');
    if (!b) return;
    var id = b.getAttribute('data-goto');
    if (select(id)) centreOn(id);
  });

  function find(query) {
    if (nodes.has(query)) return query;
    var q = query.toLowerCase();
    var ids = Array.from(nodes.keys());
    return ids.find(function (id) { return id.toLowerCase() === q; }) || ids.find(function (id) { return id.toLowerCase().indexOf(q) >= 0; });
  }
  function runSearch() {
    var query = search.value.trim();
    search.classList.remove('not-found');
    if (!query) return;
    var id = find(query);
    if (id === undefined) { search.classList.add('not-found'); return; }
    select(id);
    centreOn(id);
  }
  search.addEventListener('keydown', function (e) { if (e.key === 'Enter') runSearch(); });
  search.addEventListener('change', runSearch);

  fit(true);
  var fromHash = decodeURIComponent(location.hash.replace(/^#node=/, ''));
  if (location.hash.indexOf('#node=') === 0 && select(fromHash)) centreOn(fromHash);
  document.body.setAttribute('data-ready', 'true');
})();
`;
