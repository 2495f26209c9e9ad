// The dashboard: the briefing of a period and a unit, as the API reports it, for whoever is signed in; data entry for
// officers and administrators; the ledger and the history of records for auditors and administrators. Everything the
// page shows comes from the gateway's public API; its state is in the address (view.js).

import * as api from './api.js';
import { auditSection } from './audit.js';
import { keepFresh, loadBriefing, renderFigures, renderFilters } from './briefing.js';
import { $, el, failure, status } from './dom.js';
import { entrySection } from './entry.js';
import { language } from './i18n.js';
import { mayAudit, mayWrite, page, t, unitName } from './page.js';
import { go, readState, VIEW_CHANGED } from './view.js';

// ---- sign-in ----

async function whoIsSignedIn() {
  try {
    page.me = await api.get('/api/me');
  } catch (error) {
    if (error instanceof api.ApiProblem && error.status === 401) {
      page.me = null;
    } else {
      throw error;
    }
  }
}

function renderSignIn() {
  const message = el('div', { id: 'sign-in-status', role: 'alert' });
  const form = el('form', { id: 'sign-in', class: 'panel narrow', 'aria-labelledby': 'sign-in-heading' },
    el('h2', { id: 'sign-in-heading' }, t('signInHeading')),
    el('label', { for: 'user-name' }, t('userName')),
    el('input', { id: 'user-name', name: 'username', autocomplete: 'username', required: true }),
    el('label', { for: 'password' }, t('password')),
    el('input', { id: 'password', name: 'password', type: 'password', autocomplete: 'current-password', required: true }),
    el('button', { type: 'submit' }, t('signIn')),
    message);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    status(message, '');
    try {
      page.me = await api.signIn($('user-name').value, $('password').value);
      await render();
    } catch (error) {
      status(message, failure(error), 'error');
    }
  });
  $('main').replaceChildren(form);
  $('user-name').focus();
}

// ---- the header: language switch and the caller ----

function renderHeader(state) {
  const switchTo = (lang) => el('button', {
    type: 'button', lang, 'aria-pressed': String(state.lang === lang), id: `lang-${lang}`,
    onclick: () => go({ lang })
  }, lang === 'vi' ? 'Tiếng Việt' : 'English');
  const caller = page.me
    ? [el('span', { id: 'caller' }, `${t('signedInAs')} ${page.me.name} (${page.me.roles.join(', ')}`
        + `${page.me.unitId ? ' — ' + unitName(page.me.unitId) : ''})`),
      el('button', { type: 'button', id: 'sign-out', onclick: signOut }, t('signOut'))]
    : [];
  $('header').replaceChildren(
    el('div', {}, el('h1', {}, t('title')), el('p', { class: 'subtitle' }, t('subtitle'))),
    el('nav', { 'aria-label': t('language'), class: 'languages' }, switchTo('vi'), switchTo('en')),
    el('div', { class: 'caller' }, ...caller));
}

/** Signs out; whether or not the gateway still had the session, the page then asks who is signed in. */
async function signOut() {
  try {
    await api.signOut();
  } finally {
    page.me = null;
    await render();
  }
}

// ---- the whole page ----

async function render() {
  const state = readState();
  page.words = language(state.lang);
  document.documentElement.lang = state.lang;
  document.title = t('title');
  clearTimeout(page.poll);
  page.entryUnit = null;
  try {
    if (!page.me) {
      await whoIsSignedIn();
    }
    renderHeader(state);
    if (!page.me) {
      renderSignIn();
      return;
    }
    if (!page.units.length) {
      page.units = await api.get('/api/units');
      renderHeader(state);
    }
    $('main').replaceChildren(renderFilters(state), el('div', { id: 'figures', 'aria-busy': 'true' }, t('loading')),
      mayWrite() ? entrySection(state) : '', mayAudit() ? auditSection() : '');
    await loadBriefing(state);
    renderFigures(state);
    $('figures').setAttribute('aria-busy', 'false');
    keepFresh(state);
  } catch (error) {
    if (error instanceof api.ApiProblem && error.status === 401) {
      page.me = null;
      renderSignIn();
      return;
    }
    $('main').append(el('p', { class: 'status error', role: 'alert' }, t('failed', failure(error))));
  }
}

window.addEventListener('popstate', render);
window.addEventListener(VIEW_CHANGED, render);
render();
