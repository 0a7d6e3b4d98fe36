// Téléchargements: the queue. Each active grab with its client, state, progress, speed and time left; cancel, retry,
// blocklist, link one sent without a series; import errors with their retry; the finished ones folded away. The
// list is asked again every few seconds while the page is shown.
import { api } from '../api.js';
import { t, has, addTexts, fmtSize, fmtDuration, fmtNumber, fmtDateTime, errorText } from '../i18n.js';
import { downloadStateText } from '../texts.js';
import { el, busy, feedback, confirmDialog, emptyState, clear, showError } from '../ui.js';

addTexts({
  fr: {
    'downloads.active': 'En cours ({count})', 'downloads.finished': 'Terminés ({count})',
    'downloads.col.date': 'Envoyé', 'downloads.col.series': 'Série', 'downloads.col.volume': 'Tome', 'downloads.col.client': 'Client',
    'downloads.col.state': 'État', 'downloads.col.progress': 'Avancement', 'downloads.col.speed': 'Vitesse', 'downloads.col.eta': 'Reste',
    'downloads.col.actions': 'Actions',
    'downloads.empty': 'Aucun téléchargement. Lancez une recherche manuelle ou une vérification depuis l’Aperçu.',
    'downloads.none.active': 'Rien en cours de téléchargement.',
    'downloads.cancel': 'Annuler', 'downloads.retry': 'Réessayer', 'downloads.blocklist': 'Bloquer', 'downloads.link': 'Lier à une série',
    'downloads.cancel.ask': 'Annuler « {title} » et le retirer de {client} ? Le tome sera de nouveau recherché.',
    'downloads.cancel.confirm': 'Annuler le téléchargement', 'downloads.cancel.done': 'Annulé.',
    'downloads.blocklist.ask': 'Bloquer cette version de « {title} » ? Elle sera retirée de {client} et jamais renvoyée.',
    'downloads.blocklist.confirm': 'Bloquer', 'downloads.blocklist.done': 'Bloqué.', 'downloads.retry.done': 'Relancé.',
    'downloads.blocklist.askFinished': 'Bloquer cette version de « {title} » ? Elle ne sera plus jamais envoyée pour cette série.',
    'downloads.unlinked': 'non liée à une série', 'downloads.import.error': 'Import échoué : {message}',
    'downloads.client.problem': 'Le client ne répond pas : {message}',
    'downloads.link.title': 'Lier à une série', 'downloads.link.series': 'Série', 'downloads.link.volume': 'Tome', 'downloads.link.submit': 'Lier',
    'downloads.link.done': 'Lié à {title}.', 'downloads.speed': '{size}/s', 'downloads.eta.unknown': '–', 'downloads.refreshed': 'Mis à jour à {time}',
  },
  en: {
    'downloads.active': 'In progress ({count})', 'downloads.finished': 'Finished ({count})',
    'downloads.col.date': 'Sent', 'downloads.col.series': 'Series', 'downloads.col.volume': 'Volume', 'downloads.col.client': 'Client',
    'downloads.col.state': 'State', 'downloads.col.progress': 'Progress', 'downloads.col.speed': 'Speed', 'downloads.col.eta': 'Time left',
    'downloads.col.actions': 'Actions',
    'downloads.empty': 'No downloads yet. Run a manual search, or a check from the Overview.',
    'downloads.none.active': 'Nothing is downloading.',
    'downloads.cancel': 'Cancel', 'downloads.retry': 'Retry', 'downloads.blocklist': 'Blocklist', 'downloads.link': 'Link to a series',
    'downloads.cancel.ask': 'Cancel “{title}” and remove it from {client}? The volume will be searched again.',
    'downloads.cancel.confirm': 'Cancel the download', 'downloads.cancel.done': 'Cancelled.',
    'downloads.blocklist.ask': 'Blocklist this release of “{title}”? It is removed from {client} and never sent again.',
    'downloads.blocklist.confirm': 'Blocklist', 'downloads.blocklist.done': 'Blocklisted.', 'downloads.retry.done': 'Retried.',
    'downloads.blocklist.askFinished': 'Blocklist this release of “{title}”? It will never be sent for this series again.',
    'downloads.unlinked': 'not linked to a series', 'downloads.import.error': 'Import failed: {message}',
    'downloads.client.problem': 'The client does not answer: {message}',
    'downloads.link.title': 'Link to a series', 'downloads.link.series': 'Series', 'downloads.link.volume': 'Volume', 'downloads.link.submit': 'Link',
    'downloads.link.done': 'Linked to {title}.', 'downloads.speed': '{size}/s', 'downloads.eta.unknown': '–', 'downloads.refreshed': 'Updated at {time}',
  },
});

const REFRESH_MS = 4000;
const NOTE_MS = 15000; // how long what an action said stays beside its row, through the refreshes
const ACTIVE = ['sending', 'sent'];
let timer = null;
let finishedOpen = false;

