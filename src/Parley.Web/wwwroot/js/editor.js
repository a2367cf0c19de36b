// The post editor: live preview, toolbar, image paste/drop, autosave (server and this browser), Ctrl+S.
(() => {
  'use strict';
  const form = document.getElementById('editor');
  if (!form) return;
  const body = form.querySelector('#post-body');
  const title = form.querySelector('#post-title');
  const preview = form.querySelector('[data-preview-target]');
  const status = form.querySelector('[data-autosave-status]');
  const token = () => form.querySelector('input[name="__parley_af"]').value;
  let postId = form.dataset.postId || '';
  let dirty = false;
  let saving = false;
  const storeKey = () => 'parley-editor-' + (postId || 'new-' + form.dataset.kind);

  function base() { return postId ? '/admin/posts/edit/' + postId : '/admin/posts/edit'; }
  function say(text) { status.textContent = text; }

  // Live preview, rendered by the server with the public site's own pipeline.
  let previewTimer;
  async function refreshPreview() {
    const data = new URLSearchParams({ __parley_af: token(), 'Form.Body': body.value });
    try {
      const response = await fetch(base() + '?handler=Preview', { method: 'POST', body: data, credentials: 'same-origin' });
      if (!response.ok) return;
      const json = await response.json();
      preview.innerHTML = json.html; // sanitized by the server's allow-list, as on the public site
      form.querySelector('[data-words]').textContent = json.words;
      form.querySelector('[data-minutes]').textContent = json.minutes;
    } catch { /* offline: the preview waits */ }
  }

  function changed() {
    dirty = true;
    clearTimeout(previewTimer);
    previewTimer = setTimeout(refreshPreview, 400);
    try { localStorage.setItem(storeKey(), JSON.stringify({ title: title.value, body: body.value, at: Date.now() })); } catch { }
  }
  body.addEventListener('input', changed);
  title.addEventListener('input', changed);
  form.addEventListener('change', () => { dirty = true; });

  // Autosave: every five seconds when something changed, and when the tab is hidden or closed.
  async function autosave(leaving) {
    if (!dirty || saving) return;
    saving = true;
    dirty = false;
    const data = new FormData(form);
    try {
      const response = await fetch(base() + '?handler=Autosave', { method: 'POST', body: data, credentials: 'same-origin', keepalive: leaving, redirect: 'manual' });
      if (response.type === 'opaqueredirect' || response.status === 401 || response.status === 403) {
        dirty = true;
        say('Not saved: you are signed out. Your text is kept in this browser — sign in again in another tab and it will be saved.');
      } else if (response.status === 400 && !(response.headers.get('content-type') || '').includes('json')) {
        // The page's token belongs to an earlier sign-in: fetch a fresh one and try again shortly.
        dirty = true;
        const fresh = await fetch(base() + '?handler=Token', { credentials: 'same-origin', redirect: 'manual' });
        if (fresh.ok) form.querySelector('input[name="__parley_af"]').value = (await fresh.json()).token;
        say('Reconnecting…');
      } else if (response.ok) {
        const json = await response.json();
        if (!postId && json.id) {
          postId = String(json.id);
          form.dataset.postId = postId;
          form.action = base() + '?handler=Save';
          form.querySelector('input[name="Form.Version"]').value = json.version;
          history.replaceState(null, '', base());
          try { localStorage.removeItem('parley-editor-new-' + form.dataset.kind); } catch { }
        }
        say('Saved automatically at ' + new Date().toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' }) + '.');
      } else {
        dirty = true;
        say('Not saved automatically (' + response.status + '). Your text is kept in this browser.');
      }
    } catch {
      dirty = true;
      say('Offline: your text is kept in this browser and saved when the connection returns.');
    } finally {
      saving = false;
    }
  }
  setInterval(() => autosave(false), 5000);
  document.addEventListener('visibilitychange', () => { if (document.visibilityState === 'hidden') autosave(true); });
  window.addEventListener('pagehide', () => autosave(true));
  form.addEventListener('submit', () => { dirty = false; try { localStorage.removeItem(storeKey()); } catch { } });

  // Text kept in this browser that the server never got (signed out, offline): offer it back.
  try {
    const kept = JSON.parse(localStorage.getItem(storeKey()) || 'null');
    if (kept && (kept.body !== body.value || kept.title !== title.value)) {
      const offer = document.createElement('p');
      offer.className = 'notice';
      offer.setAttribute('role', 'status');
      offer.append('This browser kept text that was not saved (' + new Date(kept.at).toLocaleString() + '). ');
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'link-button';
      button.textContent = 'Put it back';
      button.addEventListener('click', () => { title.value = kept.title; body.value = kept.body; changed(); offer.remove(); });
      offer.append(button);
      title.closest('.field').before(offer);
    }
  } catch { }

  // Toolbar: insert Markdown the renderer turns into figures, quotes with attribution, embeds, links, footnotes.
  function insert(text, selectFrom, selectTo, inline) {
    const start = body.selectionStart, end = body.selectionEnd;
    const before = body.value.slice(0, start);
    // Blocks (figures, quotes, embeds) need a blank line before them to be blocks.
    const pad = inline || before === '' || before.endsWith('\n\n') ? '' : before.endsWith('\n') ? '\n' : '\n\n';
    body.setRangeText(pad + text, start, end, 'end');
    if (selectFrom !== undefined) body.setSelectionRange(start + pad.length + selectFrom, start + pad.length + selectTo);
    body.focus();
    changed();
  }
  const snippets = {
    // Blocks end with a blank line, so what is typed next starts a paragraph of its own.
    figure: () => insert('![Describe the image](/media/… "Caption")\n\n', 2, 20),
    quote: () => { const sel = body.value.slice(body.selectionStart, body.selectionEnd) || 'Quoted words'; insert('> ' + sel + '\n>\n> — Who said it, [source](https://)\n\n'); },
    video: () => { const url = 'https://www.youtube.com/watch?v=…'; insert(url + '\n\n', 0, url.length); },
    link: () => { const sel = body.value.slice(body.selectionStart, body.selectionEnd) || 'link text'; insert('[' + sel + '](https://)', sel.length + 3, sel.length + 11, true); },
    footnote: () => {
      const n = (body.value.match(/\[\^(\d+)\]:/g) || []).length + 1;
      const start = body.selectionStart;
      body.setRangeText('[^' + n + ']', start, body.selectionEnd, 'end');
      body.value = body.value.replace(/\s*$/, '') + '\n\n[^' + n + ']: The note.\n';
      body.focus();
      changed();
    },
  };
  form.querySelectorAll('[data-insert]').forEach((button) => button.addEventListener('click', () => snippets[button.dataset.insert]()));

  // Paste or drop images: uploaded to the media library, inserted as a figure.
  async function upload(file) {
    const data = new FormData();
    data.append('__parley_af', token());
    data.append('file', file);
    say('Uploading ' + file.name + '…');
    try {
      const response = await fetch('/admin/media/upload', { method: 'POST', body: data, credentials: 'same-origin', headers: { Accept: 'application/json' } });
      const json = await response.json().catch(() => ({}));
      if (!response.ok) { say(json.error || 'The upload failed (' + response.status + ').'); return; }
      insert('![' + (json.alt || 'Describe the image') + '](' + json.url + ' "' + (json.caption || 'Caption') + '")\n');
      say('Uploaded ' + file.name + '.');
    } catch { say('The upload failed: no connection.'); }
  }
  const picker = form.querySelector('[data-upload-input]');
  form.querySelector('[data-upload-button]')?.addEventListener('click', () => picker.click());
  picker?.addEventListener('change', () => { [...picker.files].forEach(upload); picker.value = ''; });
  body.addEventListener('paste', (event) => {
    const files = [...(event.clipboardData?.files || [])].filter((f) => f.type.startsWith('image/'));
    if (files.length) { event.preventDefault(); files.forEach(upload); }
  });
  body.addEventListener('dragover', (event) => { if ([...event.dataTransfer.types].includes('Files')) event.preventDefault(); });
  body.addEventListener('drop', (event) => {
    const files = [...event.dataTransfer.files].filter((f) => f.type.startsWith('image/'));
    if (files.length) { event.preventDefault(); files.forEach(upload); }
  });

  // Ctrl+S saves (as a draft, or updates what is live); Ctrl+K inserts a link.
  document.addEventListener('keydown', (event) => {
    if (!(event.ctrlKey || event.metaKey)) return;
    if (event.key === 's') {
      event.preventDefault();
      const button = form.querySelector('button[value="draft"]') || form.querySelector('button[value="publish"]') || form.querySelector('button[value="review"]');
      button?.click();
    } else if (event.key === 'k' && document.activeElement === body) {
      event.preventDefault();
      snippets.link();
    }
  });

  document.querySelectorAll('form[data-confirm]').forEach((f) => f.addEventListener('submit', (event) => {
    if (!confirm(f.dataset.confirm)) event.preventDefault();
  }));
})();
