// The decision engine's explanations in the user's language. Each score part and rejection detail the server gives
// carries a stable code and the values its text needs ({code, params}); the texts are score.<code> and
// rejection.<code> (texts.js, scoretexts block). Parameter names say how values are shown: …Bytes a size,
// …Language a language code, …Edition an edition key, limits where size limits come from; others as they are.
// A part or detail without a known code (a scorer plugin's) keeps its author's English sentence: shown as it is in
// English, behind a small disclosure saying so in another language.
import { t, has, lang, fmtSize } from './i18n.js';
import { el } from './ui.js';

function languageName(code) {
  try {
    const name = new Intl.DisplayNames([lang()], { type: 'language' }).of(code);
    return name && name !== code ? name : code;
  } catch (e) {
    return code; // "multi" and other values that are not language codes
  }
}

function shown(params) {
  const out = {};
  for (const [k, v] of Object.entries(params || {})) {
    if (k.endsWith('Bytes')) out[k] = fmtSize(Number(v));
    else if (/(^l|L)anguage$/.test(k)) out[k] = languageName(v);
    else if (k.endsWith('Edition')) out[k] = has('edition.' + v) ? t('edition.' + v) : v;
    else if (k === 'volumes' || k === 'volume' || k === 'chapters') out[k] = String(v).replace(/(\d)-(\d)/g, '$1–$2');
    else out[k] = v;
  }
  if (out.limits !== undefined && has('explain.limits.' + params.limits)) out.limits = t('explain.limits.' + params.limits, out);
  return out;
}

/** The text of a score part ({@code family} 'score') or rejection detail ('rejection') in words, or null when its code is unknown. */
export function explainText(family, item) {
  if (!item || !item.code || !has(family + '.' + item.code)) return null;
  return t(family + '.' + item.code, shown(item.params));
}

/**
 * A score part or rejection detail as a node: its text in the user's language, or its own sentence ({@code why} of a
 * part, {@code message} of a rejection) when its code is unknown: as it is in English, behind a disclosure otherwise.
 */
export function explanation(family, item) {
  const known = explainText(family, item);
  if (known !== null) return el('span', { class: 'explanation', text: known });
  const own = (item && (item.why || item.message)) || '';
  if (!own) return null;
  if (lang() === 'en') return el('span', { class: 'explanation', text: own });
  // a scorer plugin's part is named "<scorer>: <part>" and its rejections have the SCORER reason; any other part
  // without a code is Kanzen's own, kept from before codes existed (a proposal found by an older version)
  const plugin = family === 'score' ? String(item.name || '').includes(':') : item.reason === 'SCORER';
  return el('details', { class: 'explanation plugin-text' }, el('summary', { text: t(plugin ? 'explain.pluginText' : 'explain.englishText') }),
    el('span', { lang: 'en', text: own }));
}
