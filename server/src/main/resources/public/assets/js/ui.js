// Small DOM helpers shared by the pages: building elements, busy buttons, messages next to the action, dialogs.
import { t, errorText } from './i18n.js';

/** el('button', {class: 'x', on: {click: fn}, data: {id: 3}}, 'text', child, [more], null) */
export function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  if (attrs && (typeof attrs !== 'object' || attrs instanceof Node || Array.isArray(attrs))) {
    children.unshift(attrs);
    attrs = null;
  }
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'text') e.textContent = String(v);
    else if (k === 'class') e.className = v;
    else if (k === 'on') Object.entries(v).forEach(([ev, fn]) => e.addEventListener(ev, fn));
    else if (k === 'data') Object.entries(v).forEach(([dk, dv]) => { e.dataset[dk] = dv; });
    else if (k === 'value' || k === 'checked' || k === 'selected' || k === 'disabled' || k === 'hidden') e[k] = v;
    else e.setAttribute(k, v === true ? '' : v);
  }
  append(e, children);
  return e;
}

function append(parent, children) {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    if (Array.isArray(c)) append(parent, c);
    else parent.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
}

/** Where the message of an action goes: right after the element that was used (a button, a form). */
export function feedback(anchor, text, kind = 'ok') {
  if (!anchor) return null;
  const old = anchor._feedback;
  if (old && old.isConnected) old.remove();
  if (!text) return null;
  const m = el('span', { class: 'feedback feedback-' + kind, role: kind === 'error' ? 'alert' : 'status', text });
  anchor.insertAdjacentElement('afterend', m);
  anchor._feedback = m;
  return m;
}

/** Runs {@code fn} with the button busy (disabled, aria-busy); a failure is said next to the button. */
export async function busy(button, fn) {
  if (button) { button.disabled = true; button.setAttribute('aria-busy', 'true'); feedback(button, null); }
  try {
    return await fn();
  } catch (e) {
    if (button) feedback(button, errorText(e), 'error'); else console.error(e);
    return undefined;
  } finally {
    if (button) { button.disabled = false; button.removeAttribute('aria-busy'); }
  }
}

/** Asks before a destructive or costly action; resolves true when confirmed. */
export function confirmDialog(text, { confirmLabel, danger } = {}) {
  return new Promise((resolve) => {
    const ok = el('button', { type: 'button', class: danger ? 'danger' : '', text: confirmLabel || t('common.confirm'), data: { answer: 'yes' } });
    const no = el('button', { type: 'button', class: 'secondary', text: t('common.cancel'), data: { answer: 'no' } });
    const dialog = el('dialog', { class: 'confirm', 'aria-labelledby': 'confirm-text' },
      el('p', { id: 'confirm-text', text }), el('div', { class: 'actions' }, no, ok));
    const done = (answer) => { dialog.close(); dialog.remove(); resolve(answer); };
    ok.addEventListener('click', () => done(true));
    no.addEventListener('click', () => done(false));
    dialog.addEventListener('cancel', (e) => { e.preventDefault(); done(false); });
    document.body.append(dialog);
    dialog.showModal();
    no.focus();
  });
}

/** What to show when a list is empty: what the next step is, with its button when there is one. */
export function emptyState(text, actionLabel, onAction) {
  return el('div', { class: 'empty' }, el('p', { text }),
    actionLabel ? el('button', { type: 'button', text: actionLabel, on: { click: onAction } }) : null);
}

/** An error under a form field, tied to it for screen readers; null text clears it. */
export function fieldError(input, text) {
  const id = (input.id || input.name || 'field') + '-error';
  const old = input.parentElement && input.parentElement.querySelector('.field-error[data-for="' + id + '"]');
  if (old) old.remove();
  if (!text) { input.removeAttribute('aria-invalid'); input.removeAttribute('aria-describedby'); return; }
  const m = el('span', { class: 'field-error', id, data: { for: id }, role: 'alert', text });
  input.setAttribute('aria-invalid', 'true');
  input.setAttribute('aria-describedby', id);
  input.insertAdjacentElement('afterend', m);
}

/** Shows an API error next to the field it names (inside {@code form}), else next to {@code fallback}. */
export function showError(form, fallback, err) {
  const input = err && err.field && form ? form.querySelector('[name="' + CSS.escape(err.field) + '"]') : null;
  if (input) fieldError(input, errorText(err)); else feedback(fallback, errorText(err), 'error');
}

export function clear(node) { node.replaceChildren(); return node; }
