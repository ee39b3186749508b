// The peers of Dossier's timeline chart, given the same events: vis-timeline 8.5 (an item
// per event and lane actor, a group per actor, as Dossier draws an event in every lane of
// its actors) and TimelineJS3 3.9 (a slide per event; it has no groups and no filter).
// Every figure is from the input to the frame after it is painted (requestAnimationFrame,
// then a message posted from it: the task after the paint).

// Days as Dates: a day, a range's ends, a month or a year as the whole span it could be.
function span(date) {
  const [y, m, d] = date.start.split('-').map(Number);
  const start = new Date(Date.UTC(y, (m ?? 1) - 1, d ?? 1));
  let end;
  if (date.precision === 'range' && date.end) {
    const [ey, em, ed] = date.end.split('-').map(Number);
    end = new Date(Date.UTC(ey, (em ?? 12) - 1, (ed ?? 28) + 1));
  } else if (d) {
    end = null;
  } else if (m) {
    end = new Date(Date.UTC(y, m, 1));
  } else {
    end = new Date(Date.UTC(y + 1, 0, 1));
  }
  return { start, end };
}

const afterPaint = () => new Promise((done) => requestAnimationFrame(() => {
  const channel = new MessageChannel();
  channel.port1.onmessage = () => done(performance.now());
  channel.port2.postMessage(0);
}));

async function load() {
  // ?data=1000: the data folder's files copied under that name by .ci/bench.
  const dir = new URLSearchParams(location.search).get('data') ?? '.';
  const [events, actors] = await Promise.all(['events.json', 'actors.json'].map((f) => fetch(`${dir}/${f}`).then((r) => r.json())));
  return { events, actors };
}

// vis-timeline: first draw, filtering to one actor's group and back, one zoom step.
// Results are handed to the runner as they come (window.benchReport, a binding the runner
// exposes), so a peer too slow to finish every run in the runner's time, or blocking the
// page when that time is up, is reported with the runs it did.
const report = (progress) => window.benchReport?.(JSON.stringify(progress));
window.benchVis = async (lanes, reps) => {
  const { events } = await load();
  const lane = lanes.map((_, k) => `speaker-${k}`);
  const items = [];
  for (const e of events) {
    const { start, end } = span(e.date);
    for (const a of new Set(e.actors.map((x) => x.id))) {
      if (!lane.includes(a)) continue;
      items.push(end ? { id: `${e.id}:${a}`, group: a, content: e.title, start, end, type: 'range' }
        : { id: `${e.id}:${a}`, group: a, content: e.title, start, type: 'point' });
    }
  }
  const groups = new vis.DataSet(lane.map((id, k) => ({ id, content: lanes[k], visible: true })));
  const data = new vis.DataSet(items);
  const el = document.getElementById('chart');
  const t0 = performance.now();
  report({ items: items.length });
  const timeline = new vis.Timeline(el, data, groups, { stack: true, height: '720px', zoomMin: 86400000 });
  await new Promise((done) => timeline.once('changed', done));
  const firstDraw = (await afterPaint()) - t0;
  const filter = []; const unfilter = []; const zoom = [];
  const progress = { items: items.length, firstDraw, filter, unfilter, zoom };
  report(progress);
  const redraw = async (action) => {
    const start = performance.now();
    const changed = new Promise((done) => timeline.once('changed', done));
    action();
    await changed;
    return (await afterPaint()) - start;
  };
  for (let i = 0; i < reps; i++) {
    const keep = lane[(i * 7) % lane.length];
    filter.push(await redraw(() => groups.update(lane.map((id) => ({ id, visible: id === keep })))));
    unfilter.push(await redraw(() => groups.update(lane.map((id) => ({ id, visible: true })))));
    zoom.push(await redraw(() => timeline.zoomIn(0.5, { animation: false })));
    report(progress);
    await redraw(() => timeline.fit({ animation: false }));
  }
  timeline.destroy();
  return { items: items.length, firstDraw, filter, unfilter, zoom };
};

// TimelineJS3: first draw (to its "ready" and the frame after), one zoom step.
window.benchTimelineJS = async (reps) => {
  const { events } = await load();
  const slides = events.map((e) => {
    const { start, end } = span(e.date);
    const at = (d) => ({ year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() });
    return { start_date: at(start), ...(end ? { end_date: at(new Date(end - 86400000)) } : {}), text: { headline: e.title }, group: e.actors[0]?.id };
  });
  const t0 = performance.now();
  report({ items: slides.length });
  const tl = new TL.Timeline('chart', { events: slides }, { hash_bookmark: false, initial_zoom: 1 });
  await new Promise((done) => tl.on('ready', done));
  const firstDraw = (await afterPaint()) - t0;
  const zoom = [];
  const progress = { items: slides.length, firstDraw, zoom };
  report(progress);
  for (let i = 0; i < reps; i++) {
    const start = performance.now();
    tl.zoomIn();
    zoom.push((await afterPaint()) - start);
    report(progress);
    tl.zoomOut();
    await afterPaint();
  }
  return { items: slides.length, firstDraw, zoom };
};
