// The ops page: polls its JSON API (relative URLs, so a path prefix survives) and fills the tables.
// Server text is only ever set as text, never as markup.
'use strict';

const refreshMs = 5000;

function cell(row, text, className) {
  const td = document.createElement('td');
  td.textContent = text === null || text === undefined ? '' : String(text);
  if (className) td.className = className;
  row.appendChild(td);
  return td;
}

function fillRows(table, items, fill) {
  const body = table.querySelector('tbody');
  body.replaceChildren(...items.map(item => {
    const row = document.createElement('tr');
    fill(row, item);
    return row;
  }));
}

function when(iso) {
  const date = new Date(iso);
  return isNaN(date) ? iso : date.toLocaleString();
}

function number(value, digits) {
  return Number(value).toLocaleString(undefined, { maximumFractionDigits: digits ?? 0 });
}

async function getJson(path, init) {
  const response = await fetch(path, { credentials: 'same-origin', headers: { Accept: 'application/json' }, ...init });
  const body = await response.json().catch(() => null);
  if (!response.ok) {
    throw new Error(body && body.title ? body.title : `HTTP ${response.status}`);
  }
  return body;
}

// A section shows its data, or the server's reason for having none.
function showSection(section, answer) {
  const note = section.querySelector('.unavailable');
  const content = section.querySelector('.content');
  note.hidden = answer.available;
  note.textContent = answer.available ? '' : answer.reason;
  content.hidden = !answer.available;
  return answer.available;
}

function showJob(jobId) {
  document.getElementById('journal-job').value = jobId;
  loadJournal(jobId);
}

async function loadPipeline() {
  const section = document.getElementById('pipeline');
  const answer = await getJson('api/pipeline');
  if (!showSection(section, answer)) return;
  const data = answer.data;
  document.getElementById('in-flight').textContent = number(data.inFlight);
  fillRows(document.getElementById('jobs-by-status'), Object.entries(data.jobsByStatus), (row, [status, count]) => {
    row.dataset.status = status;
    cell(row, status);
    cell(row, number(count), 'num');
  });
  fillRows(document.getElementById('steps'), data.steps, (row, step) => {
    row.dataset.step = step.step;
    cell(row, step.step);
    cell(row, number(step.count), 'num');
    cell(row, number(step.failures), 'num');
    cell(row, number(step.meanMs, 1), 'num');
    cell(row, number(step.maxMs, 1), 'num');
  });
  fillRows(document.getElementById('failures'), data.recentFailures, (row, failure) => {
    row.dataset.job = failure.jobId;
    cell(row, when(failure.at));
    const jobCell = cell(row, '');
    const link = document.createElement('button');
    link.type = 'button';
    link.className = 'link';
    link.textContent = failure.jobId;
    link.title = 'Show this job\'s event journal';
    link.addEventListener('click', () => showJob(failure.jobId));
    jobCell.appendChild(link);
    cell(row, failure.topic);
    cell(row, failure.step);
    cell(row, failure.error, 'error');
  });
}

async function redrive(id, button) {
  const status = document.getElementById('redrive-status');
  button.disabled = true;
  try {
    await getJson(`api/dead-letters/${encodeURIComponent(id)}/redrive`, { method: 'POST', headers: { Accept: 'application/json', 'X-Ops-Request': '1' } });
    status.textContent = `Re-drove ${id}.`;
    await loadDeadLetters();
  } catch (error) {
    status.textContent = `Re-drive of ${id} failed: ${error.message}`;
    button.disabled = false;
  }
}

async function loadDeadLetters() {
  const section = document.getElementById('dead-letters');
  const answer = await getJson('api/dead-letters?limit=100');
  if (!showSection(section, answer)) return;
  const items = answer.data.items;
  document.getElementById('dead-letters-empty').hidden = items.length > 0;
  document.getElementById('dead-letter-table').hidden = items.length === 0;
  fillRows(document.getElementById('dead-letter-table'), items, (row, letter) => {
    row.dataset.id = letter.id;
    cell(row, when(letter.failedAt));
    cell(row, letter.stream);
    cell(row, letter.eventType);
    cell(row, letter.consumer);
    cell(row, number(letter.attempts), 'num');
    cell(row, letter.error, 'error');
    const action = cell(row, '');
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'redrive';
    button.textContent = 'Re-drive';
    button.addEventListener('click', () => redrive(letter.id, button));
    action.appendChild(button);
  });
}

async function loadJournal(jobId) {
  const section = document.getElementById('journal');
  const error = document.getElementById('journal-error');
  error.hidden = true;
  try {
    const answer = await getJson(`api/jobs/${encodeURIComponent(jobId)}/journal`);
    if (!showSection(section, answer)) return;
    fillRows(document.getElementById('journal-table'), answer.data.events, (row, entry) => {
      row.dataset.type = entry.type;
      cell(row, when(entry.timestamp));
      cell(row, entry.type);
      cell(row, entry.source);
      cell(row, entry.correlationId);
      const data = cell(row, '');
      const pre = document.createElement('pre');
      pre.textContent = JSON.stringify(entry.data, null, 2);
      data.appendChild(pre);
    });
  } catch (failure) {
    error.textContent = failure.message;
    error.hidden = false;
  }
}

async function refresh() {
  const results = await Promise.allSettled([loadPipeline(), loadDeadLetters()]);
  const failed = results.find(r => r.status === 'rejected');
  document.getElementById('updated').textContent = failed
    ? `Update failed: ${failed.reason.message}`
    : `Updated ${new Date().toLocaleTimeString()}`;
}

document.getElementById('journal-form').addEventListener('submit', event => {
  event.preventDefault();
  const jobId = document.getElementById('journal-job').value.trim();
  if (jobId) loadJournal(jobId);
});

// Remove a one-time ?token= from the address bar (the server answered it with a session cookie).
if (new URLSearchParams(location.search).has('token')) {
  history.replaceState(null, '', location.pathname);
}

async function start() {
  const features = await getJson('api/features').catch(() => null);
  if (features && !features.journal) {
    const section = document.getElementById('journal');
    document.getElementById('journal-form').hidden = true;
    showSection(section, { available: false, reason: 'not available on this storage' });
    return;
  }
  const requestedJob = new URLSearchParams(location.hash.slice(1)).get('job');
  if (requestedJob) showJob(requestedJob);
}

start();
refresh();
setInterval(() => { if (!document.hidden) refresh(); }, refreshMs);
