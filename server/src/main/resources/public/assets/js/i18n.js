// Texts in French and English. Each page module registers its own texts (keys prefixed by its id) with addTexts;
// shared words live in texts.js. The language follows the browser, is switchable, and the page is redrawn.
const TEXTS = { fr: {}, en: {} };
const listeners = [];
let current = pick(localStorage.getItem('kanzen.lang')
  || ((navigator.languages && navigator.languages[0]) || navigator.language || 'fr'));

function pick(l) { const two = String(l || '').slice(0, 2).toLowerCase(); return two === 'en' ? 'en' : two === 'fr' ? 'fr' : 'en'; }

export function addTexts(dict) {
  for (const l of Object.keys(dict)) Object.assign(TEXTS[l] || (TEXTS[l] = {}), dict[l]);
}

export function has(key) { return key in (TEXTS[current] || {}) || key in TEXTS.en; }

/**
 * The text of {@code key} in the current language, {name} placeholders filled from params; English, then the key.
 * {name|one|other} is the word that agrees with the count params.name: "{n} {n|tome|tomes}" says "1 tome", "3 tomes"
 * (and in French "0 tome"), never "tome(s)".
 */
export function t(key, params) {
  let s = (TEXTS[current] && TEXTS[current][key]) ?? TEXTS.en[key] ?? key;
  if (params) s = s.replace(/\{(\w+)\|([^|}]*)\|([^}]*)\}/g, (m, k, one, other) => (params[k] === undefined || params[k] === null ? m
    : plural(params[k]) === 'one' ? one : other));
  if (params) s = s.replace(/\{(\w+)\}/g, (m, k) => (params[k] === undefined || params[k] === null ? m : String(params[k])));
  return s;
}

/** The plural category of a count, given as a number or as fmtNumber wrote it ("1 234"). */
function plural(count) {
  const n = typeof count === 'number' ? count : Number(String(count).replace(/[\s\u00a0\u202f,]/g, ''));
  return Number.isFinite(n) ? new Intl.PluralRules(current === 'fr' ? 'fr-FR' : 'en-GB').select(n) : 'other';
}

export function lang() { return current; }
export function setLang(l) {
  current = pick(l);
  localStorage.setItem('kanzen.lang', current);
  document.documentElement.lang = current;
  listeners.forEach((fn) => fn(current));
}
export function onLangChange(fn) { listeners.push(fn); }

/** What went wrong, in the user's language when the server gave a code we know; its own sentence otherwise. */
export function errorText(err) {
  if (err && err.code && has('error.' + err.code)) return t('error.' + err.code, err.params);
  return (err && err.message) || String(err);
}

/** A problem object {code, params, message} or a plain sentence, in words. */
export function problemText(p) {
  if (p == null) return '';
  if (typeof p === 'string') return p;
  if (p.code && has('problem.' + p.code)) return t('problem.' + p.code, p.params);
  return p.message || p.code || '';
}

const locale = () => (current === 'fr' ? 'fr-FR' : 'en-GB');
export function fmtNumber(n) { return n == null ? '–' : new Intl.NumberFormat(locale()).format(n); }
export function fmtDate(iso) { return iso ? new Intl.DateTimeFormat(locale(), { dateStyle: 'medium' }).format(new Date(iso)) : '–'; }
/** A moment as a collector writes it: "2 déc. 2026, 05:30" (a short "02/12/2026" reads as a US date to some). */
export function fmtDateTime(iso) {
  return iso ? new Intl.DateTimeFormat(locale(), { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso)) : '–';
}
export function fmtSize(bytes) {
  if (bytes == null || bytes < 0) return '?';
  const units = current === 'fr' ? ['o', 'Ko', 'Mo', 'Go', 'To'] : ['B', 'KB', 'MB', 'GB', 'TB'];
  let v = bytes; let i = 0;
  while (v >= 1000 && i < units.length - 1) { v /= 1000; i++; }
  return new Intl.NumberFormat(locale(), { maximumFractionDigits: i ? 1 : 0 }).format(v) + ' ' + units[i];
}
export function fmtDuration(ms) {
  if (ms == null || ms < 0) return '–';
  const s = Math.round(ms / 1000);
  if (s < 60) return s + ' s';
  const m = Math.floor(s / 60); const rest = s % 60;
  if (m < 60) return m + ' min' + (rest ? ' ' + rest + ' s' : '');
  const h = Math.floor(m / 60);
  return h + ' h' + (m % 60 ? ' ' + (m % 60) + ' min' : '');
}
/** Volume ranges ["1-97", "100"] or numbers [1, 2, 3, 5] as "1–97, 100" / "1–3, 5". */
export function fmtRanges(list) {
  if (!list || !list.length) return '';
  if (list.every((x) => typeof x === 'number')) {
    const sorted = [...list].sort((a, b) => a - b);
    const out = [];
    for (let i = 0; i < sorted.length; i++) {
      let j = i;
      while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
      out.push(j > i ? sorted[i] + '–' + sorted[j] : String(sorted[i]));
      i = j;
    }
    return out.join(', ');
  }
  return list.map((x) => String(x).replace(/^(\d+(?:\.\d+)?)-(\d)/, '$1–$2')).join(', ');
}
