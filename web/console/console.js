// Staff console of the knowledge base. The API token is pasted once and kept in
// sessionStorage (gone when the tab closes). Everything goes through /v1/knowledge.
const $ = (selector) => document.querySelector(selector);
const TOKEN_KEY = 'ana.console.token';

function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (key === 'class') node.className = value;
    else if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value);
  }
  for (const child of children.flat()) node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  return node;
}

function say(message) {
  $('#status').textContent = message;
}

async function api(path, options = {}) {
  const token = sessionStorage.getItem(TOKEN_KEY);
  if (!token) throw new Error('Pega primero un token de API.');
  const response = await fetch(path, {
    ...options,
    headers: { authorization: `Bearer ${token}`, ...(options.body ? { 'content-type': 'application/json' } : {}) },
  });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) {
    const reason = response.status === 401 ? 'Token inválido o vencido.' : response.status === 403 ? 'Tu rol no permite esta acción.' : body.message ?? response.statusText;
    throw new Error(reason);
  }
  return body;
}

/** Minimal Markdown → DOM (headings, lists, bold, paragraphs); text is never parsed as HTML. */
function renderMarkdown(markdown) {
  const root = el('div');
  let list = null;
  const inline = (text) => text.split(/(\*\*[^*]+\*\*)/g).map((part) => (part.startsWith('**') && part.endsWith('**') ? el('strong', {}, part.slice(2, -2)) : part));
  for (const block of markdown.split(/\n{2,}/)) {
    for (const line of block.split('\n')) {
      const heading = /^(#{1,6})\s+(.*)$/.exec(line);
      const item = /^\s*[-*]\s+(.*)$/.exec(line);
      if (item) {
        if (!list) root.append((list = el('ul')));
        list.append(el('li', {}, inline(item[1])));
        continue;
      }
      list = null;
      if (heading) root.append(el(`h${Math.min(heading[1].length + 2, 6)}`, {}, inline(heading[2])));
      else if (line.trim()) root.append(el('p', {}, inline(line)));
    }
    list = null;
  }
  return root;
}

function showTab(name) {
  for (const button of document.querySelectorAll('nav button')) button.classList.toggle('active', button.dataset.tab === name);
  for (const section of document.querySelectorAll('section')) section.hidden = section.id !== `tab-${name}`;
  if (name === 'articles') loadArticles().catch((e) => say(e.message));
  if (name === 'unanswered') loadUnanswered().catch((e) => say(e.message));
}

async function loadArticles() {
  const q = $('#filter').value.trim();
  const { articles } = await api(`/v1/knowledge/articles${q ? `?q=${encodeURIComponent(q)}` : ''}`);
  $('#articles').replaceChildren(
    ...articles.map((a) =>
      el('li', { 'data-id': a.id, onclick: () => openArticle(a.id).catch((e) => say(e.message)) }, a.title, el('span', { class: `badge ${a.status}` }, a.status === 'published' ? 'publicado' : 'borrador'), el('span', { class: 'badge' }, a.audience)),
    ),
  );
}

function fillEditor(article) {
  $('#article-id').value = article?.id ?? '';
  $('#title').value = article?.title ?? '';
  $('#tags').value = article?.tags.join(', ') ?? '';
  $('#audience').value = article?.audience ?? 'customer';
  $('#body').value = article?.body ?? '';
  $('#article-state').textContent = article ? `v${article.version} · ${article.status === 'published' ? 'publicado' : 'borrador'}` : 'nuevo';
  $('#preview').replaceChildren(renderMarkdown($('#body').value));
  $('#diff').replaceChildren();
}

async function openArticle(id) {
  const article = await api(`/v1/knowledge/articles/${id}`);
  fillEditor(article);
  await loadVersions(id);
}

async function loadVersions(id) {
  const { versions } = await api(`/v1/knowledge/articles/${id}/versions`);
  $('#versions').replaceChildren(
    ...versions.map((v) =>
      el('li', {}, `v${v.version} · ${v.status} · ${new Date(v.createdAt).toLocaleString('es-MX')} `,
        v.version > 1 ? el('button', { type: 'button', onclick: () => showDiff(id, v.version - 1, v.version).catch((e) => say(e.message)) }, `Diferencias con v${v.version - 1}`) : ''),
    ),
  );
}

async function showDiff(id, from, to) {
  const { lines } = await api(`/v1/knowledge/articles/${id}/diff?from=${from}&to=${to}`);
  const mark = { added: '+ ', removed: '- ', same: '  ' };
  $('#diff').replaceChildren(...lines.map((line) => el('div', { class: line.kind }, `${mark[line.kind]}${line.text}`)));
}

async function saveArticle(event) {
  event.preventDefault();
  const id = $('#article-id').value;
  const payload = {
    title: $('#title').value.trim(),
    body: $('#body').value,
    tags: $('#tags').value.split(',').map((t) => t.trim()).filter(Boolean),
    audience: $('#audience').value,
  };
  const article = await api(id ? `/v1/knowledge/articles/${id}` : '/v1/knowledge/articles', { method: id ? 'PATCH' : 'POST', body: JSON.stringify(payload) });
  fillEditor(article);
  await Promise.all([loadVersions(article.id), loadArticles()]);
  say(`Guardado: ${article.title} (v${article.version}).`);
}

async function changeStatus(action) {
  const id = $('#article-id').value;
  if (!id) return say('Guarda el artículo primero.');
  const article = await api(`/v1/knowledge/articles/${id}/${action}`, { method: 'POST' });
  fillEditor(article);
  await Promise.all([loadVersions(id), loadArticles()]);
  say(action === 'publish' ? `Publicado: ${article.title}.` : `Despublicado: ${article.title}.`);
}

async function loadUnanswered() {
  const { questions } = await api('/v1/knowledge/unanswered');
  $('#unanswered').replaceChildren(
    ...questions.map((q) =>
      el('tr', {}, el('td', {}, q.question), el('td', {}, q.count), el('td', {}, new Date(q.lastAskedAt).toLocaleString('es-MX')),
        el('td', {}, el('button', { onclick: () => draftFrom(q.id).catch((e) => say(e.message)) }, 'Crear artículo'))),
    ),
  );
}

async function draftFrom(id) {
  const article = await api(`/v1/knowledge/unanswered/${id}/article`, { method: 'POST' });
  showTab('articles');
  fillEditor(article);
  await loadVersions(article.id);
  say('Borrador creado: escribe la respuesta y publícalo; la pregunta se marcará como resuelta.');
}

async function tryQuestion(event) {
  event.preventDefault();
  const result = await api('/v1/knowledge/try', {
    method: 'POST',
    body: JSON.stringify({ question: $('#try-question').value, audience: $('#try-audience').value, includeDrafts: $('#try-drafts').checked }),
  });
  $('#try-answer').replaceChildren(
    result.answer.kind === 'answer' ? el('p', {}, ...result.answer.text.split('\n').flatMap((line) => [line, el('br')])) : el('p', {}, 'Ana diría que no sabe y ofrecería un asesor.'),
  );
  $('#try-passages').replaceChildren(
    ...result.passages.map((p) =>
      el('li', {}, el('strong', {}, p.title), p.heading ? ` — ${p.heading}` : '',
        el('div', { class: 'score' }, `relevancia ${p.relevance.toFixed(3)} (umbral ${result.threshold}) · RRF ${p.score.toFixed(4)} · coseno ${p.similarity.toFixed(3)} · vector #${p.vectorRank ?? '–'} · texto #${p.textRank ?? '–'}`),
        el('div', {}, p.text)),
    ),
  );
}

function guard(handler) {
  return (event) => handler(event).catch((error) => say(error.message));
}

document.addEventListener('DOMContentLoaded', () => {
  if (sessionStorage.getItem(TOKEN_KEY)) $('#who').textContent = 'Token guardado en esta pestaña.';
  $('#token-form').addEventListener('submit', (event) => {
    event.preventDefault();
    sessionStorage.setItem(TOKEN_KEY, $('#token').value.trim());
    $('#token').value = '';
    $('#who').textContent = 'Token guardado en esta pestaña.';
    showTab('articles');
  });
  for (const button of document.querySelectorAll('nav button')) button.addEventListener('click', () => showTab(button.dataset.tab));
  $('#filter').addEventListener('input', () => loadArticles().catch((e) => say(e.message)));
  $('#new-article').addEventListener('click', () => { fillEditor(null); $('#versions').replaceChildren(); });
  $('#body').addEventListener('input', () => $('#preview').replaceChildren(renderMarkdown($('#body').value)));
  $('#editor').addEventListener('submit', guard(saveArticle));
  $('#publish').addEventListener('click', guard(() => changeStatus('publish')));
  $('#unpublish').addEventListener('click', guard(() => changeStatus('unpublish')));
  $('#try-form').addEventListener('submit', guard(tryQuestion));
  fillEditor(null);
  if (sessionStorage.getItem(TOKEN_KEY)) showTab('articles');
});