function etaText(eta) { return eta == null || eta < 0 ? t('downloads.eta.unknown') : fmtDuration(eta * 1000); }

function stop() {
  if (timer) { clearInterval(timer); timer = null; }
}

export default {
  id: 'downloads',
  tab: 'tab.downloads',
  async render(view, params) {
    stop();
    const marked = params && /^\d+$/.test(params[0] || '') ? params[0] : null; // #/downloads/ID: that download marked (a proposal's link)
    let shown = marked; // ...and scrolled to on the first drawing only
    const list = el('div', { id: 'queue-list' });
    const status = el('p', { class: 'muted refreshed', role: 'status' });
    const refresh = el('button', { type: 'button', class: 'secondary', id: 'queue-refresh', text: t('common.refresh') });
    view.append(el('div', { class: 'toolbar' }, refresh, status), list);
    let seriesTitles = null;
    // what an action said, per download: drawn in its row's actions, so the refreshes (and a row moving from the
    // finished list to the active one) keep it beside the button that was pressed
    const notes = new Map();
    const note = (id, text, kind) => notes.set(String(id), { text, kind, until: Date.now() + NOTE_MS, fresh: true });

    // the link dialog: a series of the library and a volume for a grab sent without one
    const lSeries = el('select', { id: 'link-series', name: 'series', required: true });
    const lVolume = el('input', { id: 'link-volume', name: 'volume_num', size: 6 });
    const lSubmit = el('button', { type: 'submit', id: 'link-submit', text: t('downloads.link.submit') });
    const lDialog = el('dialog', { id: 'link-series-dialog', 'aria-labelledby': 'link-series-title' }, el('form', {},
      el('h2', { id: 'link-series-title', text: t('downloads.link.title') }), el('p', { class: 'release-name' }),
      el('label', {}, el('span', { text: t('downloads.link.series') }), lSeries), el('label', {}, el('span', { text: t('downloads.link.volume') }), lVolume),
      el('div', { class: 'actions' }, el('button', { type: 'button', class: 'secondary', text: t('common.cancel'), on: { click: () => lDialog.close() } }), lSubmit)));
    view.append(lDialog);
    let linking = null;
    lDialog.querySelector('form').addEventListener('submit', (ev) => {
      ev.preventDefault();
      busy(lSubmit, async () => {
        try {
          const g = await api('POST', '/api/missing-monitor/downloads/' + linking.id + '/link', { series: lSeries.value, volume_num: lVolume.value || null });
          lDialog.close();
          await load();
          feedback(refresh, t('downloads.link.done', { title: lSeries.value + (g.volume ? ' ' + g.volume : '') }));
        } catch (e) { showError(lDialog.querySelector('form'), lSubmit, e); }
      });
    });
    async function openLink(d) {
      if (!seriesTitles) seriesTitles = (await api('GET', '/api/missing-monitor/series')).map((s) => s.title);
      linking = d;
      clear(lSeries).append(...seriesTitles.map((s) => el('option', { value: s, text: s, selected: s.toLowerCase() === String(d.title).toLowerCase() })));
      lVolume.value = d.volume || '';
      lDialog.querySelector('.release-name').textContent = d.release || d.title;
      lDialog.showModal();
    }

    /** One action button: asks first when {@code ask} is given, then calls the API and draws the queue again. */
    function action(d, kind, ask) {
      const b = el('button', { type: 'button', class: kind === 'retry' ? 'secondary' : kind === 'link' ? 'secondary' : 'danger',
        data: { action: kind, id: d.id }, text: t('downloads.' + kind) });
      b.addEventListener('click', async () => {
        if (kind === 'link') { busy(b, () => openLink(d)); return; }
        // a finished download is no longer in its client: blocking it only keeps its release out
        const askKey = 'downloads.' + kind + (ACTIVE.includes(d.state) ? '.ask' : '.askFinished');
        if (ask && !(await confirmDialog(t(has(askKey) ? askKey : 'downloads.' + kind + '.ask', { title: d.title + (d.volume ? ' ' + d.volume : ''), client: d.client }),
          { confirmLabel: t('downloads.' + kind + '.confirm'), danger: true }))) return;
        let failure = null;
        const done = await busy(b, async () => {
          try {
            await api('POST', '/api/missing-monitor/downloads/' + d.id + '/' + kind);
            return true;
          } catch (e) { failure = e; throw e; }
        });
        if (done || failure) {
          note(d.id, done ? t('downloads.' + kind + '.done') : errorText(failure), done ? 'ok' : 'error');
          await load();
        }
      });
      return b;
    }

    function row(d) {
      const s = d.client_state || d.state;
      const pct = d.progress == null ? null : Math.round(d.progress * 100);
      const active = ACTIVE.includes(d.state);
      const actions = [];
      if (active) actions.push(action(d, 'cancel', true));
      if (active && d.import_error || !active && ['failed', 'download_failed', 'cancelled'].includes(d.state)) actions.push(action(d, 'retry', false));
      if (!d.linked && d.state !== 'cancelled' && d.state !== 'failed') actions.push(action(d, 'link', false));
      if (d.linked && (active || d.state === 'download_failed')) actions.push(action(d, 'blocklist', true)); // a blocklist is per series
      const notes = [
        !d.linked ? el('span', { class: 'badge', text: t('downloads.unlinked') }) : null,
        d.import_error ? el('p', { class: 'feedback feedback-error import-error', text: t('downloads.import.error', { message: d.import_error }) }) : null,
        d.problem ? el('p', { class: 'feedback feedback-error', text: t('downloads.client.problem', { message: d.problem }) }) : null,
        d.message && !active ? el('p', { class: 'muted', text: d.message }) : null,
      ];
      const cell = (c, ...content) => el('td', { 'data-label': t('downloads.col.' + c), class: 'col-' + c }, ...content);
      return el('tr', { data: { id: d.id, state: d.state }, class: 'state-' + s + (String(d.id) === marked ? ' highlight' : '') },
        cell('series', el('strong', { text: d.title }), d.release ? el('div', { class: 'muted release-name', text: d.release }) : null, notes),
        cell('volume', d.volume || '–'), cell('client', d.client || '–'), cell('state', el('span', { class: 'state', text: downloadStateText(d.client_state, d.state) })),
        cell('progress', pct == null ? '–' : el('div', { class: 'progress' },
          el('progress', { max: 100, value: pct, 'aria-label': t('downloads.col.progress') }), el('span', { text: pct + ' %' }))),
        cell('speed', d.speed == null ? '–' : t('downloads.speed', { size: fmtSize(d.speed) })), cell('eta', etaText(d.eta)),
        cell('date', fmtDateTime(d.sent_at)), el('td', { class: 'col-actions' }, el('div', { class: 'actions' }, actions, said(d.id))));
    }

    /** What the last action on this download said, while it is recent. */
    function said(id) {
      const n = notes.get(String(id));
      if (!n || n.until < Date.now()) { notes.delete(String(id)); return null; }
      const role = n.fresh ? (n.kind === 'error' ? 'alert' : 'status') : null; // announced once, not at every refresh
      n.fresh = false;
      return el('span', { class: 'feedback feedback-' + n.kind, role, text: n.text });
    }

    function table(rows, id) {
      return el('div', { class: 'table-wrap' }, el('table', { id, class: 'queue' },
        el('thead', {}, el('tr', {}, ['series', 'volume', 'client', 'state', 'progress', 'speed', 'eta', 'date'].map((c) =>
          el('th', { scope: 'col', text: t('downloads.col.' + c) })), el('th', { scope: 'col' }, el('span', { class: 'sr', text: t('downloads.col.actions') })))),
        el('tbody', {}, rows.map(row))));
    }

    async function load() {
      const rows = await api('GET', '/api/missing-monitor/downloads');
      const active = rows.filter((d) => ACTIVE.includes(d.state));
      const finished = rows.filter((d) => !ACTIVE.includes(d.state));
      const focused = document.activeElement && list.contains(document.activeElement) ? document.activeElement.dataset : null;
      clear(list);
      if (!rows.length) {
        list.append(emptyState(t('downloads.empty'), t('tab.search'), () => { location.hash = '#/search'; }));
      } else {
        list.append(el('h2', { text: t('downloads.active', { count: fmtNumber(active.length) }) }),
          active.length ? table(active, 'queue') : el('p', { class: 'muted', text: t('downloads.none.active') }));
        if (finished.length) {
          const details = el('details', { id: 'finished', open: finishedOpen }, el('summary', { text: t('downloads.finished', { count: fmtNumber(finished.length) }) }),
            table(finished, 'finished-list'));
          details.addEventListener('toggle', () => { finishedOpen = details.open; });
          list.append(details);
        }
      }
      if (shown) showOne(shown);
      shown = null;
      if (focused && focused.action) { // a redraw keeps the keyboard where it was
        const again = list.querySelector('button[data-action="' + focused.action + '"][data-id="' + focused.id + '"]');
        if (again) again.focus();
      }
      status.textContent = t('downloads.refreshed', { time: new Date().toLocaleTimeString(document.documentElement.lang === 'en' ? 'en-GB' : 'fr-FR') });
    }

    /** Marks one download's row, its finished list opened when it is there, and scrolls to it. */
    function showOne(id) {
      const tr = list.querySelector('tr[data-id="' + id + '"]');
      if (!tr) return;
      const details = tr.closest('details');
      if (details) { details.open = true; finishedOpen = true; }
      tr.scrollIntoView({ block: 'center' });
    }

    refresh.addEventListener('click', () => busy(refresh, load));
    await load();
    timer = setInterval(() => {
      if (!list.isConnected) { stop(); return; } // the page is gone (redrawn or left)
      if (document.querySelector('dialog[open]')) return; // never redraw under an open dialog
      load().catch((e) => { status.textContent = errorText(e); });
    }, REFRESH_MS);
  },
  leave() { stop(); },
};
