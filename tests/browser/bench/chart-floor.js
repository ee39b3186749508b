// In the page (chart-floor.mjs): the floor of a zoom step of the timeline chart, as the
// browser alone would do it. `window.floorData` holds the chart's SVG before and after one
// "Zoom in" in the app (`a0`, `a1`). Each run puts the first back, works out every DOM
// change from the first to the second beforehand (keyed as the app keys them: lanes by
// place, marks by link or bin number), then times applying them, from the input to the
// frame after it is painted, as the app's figures are timed. Variant A is the markup the
// app draws (a link per mark holding its shape, a bin's count and an event's label);
// variant B an alternative: each lane's marks as one path per kind of mark (points, bars,
// faded bars, bins) in a viewBox, labels and counts as in A, the links in a visually
// hidden list. `?notext` drops B's labels and counts (what the shapes alone cost).
/* global document, requestAnimationFrame, MessageChannel, performance */
(() => {
  const { a0, a1, notext } = window.floorData;
  const host = document.getElementById('floor-host');
  const links = document.getElementById('floor-links');
  const NS = 'http://www.w3.org/2000/svg';
  const parse = (html) => { const t = document.createElement('template'); t.innerHTML = html; return t.content.firstElementChild; };
  const lanesOf = (svg) => [...svg.querySelectorAll('g.lanes > g.lane')];
  const keyed = (marks) => { let bins = 0; return marks.map((a) => [a.getAttribute('href')?.startsWith('#') ? a.getAttribute('href') : `bin ${bins++}`, a]); };
  const marksOf = (g) => keyed([...g.children].slice(2).filter((e) => e.localName === 'a'));
  const shape = (el) => `${el.localName}(${[...el.children].map(shape).join(',')})`;
  // The changes that make `live` (and its subtree) what `next` is (the same elements).
  function patch(live, next, ops) {
    for (const { name, value } of next.attributes) if (live.getAttribute(name) !== value) ops.push(() => live.setAttribute(name, value));
    for (const { name } of live.attributes) if (!next.hasAttribute(name)) ops.push(() => live.removeAttribute(name));
    if (!live.children.length && live.textContent !== next.textContent) { const t = next.textContent; ops.push(() => { live.textContent = t; }); }
    for (let i = 0; i < live.children.length; i++) patch(live.children[i], next.children[i], ops);
  }
  // A keyed redraw of `parent`'s items: kept ones changed in place, others removed or
  // inserted (a copy made beforehand) before the item that follows them.
  function rekey(parent, old, nu, ops) {
    const byKey = new Map(old);
    const placed = [];
    for (const [k, e] of nu) {
      const o = byKey.get(k);
      if (o && shape(o) === shape(e)) { byKey.delete(k); patch(o, e, ops); placed.push([o, true]); } else placed.push([e.cloneNode(true), false]);
    }
    for (const e of byKey.values()) ops.push(() => e.remove());
    let next = null;
    for (let i = placed.length - 1; i >= 0; i--) { const [n, kept] = placed[i]; if (!kept) { const before = next; ops.push(() => parent.insertBefore(n, before)); } next = n; }
  }
  function frame(svg, next, ops) {
    const axis = next.querySelector('g.axis').cloneNode(true); const liveAxis = svg.querySelector('g.axis');
    ops.push(() => liveAxis.replaceWith(axis));
    if (svg.getAttribute('height') !== next.getAttribute('height')) { const h = next.getAttribute('height'); ops.push(() => svg.setAttribute('height', h)); }
  }
  const A = {
    setup() { host.replaceChildren(parse(a0)); links.replaceChildren(); },
    plan() {
      const ops = []; const svg = host.firstElementChild; const next = parse(a1);
      frame(svg, next, ops);
      const N = lanesOf(next);
      lanesOf(svg).forEach((g, i) => { const t = N[i].getAttribute('transform'); if (g.getAttribute('transform') !== t) ops.push(() => g.setAttribute('transform', t)); rekey(g, marksOf(g), marksOf(N[i]), ops); });
      return ops;
    },
  };
  const X = (pct) => parseFloat(pct) * 1000;
  function drawB(html) {
    const src = parse(html); const svg = src.cloneNode(false); svg.append(src.querySelector('g.axis').cloneNode(true));
    const lanes = document.createElementNS(NS, 'g'); lanes.setAttribute('class', 'lanes'); svg.append(lanes);
    const items = [];
    for (const g of lanesOf(src)) {
      const lane = g.cloneNode(false); lane.append(g.children[0].cloneNode(true), g.children[1].cloneNode(true));
      const box = document.createElementNS(NS, 'svg');
      for (const [k, v] of [['viewBox', '0 0 100000 200'], ['preserveAspectRatio', 'none'], ['width', '100%'], ['height', '200'], ['overflow', 'visible']]) box.setAttribute(k, v);
      const d = { point: '', bar: '', fuzzy: '', bin: '' };
      const texts = document.createElementNS(NS, 'g'); texts.setAttribute('class', 'texts');
      for (const [k, a] of marksOf(g)) {
        const s = a.firstElementChild;
        if (s.localName === 'circle') d.point += `M${X(s.getAttribute('cx')).toFixed(0)} ${s.getAttribute('cy')}h0`;
        else d[a.classList.contains('bin') ? 'bin' : a.classList.contains('fuzzy') ? 'fuzzy' : 'bar'] += `M${X(s.getAttribute('x')).toFixed(0)} ${+s.getAttribute('y') + 5}h${Math.max(1, X(s.getAttribute('width'))).toFixed(0)}`;
        const rest = notext ? [] : [...a.children].slice(1);
        if (rest.length) { const w = document.createElementNS(NS, 'g'); w.dataset.k = k; w.append(...rest.map((e) => e.cloneNode(true))); texts.append(w); }
        if (k.startsWith('#')) items.push([k, a.getAttribute('aria-label')]);
      }
      for (const [kind, path] of Object.entries(d)) { const p = document.createElementNS(NS, 'path'); p.setAttribute('class', `floor-${kind}`); p.setAttribute('d', path || 'M0 0'); box.append(p); }
      lane.append(box, texts); lanes.append(lane);
    }
    return { svg, items };
  }
  const listed = (items) => items.map(([href, name]) => { const li = document.createElement('li'); const a = document.createElement('a'); a.href = href; a.textContent = name; a.tabIndex = -1; li.append(a); return [href, li]; });
  let b1;
  const B = {
    setup() { const b = drawB(a0); host.replaceChildren(b.svg); links.replaceChildren(...listed(b.items).map(([, li]) => li)); },
    plan() {
      b1 ??= drawB(a1);
      const ops = []; const svg = host.firstElementChild; const next = b1.svg;
      frame(svg, next, ops);
      const N = [...next.querySelectorAll('g.lanes > g.lane')];
      [...svg.querySelectorAll('g.lanes > g.lane')].forEach((g, i) => {
        const t = N[i].getAttribute('transform'); if (g.getAttribute('transform') !== t) ops.push(() => g.setAttribute('transform', t));
        const paths = N[i].querySelectorAll('path');
        g.querySelectorAll('path').forEach((p, j) => { const d = paths[j].getAttribute('d'); if (p.getAttribute('d') !== d) ops.push(() => p.setAttribute('d', d)); });
        const [lt, nt] = [g.querySelector('g.texts'), N[i].querySelector('g.texts')];
        rekey(lt, [...lt.children].map((w) => [w.dataset.k, w]), [...nt.children].map((w) => [w.dataset.k, w]), ops);
      });
      rekey(links, [...links.children].map((li) => [li.firstChild.getAttribute('href'), li]), listed(b1.items), ops);
      return ops;
    },
  };
  const frames = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  const rest = () => new Promise((r) => setTimeout(r, 30));
  const timed = (ops) => new Promise((done) => {
    const start = performance.now();
    for (const op of ops) op();
    requestAnimationFrame(() => { const c = new MessageChannel(); c.port1.onmessage = () => done(performance.now() - start); c.port2.postMessage(0); });
  });
  window.floorRun = async (reps) => {
    const out = { A: [], B: [], ops: {}, elements: {} };
    for (let i = 0; i < reps; i++) {
      for (const [name, v] of [['A', A], ['B', B]]) {
        v.setup(); await frames(); await rest();
        const ops = v.plan(); out.ops[name] = ops.length;
        out.elements[name] = host.querySelectorAll('*').length + links.querySelectorAll('*').length;
        await rest();
        out[name].push(await timed(ops));
      }
    }
    return out;
  };
})();
