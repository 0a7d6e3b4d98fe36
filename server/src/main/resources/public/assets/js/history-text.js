// histcodes: a history event in the user's language. The server stores each event with a stable code and its
// parameters; the English message it also keeps (often a plugin's own sentence) is shown only folded, as a
// technical detail. Events stored before codes existed are said by their kind, their message as the detail.
import { t, has } from './i18n.js';
import { el } from './ui.js';

/** The parameters of an event as its text shows them: a range of volumes with an en dash ("1–3"). */
function shown(params) {
  const out = { ...(params || {}) };
  if (out.volume) out.volume = String(out.volume).replace(/^(\d+(?:\.\d+)?)-/, '$1–');
  return out;
}

/**
 * What happened, in words: the text of its code (history.msg.<code>, or for a failure the problem.<code> text it
 * shares with the problem it also raised), after the step it failed at; null when the code is none or unknown.
 */
export function eventText(e) {
  if (!e || !e.code) return null;
  const params = shown(e.params);
  let text;
  if (has('history.msg.' + e.code)) text = t('history.msg.' + e.code, params);
  else if (has('problem.' + e.code)) text = t('problem.' + e.code, params);
  else return null;
  if (params.step && has('history.step.' + params.step)) text = t('history.step.' + params.step, { ...params, text });
  return text;
}

/** English words the user may want (a plugin's sentence, an error), folded behind "Détail technique"; null for none. */
export function technicalDetail(text) {
  if (!text) return null;
  return el('details', { class: 'tech-detail' }, el('summary', { text: t('history.detail') }),
    el('span', { class: 'tech-detail-text', lang: 'en', text }));
}

/**
 * The technical detail of an event: its English message, or its {detail} parameter when it has no message; none
 * when its text already says all of it (a sent release's title).
 */
export function eventDetail(e, text) {
  const english = (e && (e.message || (e.params && e.params.detail))) || '';
  if (!english || (text && text.includes(english))) return null;
  return technicalDetail(english);
}
