// The page editor: with a carousel's edit token (from a signed link, or from creating it here) its slides' words can be
// changed in place, slides dragged to new positions, rewritten, removed, and edits undone. Every change goes to the edit
// API with the revision the page shows (If-Match), so an edit made elsewhere meanwhile is reported, never overwritten.
window.CarouselEditor = (() => {
  const storageKey = (id) => `vibecoder.edit-token.${id}`;

  function create({ api, onJob }) {
    const $ = (id) => document.getElementById(id);
    let job = null;
    let token = null;
    let busy = false;
    let dragFrom = null;

    // The token arrives in the fragment (#token=…), which browsers send neither to servers nor in Referer. It is kept
    // for this tab only and taken out of the address bar, so a copied address does not hand out the right to edit.
    function useLink(jobId) {
      const fragment = new URLSearchParams(location.hash.replace(/^#/, ''));
      const fromLink = fragment.get('token');
      if (fromLink) {
        remember(jobId, fromLink);
        history.replaceState(null, '', location.pathname + location.search);
      }
    }

    function remember(jobId, value) {
      if (!jobId || !value) { return; }
      try { sessionStorage.setItem(storageKey(jobId), value); } catch { /* storage off: the token lives in memory only */ }
      token = value;
    }

    function tokenFor(jobId) {
      try { return sessionStorage.getItem(storageKey(jobId)) ?? (job && job.id === jobId ? token : null); } catch { return token; }
    }

    function setJob(next) {
      job = next;
      token = tokenFor(next.id);
      const enabled = canEdit();
      $('editor-bar').hidden = !enabled;
      $('undo').disabled = !enabled || !next.undoDepth;
    }

    function canEdit() { return Boolean(job && job.status === 'completed' && token); }

    function slideHtml(slide, count) {
      if (!canEdit()) { return null; }
      const fixed = slide.index === 1 || slide.index === count;
      return `
        <figure class="slide editable" data-index="${slide.index}" draggable="${fixed ? 'false' : 'true'}">
          <img src="${api(slide.imageUrl)}" alt="Slide ${slide.index}: ${escapeHtml(slide.heading)}" draggable="false">
          <div class="text">
            <div class="edit-heading" contenteditable="plaintext-only" spellcheck="true" data-part="heading" title="Click to edit the heading">${escapeHtml(slide.heading)}</div>
            <div class="edit-body" contenteditable="plaintext-only" spellcheck="true" data-part="body" title="Click to edit the text">${escapeHtml(slide.body)}</div>
          </div>
          <div class="tools">
            <button type="button" class="rewrite" title="Let the writer rewrite this slide">✨ Rewrite</button>
            ${fixed ? '' : '<button type="button" class="remove" title="Remove this slide">🗑 Remove</button>'}
          </div>
        </figure>`;
    }

    function showError(message) {
      $('edit-error').textContent = message;
      $('edit-error').hidden = !message;
    }

    function showStatus(message) { $('edit-status').textContent = message; }

    async function send(method, path, body, figure) {
      if (!canEdit()) { return; }
      if (busy) {
        showError('Still saving the last change; make this one again in a moment.');
        return;
      }
      busy = true;
      $('job').setAttribute('aria-busy', 'true');
      if (figure) { figure.classList.add('busy'); }
      showError('');
      showStatus('Saving…');
      try {
        const response = await fetch(api(`api/carousels/${job.id}${path}`), {
          method,
          headers: { 'content-type': 'application/json', 'x-edit-token': token, 'if-match': `"${job.revision}"` },
          body: body === undefined ? undefined : JSON.stringify(body),
        });
        const data = await response.json().catch(() => ({}));
        if (response.ok) {
          showStatus(`Saved — version ${data.revision}`);
          onJob(data);
          return;
        }

        showStatus('');
        if (response.status === 412) {
          showError('Someone changed this carousel meanwhile. It has been reloaded; make your change again.');
          await reload();
        } else {
          showError(explain(response.status, data));
          onJob(job); // put the words back as stored
        }
      } catch {
        showStatus('');
        showError('The server did not answer; your change was not saved.');
        onJob(job);
      } finally {
        busy = false;
        $('job').removeAttribute('aria-busy');
      }
    }

    function explain(status, data) {
      const detail = data.detail || data.title || 'The change could not be saved.';
      if (status === 403) { return 'This edit link is for another carousel.'; }
      return detail;
    }

    async function reload() {
      const response = await fetch(api(`api/carousels/${job.id}`));
      if (response.ok) { onJob(await response.json()); }
    }

    function figureOf(element) { return element.closest('figure.slide'); }

    function save(field) {
      const figure = figureOf(field);
      const index = Number(figure.dataset.index);
      const slide = job.slides.find((s) => s.index === index);
      const part = field.dataset.part;
      const text = field.innerText.replace(/\r\n/g, '\n').trim();
      if (!slide || text === slide[part].trim()) { return; }
      send('PATCH', `/slides/${index}`, { [part]: text }, figure);
    }

    function bind(grid) {
      grid.addEventListener('keydown', (event) => {
        const field = event.target.closest('[contenteditable]');
        if (!field) { return; }
        if (event.key === 'Enter' && !event.shiftKey) {
          event.preventDefault();
          field.blur();
        } else if (event.key === 'Escape') {
          const slide = job.slides.find((s) => s.index === Number(figureOf(field).dataset.index));
          field.innerText = slide ? slide[field.dataset.part] : field.innerText;
          field.blur();
        }
      });
      grid.addEventListener('focusout', (event) => {
        const field = event.target.closest('[contenteditable]');
        if (field) { save(field); }
      });
      grid.addEventListener('click', (event) => {
        const button = event.target.closest('button');
        if (!button) { return; }
        const figure = figureOf(button);
        const index = Number(figure.dataset.index);
        if (button.classList.contains('rewrite')) {
          send('POST', `/slides/${index}/rewrite`, undefined, figure);
        } else if (button.classList.contains('remove')) {
          send('DELETE', `/slides/${index}`, undefined, figure);
        }
      });

      // Drag and drop moves a slide; the cover and the last slide stay where they are (the API refuses it anyway).
      grid.addEventListener('dragstart', (event) => {
        const figure = figureOf(event.target);
        if (!figure || figure.getAttribute('draggable') !== 'true' || event.target.closest('[contenteditable]')) { return; }
        dragFrom = Number(figure.dataset.index);
        event.dataTransfer.effectAllowed = 'move';
        event.dataTransfer.setData('text/plain', String(dragFrom));
      });
      grid.addEventListener('dragover', (event) => {
        const figure = figureOf(event.target);
        if (dragFrom && figure && figure.getAttribute('draggable') === 'true') {
          event.preventDefault();
          grid.querySelectorAll('.drop-target').forEach((f) => f.classList.remove('drop-target'));
          figure.classList.add('drop-target');
        }
      });
      grid.addEventListener('dragend', () => {
        dragFrom = null;
        grid.querySelectorAll('.drop-target').forEach((f) => f.classList.remove('drop-target'));
      });
      grid.addEventListener('drop', (event) => {
        const figure = figureOf(event.target);
        const from = dragFrom;
        dragFrom = null;
        if (!from || !figure) { return; }
        event.preventDefault();
        const to = Number(figure.dataset.index);
        if (to !== from) { send('POST', `/slides/${from}/move`, { to }, figure); }
      });
      $('undo').addEventListener('click', () => send('POST', '/undo'));
    }

    function escapeHtml(text) {
      return String(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
    }

    return { useLink, remember, setJob, slideHtml, bind };
  }

  return { create };
})();
