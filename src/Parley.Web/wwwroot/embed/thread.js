// Parley's discussion on another site. Use:
//   <div data-parley-thread="/2026/11/the-post"></div>
//   <script src="https://your-parley-site/embed/thread.js" async></script>
// The owner lists the sites that may do this (Discussion settings); others get nothing.
(() => {
  'use strict';
  const script = document.currentScript;
  const site = new URL(script.src).origin;

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      if (key === 'text') node.textContent = value; else node.setAttribute(key, value);
    }
    children.forEach((child) => child && node.append(child));
    return node;
  }

  function field(label, name, type, required) {
    const id = 'parley-' + name + '-' + Math.random().toString(36).slice(2, 8);
    const input = type === 'textarea' ? el('textarea', { id, name, rows: '5', maxlength: '65525' }) : el('input', { id, name, type, maxlength: '245' });
    if (required) input.required = true;
    return el('p', { class: 'parley-field' }, el('label', { for: id, text: label }), input);
  }

  function comment(c) {
    const body = el('div', { class: 'parley-comment__body' });
    body.innerHTML = c.bodyHtml; // sanitized by Parley's allow-list before it was stored
    const name = c.authorUrl ? el('a', { href: c.authorUrl, rel: 'nofollow ugc noopener', text: c.authorName }) : el('strong', { text: c.authorName });
    return el('li', { class: 'parley-comment', id: 'parley-comment-' + c.id },
      el('p', { class: 'parley-comment__meta' }, name, ' · ', el('time', { datetime: c.createdAt, text: new Date(c.createdAt).toLocaleDateString() })), body);
  }

  async function show(container) {
    const path = container.dataset.parleyThread;
    let data;
    try {
      const response = await fetch(site + '/api/v1/embed/thread?path=' + encodeURIComponent(path), { credentials: 'omit' });
      if (!response.ok) throw new Error(String(response.status));
      data = await response.json();
    } catch {
      container.replaceChildren(el('p', { class: 'parley-note', text: 'The discussion could not be loaded here. ' }, el('a', { href: site + path + '#comments', text: 'Read it on the site.' })));
      return;
    }
    const list = el('ol', { class: 'parley-comments' });
    data.comments.forEach((c) => list.append(comment(c)));
    const heading = el('h2', { text: data.comments.length === 1 ? '1 comment' : data.comments.length + ' comments' });
    container.replaceChildren(el('section', { class: 'parley-thread', 'aria-label': 'Discussion' }, heading, list));
    if (!data.post.open) { container.append(el('p', { class: 'parley-note', text: 'Comments are closed.' })); return; }

    const status = el('p', { class: 'parley-status', role: 'status', 'aria-live': 'polite' });
    const form = el('form', { class: 'parley-form', novalidate: '' },
      el('h3', { text: data.post.question || 'Leave a Reply' }),
      field('Comment', 'body', 'textarea', true), field('Name', 'name', 'text', true), field('Email (never shown)', 'email', 'email', true), field('Website', 'website', 'url', false),
      el('p', { class: 'parley-hp', 'aria-hidden': 'true', style: 'position:absolute;left:-9999px' }, el('input', { name: 'company', tabindex: '-1', autocomplete: 'off' })),
      el('p', {}, el('button', { type: 'submit', text: 'Post Comment' })), status);
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const values = Object.fromEntries(new FormData(form));
      status.textContent = 'Posting…';
      try {
        const response = await fetch(site + '/api/v1/embed/comments', {
          method: 'POST', credentials: 'omit', headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ postId: data.post.id, ticket: data.ticket, name: values.name, email: values.email, website: values.website, body: values.body, company: values.company }),
        });
        const json = await response.json().catch(() => ({}));
        if (!response.ok) { status.textContent = json.detail || 'Your comment was not posted. Try again.'; return; }
        const mine = comment({ id: json.id, authorName: json.author, bodyHtml: json.html, createdAt: new Date().toISOString() });
        if (json.status === 'pending') mine.append(el('p', { class: 'parley-note', text: 'Your comment is awaiting moderation.' }));
        list.append(mine);
        form.elements.body.value = '';
        status.textContent = json.status === 'pending' ? 'Thank you: your comment will appear once approved.' : 'Posted.';
      } catch {
        status.textContent = 'No connection: your comment is still in the box. Try again.';
      }
    });
    container.append(form);
  }

  document.querySelectorAll('[data-parley-thread]').forEach(show);
})();
