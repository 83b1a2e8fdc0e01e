// VibeCoder dashboard: polls the JSON API under ./api/ about once a second and draws tables and SVG charts.
// Every URL is relative to the page, so the dashboard works under any path prefix. Text from the server is only
// ever set as textContent (grain keys, log messages and state are data, never markup).
'use strict';

(() => {
  const SVG = 'http://www.w3.org/2000/svg';
  const state = {
    tab: 'overview',
    token: null,
    activeType: null,
    activeOffset: 0,
    activePageSize: 50,
    selectedGrain: null,
    expandedTypes: new Set(),
    logNext: 0,
    logEntries: [],
    failures: 0,
  };

  // ---- access token: taken from ?token= once, kept for the tab's session, removed from the address bar ----
  (() => {
    const params = new URLSearchParams(location.search);
    const fromUrl = params.get('token');
    if (fromUrl) {
      sessionStorage.setItem('vibecoder.dashboard.token', fromUrl);
      params.delete('token');
      const rest = params.toString();
      history.replaceState(null, '', location.pathname + (rest ? '?' + rest : '') + location.hash);
    }
    state.token = sessionStorage.getItem('vibecoder.dashboard.token');
  })();

  async function api(path) {
    const headers = { Accept: 'application/json' };
    if (state.token) headers.Authorization = 'Bearer ' + state.token;
    const response = await fetch('api/' + path, { headers, cache: 'no-store' });
    if (!response.ok) {
      let detail = response.statusText;
      try { detail = (await response.json()).title || detail; } catch { /* not JSON */ }
      const error = new Error(response.status + ' ' + detail);
      error.status = response.status;
      throw error;
    }
    return response.json();
  }

  // ---- small DOM helpers ----
  function el(tag, props, ...children) {
    const node = document.createElement(tag);
    if (props) {
      for (const [key, value] of Object.entries(props)) {
        if (value === undefined || value === null) continue;
        if (key === 'class') node.className = value;
        else if (key === 'text') node.textContent = value;
        else if (key.startsWith('data-')) node.setAttribute(key, value);
        else if (key === 'title') node.title = value;
        else node[key] = value;
      }
    }
    for (const child of children) {
      if (child === null || child === undefined) continue;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }
  const $ = (selector) => document.querySelector(selector);
  const td = (text, cls) => el('td', { class: cls, text: text });
  const num = (text) => td(text, 'num');

  function fillBody(table, rows, columns, emptyText) {
    const body = $(table + ' tbody');
    if (rows.length === 0) {
      body.replaceChildren(el('tr', null, el('td', { class: 'empty', colSpan: columns, text: emptyText })));
      return;
    }
    body.replaceChildren(...rows);
  }

  function bar(fraction, bad) {
    const fill = el('span');
    fill.style.width = Math.max(0, Math.min(100, fraction * 100)).toFixed(1) + '%';
    return el('div', { class: bad ? 'bar bad' : 'bar' }, fill);
  }

  // ---- formatting ----
  const fmtInt = (n) => Math.round(n).toLocaleString('en-US');
  function fmtNum(n) {
    if (n >= 1e6) return (n / 1e6).toFixed(2) + ' M';
    if (n >= 1e4) return (n / 1e3).toFixed(1) + ' k';
    if (n >= 100) return Math.round(n).toString();
    return n.toFixed(n >= 10 ? 1 : 2).replace(/\.?0+$/, '') || '0';
  }
  function fmtMs(ms) {
    if (!ms) return '–';
    if (ms < 1) return (ms * 1000).toFixed(ms < 0.01 ? 1 : 0) + ' µs';
    if (ms < 1000) return ms.toFixed(ms < 10 ? 2 : 1) + ' ms';
    return (ms / 1000).toFixed(2) + ' s';
  }
  function fmtBytes(b) {
    if (b >= 1 << 30) return (b / (1 << 30)).toFixed(2) + ' GiB';
    if (b >= 1 << 20) return (b / (1 << 20)).toFixed(0) + ' MiB';
    return (b / 1024).toFixed(0) + ' KiB';
  }
  function fmtDuration(seconds) {
    seconds = Math.max(0, Math.floor(seconds));
    const d = Math.floor(seconds / 86400), h = Math.floor(seconds % 86400 / 3600), m = Math.floor(seconds % 3600 / 60), s = seconds % 60;
    if (d) return `${d}d ${h}h`;
    if (h) return `${h}h ${m}m`;
    if (m) return `${m}m ${s}s`;
    return `${s}s`;
  }
  const fmtPct = (x) => (x * 100).toFixed(x < 0.01 && x > 0 ? 2 : 1) + ' %';
  const fmtTime = (iso) => new Date(iso).toLocaleTimeString('en-GB');
  const fmtDateTime = (iso) => { const d = new Date(iso); return d.toLocaleDateString('en-CA') + ' ' + d.toLocaleTimeString('en-GB'); };

  // ---- SVG line chart ----
  // Drawn in the element's own pixel size (the viewBox follows the width), so text is never stretched. The time
  // axis spans the data there is, from one to five minutes.
  function lineChart(svg, legend, samples, series, options = {}) {
    const W = Math.max(300, Math.round(svg.getBoundingClientRect().width) || 600), H = 180;
    const left = 58, right = 10, top = 10, bottom = 20;
    svg.setAttribute('viewBox', `0 0 ${W} ${H}`);
    svg.replaceChildren();
    const now = samples.length ? new Date(samples[samples.length - 1].at).getTime() : Date.now();
    const oldest = samples.length ? new Date(samples[0].at).getTime() : now;
    const span = Math.min(300, Math.max(60, Math.ceil((now - oldest) / 60000) * 60)); // seconds shown
    const format = options.format || fmtNum;
    let max = options.min || 0;
    for (const s of series) for (const p of samples) max = Math.max(max, s.value(p) || 0);
    max = niceCeiling(max || 1);
    const x = (t) => left + (W - left - right) * (1 - (now - t) / (span * 1000));
    const y = (v) => top + (H - top - bottom) * (1 - v / max);

    for (let i = 0; i <= 4; i++) {
      const v = max * i / 4;
      svg.append(svgEl('line', { x1: left, x2: W - right, y1: y(v), y2: y(v), class: 'grid' }));
      svg.append(svgEl('text', { x: left - 6, y: y(v) + 4, 'text-anchor': 'end', class: 'axis' }, format(v)));
    }
    const step = span <= 60 ? 15 : 60;
    for (let ago = span; ago >= 0; ago -= step) {
      const label = ago === 0 ? 'now' : ago % 60 === 0 ? `-${ago / 60}m` : `-${ago}s`;
      svg.append(svgEl('text', { x: x(now - ago * 1000), y: H - 4, 'text-anchor': ago === span ? 'start' : ago === 0 ? 'end' : 'middle', class: 'axis' }, label));
    }

    legend.replaceChildren();
    for (const s of series) {
      const points = samples
        .map((p) => [new Date(p.at).getTime(), s.value(p) || 0])
        .filter(([t]) => now - t <= span * 1000);
      if (points.length > 1) {
        const path = points.map(([t, v], i) => `${i ? 'L' : 'M'}${x(t).toFixed(1)},${y(v).toFixed(1)}`).join('');
        if (s.area) {
          svg.append(svgEl('path', { d: `${path}L${x(points[points.length - 1][0]).toFixed(1)},${y(0)}L${x(points[0][0]).toFixed(1)},${y(0)}Z`, class: `area ${s.color}` }));
        }
        svg.append(svgEl('path', { d: path, class: `series ${s.color}` }));
      }
      const last = samples.length ? s.value(samples[samples.length - 1]) : null;
      legend.append(el('span', null, el('span', { class: `swatch ${s.color}` }), s.label + ' ',
        el('b', { text: last === null ? '–' : format(last) })));
    }
    if (samples.length === 0) {
      svg.append(svgEl('text', { x: W / 2, y: H / 2, 'text-anchor': 'middle', class: 'axis' }, 'waiting for the first samples…'));
    }
  }
  function svgEl(tag, attrs, text) {
    const node = document.createElementNS(SVG, tag);
    for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
    if (text !== undefined) node.textContent = text;
    return node;
  }
  function niceCeiling(v) {
    const p = Math.pow(10, Math.floor(Math.log10(v)));
    for (const m of [1, 2, 2.5, 5, 10]) if (v <= m * p) return m * p;
    return 10 * p;
  }

  // ---- views ----
  async function refreshOverview() {
    const [o, history] = await Promise.all([api('overview'), api('history?seconds=300')]);
    $('#silo-name').textContent = o.siloName;
    $('#uptime').textContent = fmtDuration(o.uptimeSeconds);
    const pill = $('#profiling');
    pill.textContent = o.profiling ? 'profiling' : 'profiling off';
    pill.className = 'pill ' + (o.profiling ? 'on' : 'off');
    if (state.tab !== 'overview') return;

    $('#kpi-activations').textContent = fmtInt(o.activations);
    $('#kpi-calls').textContent = fmtNum(o.callsPerSecond);
    $('#kpi-errors').textContent = fmtPct(o.errorRate);
    $('#kpi-errors').classList.toggle('bad', o.errorRate > 0.01);
    $('#kpi-mean').textContent = fmtMs(o.meanLatencyMs);
    $('#kpi-p99').textContent = fmtMs(o.p99LatencyMs);
    $('#kpi-cpu').textContent = o.cpuPercent.toFixed(1) + ' %';
    $('#kpi-memory').textContent = fmtBytes(o.workingSetBytes);
    $('#kpi-queued').textContent = `${fmtInt(o.queuedRequests)} / ${fmtInt(o.reminders)}`;

    const maxActivations = Math.max(1, ...o.activationsByType.map((t) => t.activations));
    fillBody('#activations-table', o.activationsByType.map((t) =>
      el('tr', { 'data-type': t.grainType }, td(t.grainType, 'mono'), num(fmtInt(t.activations)), num(fmtInt(t.queuedRequests)),
        el('td', null, bar(t.activations / maxActivations)))), 4, 'No grain types hosted.');

    lineChart($('#chart-calls'), $('#legend-calls'), history, [
      { label: 'calls/s', color: 'c-accent', area: true, value: (p) => p.callsPerSecond },
      { label: 'errors/s', color: 'c-bad', value: (p) => p.errorsPerSecond },
    ]);
    lineChart($('#chart-latency'), $('#legend-latency'), history, [
      { label: 'p99', color: 'c-violet', value: (p) => p.p99LatencyMs },
      { label: 'mean', color: 'c-teal', value: (p) => p.meanLatencyMs },
    ], { format: fmtMs });
    lineChart($('#chart-cpu'), $('#legend-cpu'), history, [
      { label: 'CPU', color: 'c-warn', area: true, value: (p) => p.cpuPercent },
    ], { format: (v) => v.toFixed(0) + ' %', min: 10 });
    lineChart($('#chart-memory'), $('#legend-memory'), history, [
      { label: 'working set', color: 'c-ok', area: true, value: (p) => p.workingSetBytes / (1 << 20) },
    ], { format: (v) => fmtNum(v) + ' MiB' });
    lineChart($('#chart-activations'), $('#legend-activations'), history, [
      { label: 'activations', color: 'c-accent', area: true, value: (p) => p.activations },
    ], { format: (v) => fmtNum(Math.round(v)) });
  }

  async function refreshGrains() {
    const types = await api('grains');
    const body = [];
    for (const t of types) {
      const c = t.calls;
      const row = el('tr', { class: 'type-row', 'data-type': t.grainType, title: t.grainClass },
        td((state.expandedTypes.has(t.grainType) ? '▾ ' : '▸ ') + t.grainType, 'mono'),
        num(fmtInt(t.activations)), num(fmtInt(t.queuedRequests)), num(fmtInt(c.calls)), num(fmtNum(c.callsPerSecond)),
        el('td', { class: c.errors ? 'num error' : 'num', text: fmtInt(c.errors) }), num(fmtMs(c.meanLatencyMs)), num(fmtMs(c.p99LatencyMs)));
      row.addEventListener('click', () => {
        if (state.expandedTypes.has(t.grainType)) state.expandedTypes.delete(t.grainType); else state.expandedTypes.add(t.grainType);
        refreshGrains().catch(showError);
      });
      body.push(row);
      if (state.expandedTypes.has(t.grainType)) {
        if (t.methods.length === 0) body.push(el('tr', { class: 'method-row' }, el('td', { colSpan: 8, class: 'muted', text: 'no calls yet' })));
        for (const m of t.methods) {
          const mc = m.calls;
          body.push(el('tr', { class: 'method-row', 'data-method': `${t.grainType}.${m.method}` },
            td(`${m.interface}.${m.method}`, 'mono'), td(''), td(''), num(fmtInt(mc.calls)), num(fmtNum(mc.callsPerSecond)),
            el('td', { class: mc.errors ? 'num error' : 'num', text: fmtInt(mc.errors) }), num(fmtMs(mc.meanLatencyMs)), num(fmtMs(mc.p99LatencyMs))));
        }
      }
    }
    fillBody('#grain-types-table', body, 8, 'No grain types hosted.');

    const methods = types.flatMap((t) => t.methods.map((m) => ({ name: `${t.grainType} · ${m.interface}.${m.method}`, ...m.calls })));
    topList('#top-calls', methods.filter((m) => m.calls > 0).sort((a, b) => b.calls - a.calls), (m) => fmtInt(m.calls) + ' calls');
    topList('#top-errors', methods.filter((m) => m.errors > 0).sort((a, b) => b.errors - a.errors), (m) => `${fmtInt(m.errors)} (${fmtPct(m.errors / m.calls)})`);
    topList('#top-latency', methods.filter((m) => m.calls > 0).sort((a, b) => b.p99LatencyMs - a.p99LatencyMs), (m) => fmtMs(m.p99LatencyMs));
  }

  function topList(selector, items, figure) {
    const list = $(selector);
    const top = items.slice(0, 8);
    if (top.length === 0) { list.replaceChildren(el('li', { class: 'muted', text: 'nothing yet' })); return; }
    list.replaceChildren(...top.map((m) => el('li', null, el('span', { class: 'name', text: m.name, title: m.name }), el('span', { class: 'fig', text: figure(m) }))));
  }

  async function refreshActive() {
    const overview = await api('overview');
    const select = $('#active-type');
    const types = overview.activationsByType.map((t) => t.grainType).sort();
    if (select.options.length !== types.length || types.some((t, i) => select.options[i].value !== t)) {
      select.replaceChildren(...overview.activationsByType.slice().sort((a, b) => a.grainType.localeCompare(b.grainType))
        .map((t) => el('option', { value: t.grainType, text: `${t.grainType} (${t.activations})` })));
    } else {
      for (const t of overview.activationsByType) {
        const option = [...select.options].find((o) => o.value === t.grainType);
        if (option) option.textContent = `${t.grainType} (${t.activations})`;
      }
    }
    if (!state.activeType || !types.includes(state.activeType)) {
      const busiest = overview.activationsByType.find((t) => t.activations > 0) || overview.activationsByType[0];
      state.activeType = busiest ? busiest.grainType : null;
    }
    if (!state.activeType) return;
    select.value = state.activeType;
    const page = await api(`grains/${encodeURIComponent(state.activeType)}/activations?offset=${state.activeOffset}&limit=${state.activePageSize}`);
    const end = Math.min(page.offset + page.grains.length, page.total);
    $('#active-total').textContent = page.total ? `${page.offset + 1}–${end} of ${fmtInt(page.total)}` : 'none active';
    $('#active-prev').disabled = page.offset === 0;
    $('#active-next').disabled = end >= page.total;
    fillBody('#active-table', page.grains.map((g) => {
      const row = el('tr', { 'data-grain': g.grainId, class: g.grainId === state.selectedGrain ? 'selected' : '' },
        td(g.grainId, 'mono'), td(g.state), num(g.running), num(g.queuedRequests), num(fmtDuration(g.idleSeconds)));
      row.addEventListener('click', () => { $('#state-grain-id').value = g.grainId; loadState(g.grainId); });
      return row;
    }), 5, 'No active grains of this type.');
  }

  async function loadState(grainId) {
    state.selectedGrain = grainId;
    for (const row of document.querySelectorAll('#active-table tbody tr')) row.classList.toggle('selected', row.dataset.grain === grainId);
    const view = $('#state-view');
    view.replaceChildren(el('p', { class: 'muted', text: 'loading…' }));
    try {
      const s = await api('state?id=' + encodeURIComponent(grainId));
      $('#state-meta').textContent = `${s.grainClass} · ${s.isActive ? 'active now' : 'not active'}`;
      if (s.states.length === 0) {
        view.replaceChildren(el('p', { class: 'muted', text: 'This grain class declares no persistent state.' }));
        return;
      }
      view.replaceChildren(...s.states.map((p) => el('div', { class: 'state-block', 'data-state': p.stateName },
        el('h3', null, p.stateName + ' ', el('span', { class: 'muted', text: `· ${p.storageName} · ${p.stateType.split('.').pop()} · ${p.recordExists ? 'etag ' + p.eTag : 'no record stored'}` })),
        p.error ? el('p', { class: 'error', text: p.error }) : jsonBlock(p.state))));
    } catch (error) {
      $('#state-meta').textContent = '';
      view.replaceChildren(el('p', { class: 'error', text: error.message }));
    }
  }

  // Pretty JSON with token colours, built from text nodes (no markup from the server).
  function jsonBlock(value) {
    const pre = el('pre', { class: 'json' });
    if (value === null || value === undefined) { pre.textContent = 'null'; return pre; }
    const text = JSON.stringify(value, null, 2);
    const pattern = /("(?:\\.|[^"\\])*")(\s*:)?|\b(true|false|null)\b|(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)/g;
    let last = 0;
    for (const match of text.matchAll(pattern)) {
      pre.append(text.slice(last, match.index));
      if (match[1]) {
        pre.append(el('span', { class: match[2] ? 'k' : 's', text: match[1] }));
        if (match[2]) pre.append(match[2]);
      } else if (match[3]) pre.append(el('span', { class: 'b', text: match[3] }));
      else pre.append(el('span', { class: 'n', text: match[4] }));
      last = match.index + match[0].length;
    }
    pre.append(text.slice(last));
    return pre;
  }

  async function refreshStreams() {
    const response = await api('streams');
    $('#streams-unavailable').hidden = response.available;
    $('#streams-content').hidden = !response.available;
    if (!response.available) return;
    fillBody('#stream-providers', response.providers.map((p) => el('tr', { 'data-provider': p.name },
      td(p.name + (p.isDurable ? ' (durable)' : ' (memory)'), 'mono'), td(p.storage),
      num(fmtInt(p.published)), num(fmtInt(p.delivered)), el('td', { class: p.failedAttempts ? 'num error' : 'num', text: fmtInt(p.failedAttempts) }),
      el('td', { class: p.deadLetters ? 'num error' : 'num', text: fmtInt(p.deadLetters) }), el('td', { class: p.lag ? 'num error' : 'num', text: fmtInt(p.lag) }))), 7, 'No providers.');
    const rows = [];
    for (const p of response.providers) {
      for (const s of p.streams) {
        const stream = `${s.id.namespace}/${s.id.key}`;
        const subscriptions = s.subscriptions.length ? s.subscriptions : [null];
        for (const sub of subscriptions) {
          rows.push(el('tr', { 'data-stream': stream }, td(p.name), td(stream, 'mono'), num(fmtInt(s.head)),
            td(sub ? sub.subscriber : '–', 'mono'), td(sub ? sub.kind + (sub.attached ? '' : ' (detached)') : ''), td(sub && sub.target ? sub.target : '', 'mono'),
            num(sub ? fmtInt(sub.position) : ''), el('td', { class: sub && sub.lag ? 'num error' : 'num', text: sub ? fmtInt(sub.lag) : '' })));
        }
      }
    }
    fillBody('#stream-subscriptions', rows, 8, 'No streams active in this silo.');
    fillBody('#stream-dead-letters', response.deadLetters.map((d) => el('tr', null, td(fmtDateTime(d.failedAt)), td(d.provider), td(d.stream, 'mono'),
      num(d.sequence), td(d.subscriber, 'mono'), num(d.attempts), el('td', { class: 'error', text: d.error, title: d.payloadPreview }))), 7, 'No dead letters.');
  }

  async function refreshReminders() {
    const reminders = await api('reminders?limit=500');
    $('#reminder-count').textContent = `(${reminders.length})`;
    fillBody('#reminders-table', reminders.map((r) => el('tr', null, td(r.grainId, 'mono'), td(r.name, 'mono'),
      td(fmtDuration(r.periodSeconds)), td(fmtDateTime(r.nextDueAt)), td(fmtDateTime(r.startAt)))), 5, 'No reminders armed.');
  }

  async function refreshPipeline() {
    const response = await api('pipeline');
    $('#pipeline-unavailable').hidden = response.available;
    $('#pipeline-content').hidden = !response.available;
    if (!response.available) return;
    const p = response.snapshot;
    $('#pipeline-inflight').textContent = `(${fmtInt(p.inFlight)} in flight)`;
    const statuses = Object.entries(p.jobsByStatus);
    const maxJobs = Math.max(1, ...statuses.map(([, n]) => n));
    fillBody('#pipeline-status', statuses.map(([status, n]) => el('tr', { 'data-status': status }, td(status), num(fmtInt(n)),
      el('td', null, bar(n / maxJobs, status === 'Failed' || status === 'failed')))), 3, 'No jobs yet.');
    const maxMean = Math.max(1e-9, ...p.steps.map((s) => s.meanMs));
    fillBody('#pipeline-steps', p.steps.map((s) => el('tr', null, td(s.step), num(fmtInt(s.count)),
      el('td', { class: s.failures ? 'num error' : 'num', text: fmtInt(s.failures) }), num(fmtMs(s.meanMs)), num(fmtMs(s.maxMs)),
      el('td', null, bar(s.meanMs / maxMean)))), 6, 'No steps ran yet.');
    fillBody('#pipeline-failures', p.recentFailures.map((f) => el('tr', null, td(fmtDateTime(f.at)), td(f.jobId, 'mono'), td(f.topic),
      td(f.step || '–'), td(f.error, 'error'))), 5, 'No failures.');
  }

  const LEVELS = { Trace: 0, Debug: 1, Information: 2, Warning: 3, Error: 4, Critical: 5 };
  const LEVEL_SHORT = { Trace: 'trce', Debug: 'dbug', Information: 'info', Warning: 'warn', Error: 'fail', Critical: 'crit' };
  async function refreshLogs() {
    const response = await api(`logs?after=${state.logNext}&limit=500`);
    if (response.entries.length) {
      state.logEntries.push(...response.entries);
      if (state.logEntries.length > 2000) state.logEntries.splice(0, state.logEntries.length - 2000);
      state.logNext = response.next;
      renderLogs();
    }
  }
  function renderLogs() {
    const view = $('#log-view');
    const minLevel = Number($('#log-level').value);
    const filter = $('#log-filter').value.trim().toLowerCase();
    const lines = state.logEntries
      .filter((e) => (LEVELS[e.level] ?? 2) >= minLevel)
      .filter((e) => !filter || `${e.message} ${e.category} ${e.correlationId || ''} ${e.traceId || ''}`.toLowerCase().includes(filter))
      .slice(-800)
      .map((e) => el('div', { class: 'log-line' },
        el('span', { class: 't', text: fmtTime(e.timestamp) + ' ' }),
        el('span', { class: `lv lv-${e.level}`, text: LEVEL_SHORT[e.level] || e.level }),
        el('span', { class: 'cat', text: e.category.split('.').pop() + ' ', title: e.category }),
        e.correlationId ? el('span', { class: 'cid', text: `[${e.correlationId.slice(0, 12)}] `, title: `correlation ${e.correlationId}, trace ${e.traceId || '–'}` }) : null,
        e.message,
        e.exception ? el('span', { class: 'ex', text: e.exception }) : null));
    view.replaceChildren(...(lines.length ? lines : [el('div', { class: 'muted', text: 'No log events yet.' })]));
    if ($('#log-follow').checked) view.scrollTop = view.scrollHeight;
  }

  // ---- loop ----
  const refreshers = { overview: refreshOverview, grains: refreshGrains, active: refreshActive, streams: refreshStreams, reminders: refreshReminders, pipeline: refreshPipeline, logs: refreshLogs };
  let busy = false;
  async function tick() {
    if (busy) return;
    busy = true;
    try {
      const jobs = [refreshOverview()];
      if (state.tab !== 'overview') jobs.push(refreshers[state.tab]());
      if (state.tab !== 'logs') jobs.push(refreshLogs());
      await Promise.all(jobs);
      $('#updated').textContent = new Date().toLocaleTimeString('en-GB');
      $('#error-banner').hidden = true;
      state.failures = 0;
    } catch (error) {
      showError(error);
    } finally {
      busy = false;
    }
  }
  function showError(error) {
    state.failures++;
    const banner = $('#error-banner');
    banner.textContent = error.status === 401 ? 'Credentials are required: open the dashboard with ?token=… or sign in.'
      : error.status === 403 ? 'This dashboard only answers loopback clients unless credentials are configured.'
      : `Cannot reach the silo (${error.message}); retrying.`;
    banner.hidden = false;
  }

  function showTab(name) {
    state.tab = name;
    for (const button of document.querySelectorAll('.tabs button')) button.classList.toggle('active', button.dataset.tab === name);
    for (const section of document.querySelectorAll('.tab')) section.classList.toggle('active', section.id === 'tab-' + name);
    if (location.hash !== '#' + name) history.replaceState(null, '', '#' + name);
    tick();
  }

  document.addEventListener('DOMContentLoaded', () => {
    for (const button of document.querySelectorAll('.tabs button')) button.addEventListener('click', () => showTab(button.dataset.tab));
    $('#active-type').addEventListener('change', (e) => { state.activeType = e.target.value; state.activeOffset = 0; refreshActive().catch(showError); });
    $('#active-prev').addEventListener('click', () => { state.activeOffset = Math.max(0, state.activeOffset - state.activePageSize); refreshActive().catch(showError); });
    $('#active-next').addEventListener('click', () => { state.activeOffset += state.activePageSize; refreshActive().catch(showError); });
    $('#state-form').addEventListener('submit', (e) => { e.preventDefault(); const id = $('#state-grain-id').value.trim(); if (id) loadState(id); });
    $('#log-level').addEventListener('change', renderLogs);
    $('#log-filter').addEventListener('input', renderLogs);
    $('#log-clear').addEventListener('click', () => { state.logEntries = []; renderLogs(); });
    const initial = location.hash.slice(1);
    showTab(refreshers[initial] ? initial : 'overview');
    setInterval(tick, 1000);
  });
})();
