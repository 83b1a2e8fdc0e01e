// The preview page: create a carousel through the public API and follow it until it is done. Opened as
// /?job={id}#token={token} (the bot's /web link) it shows that carousel and, with a valid token, edits it (editor.js).
(() => {
  const $ = (id) => document.getElementById(id);
  const api = (path) => new URL(path.replace(/^\//, ''), document.baseURI).toString();
  const steps = { queued: 5, generating: 30, rendering: 60, delivering: 90, completed: 100, failed: 100, cancelled: 100 };
  const editor = window.CarouselEditor.create({ api, onJob: (job) => render(job) });
  let timer = null;

  async function loadThemes() {
    const response = await fetch(api('api/themes'));
    const names = await response.json();
    $('theme').innerHTML = names.map((n) => `<option value="${n}">${n}</option>`).join('');
  }

  function showError(message) {
    $('error').textContent = message;
    $('error').hidden = !message;
  }

  async function create(event) {
    event.preventDefault();
    showError('');
    $('submit').disabled = true;
    try {
      const response = await fetch(api('api/carousels'), { method: 'POST', ...requestBody() });
      const data = await response.json();
      if (!response.ok) {
        const details = data.errors ? Object.values(data.errors).flat().join(' ') : (data.detail || data.title);
        showError(details || 'Something went wrong.');
        $('submit').disabled = false;
        return;
      }
      editor.remember(data.id, data.edit && data.edit.token);
      start(data.id);
    } catch (error) {
      showError('The server did not answer. Is it running?');
      $('submit').disabled = false;
    }
  }

  // JSON, or multipart when a photo is chosen (the browser sets the multipart boundary itself).
  function requestBody() {
    const photo = $('background').files[0];
    if (!photo) {
      const body = { topic: $('topic').value, slides: Number($('slides').value), theme: $('theme').value, language: $('language').value };
      return { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
    }

    const form = new FormData();
    form.append('topic', $('topic').value);
    form.append('slides', $('slides').value);
    form.append('theme', $('theme').value);
    form.append('language', $('language').value);
    form.append('focus', $('focus').value);
    form.append('allSlides', $('all-slides').checked ? 'true' : 'false');
    form.append('background', photo, photo.name);
    return { body: form };
  }

  function start(id) {
    $('job').hidden = false;
    $('job').dataset.id = id;
    $('result').hidden = true;
    $('slides-grid').innerHTML = '';
    $('title').textContent = '';
    clearTimeout(timer);
    poll(id);
  }

  async function poll(id) {
    const response = await fetch(api(`api/carousels/${id}`));
    if (!response.ok) { showError('The carousel was not found.'); $('submit').disabled = false; return; }
    const job = await response.json();
    render(job);
    if (['completed', 'failed', 'cancelled'].includes(job.status)) {
      $('submit').disabled = false;
      return;
    }
    timer = setTimeout(() => poll(id), 250);
  }

  function render(job) {
    const label = $('status-label');
    label.textContent = job.status;
    label.className = `badge ${job.status}`;
    let percent = steps[job.status] ?? 0;
    let text = job.status === 'rendering' ? `drawing ${job.renderedSlides}/${job.slideCount}` : job.step ?? '';
    if (job.status === 'rendering' && job.slideCount) {
      percent = 40 + Math.round(50 * job.renderedSlides / job.slideCount);
    }
    $('progress-bar').style.width = `${percent}%`;
    $('progress-text').textContent = job.status === 'failed' ? job.error : (job.notice ?? text);
    $('title').textContent = job.title ?? job.topic;
    if (job.status === 'failed') { showError(job.error || 'The carousel could not be made.'); }
    if (job.status === 'completed') {
      editor.setJob(job);
      const grid = $('slides-grid');
      const count = job.slides.length;
      grid.innerHTML = job.slides.map((s) => editor.slideHtml(s, count) ?? `
        <figure class="slide" data-index="${s.index}">
          <img src="${api(s.imageUrl)}" alt="Slide ${s.index}: ${escapeHtml(s.heading)}" loading="lazy">
          <figcaption class="meta">${s.index}. ${escapeHtml(s.heading)}</figcaption>
        </figure>`).join('');
      $('caption').textContent = job.caption ?? '';
      $('hashtags').textContent = (job.hashtags ?? []).join(' ');
      // The revision in the address makes the browser fetch the archive again after an edit (the server ignores it).
      $('zip').href = api(`api/carousels/${job.id}/archive.zip?rev=${job.revision ?? 0}`);
      $('pdf').href = api(`api/carousels/${job.id}/archive.pdf?rev=${job.revision ?? 0}`);
      $('result').hidden = false;
    }
  }

  function escapeHtml(text) {
    return String(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
  }

  // Admins (loopback, or when credentials are configured and may be entered) get a link to the ops page.
  async function showOpsLink() {
    const response = await fetch(api('ops/api/access'), { credentials: 'same-origin' }).catch(() => null);
    const access = response && response.ok ? await response.json() : null;
    $('ops-link').hidden = !(access && (access.allowed || access.credentialsRequired));
  }

  $('create').addEventListener('submit', create);
  editor.bind($('slides-grid'));
  loadThemes();
  showOpsLink();
  const linked = new URLSearchParams(location.search).get('job');
  if (linked && /^[0-9a-f]{32}$/.test(linked)) {
    editor.useLink(linked);
    start(linked);
  }
})();
