// The audit, for auditors and administrators: each service's latest signed tree head and a verification of its
// ledger, and the history of one record (who, when, why).

import * as api from './api.js';
import { $, el, failure, status, table } from './dom.js';
import { page, t, unitName } from './page.js';

export function auditSection() {
  const ledger = el('div', { id: 'ledger', class: 'columns' });
  const historyStatus = el('div', { id: 'history-status', role: 'status' });
  const historyForm = el('form', { id: 'history-form', class: 'entry' },
    el('label', { for: 'history-service' }, t('service')),
    el('select', { id: 'history-service' },
      ...['tasks', 'training'].map((service) => el('option', { value: service }, page.words.name('services', service)))),
    el('label', { for: 'history-id' }, t('recordId')),
    el('input', { id: 'history-id', required: true, pattern: '[A-Za-z0-9][A-Za-z0-9_.:-]{0,99}' }),
    el('button', { type: 'submit' }, t('show')), historyStatus, el('div', { id: 'history' }));
  historyForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      status(historyStatus, '');
      showHistory(await api.get(`/api/audit/records/${encodeURIComponent($('history-id').value.trim())}`
        + `?service=${$('history-service').value}`));
    } catch (error) {
      status(historyStatus, failure(error), 'error');
      $('history').replaceChildren();
    }
  });
  for (const service of ['tasks', 'training']) {
    ledger.append(ledgerPanel(service));
  }
  return el('section', { id: 'audit', class: 'panel no-print', 'aria-labelledby': 'audit-heading' },
    el('h2', { id: 'audit-heading' }, t('auditHeading')),
    el('h3', {}, t('ledger')), ledger,
    el('h3', {}, t('history')), historyForm);
}

function ledgerPanel(service) {
  const w = page.words;
  const panel = el('div', { class: 'entry', id: `ledger-${service}` }, el('h4', {}, page.words.name('services', service)));
  const result = el('div', { role: 'status', class: 'verification' });
  api.get(`/api/audit/tree-heads/latest?service=${service}`).then((head) => {
    panel.append(el('dl', {},
      el('dt', {}, t('treeSize')), el('dd', { class: 'tree-size' }, w.number(head.treeSize)),
      el('dt', {}, t('rootHash')), el('dd', { class: 'hash' }, head.rootHash),
      el('dt', {}, t('signedAt')), el('dd', {}, w.instant(head.timestamp)),
      el('dt', {}, t('keyId')), el('dd', {}, head.keyId)));
  }, (error) => panel.append(el('p', {}, error.status === 404 ? t('noTreeHead') : failure(error))))
    .finally(() => panel.append(el('button', {
      type: 'button', class: 'verify',
      onclick: async () => {
        status(result, t('loading'));
        try {
          const verification = await api.get(`/api/audit/verify?service=${service}`);
          if (verification.verified) {
            status(result, t('verified', w.number(verification.events)), 'success');
          } else {
            const first = verification.firstMismatch;
            status(result, t('mismatch', first.position, first.reason), 'error');
          }
        } catch (error) {
          status(result, failure(error), 'error');
        }
      }
    }, t('verify')), result));
  return panel;
}

function showHistory(record) {
  const w = page.words;
  $('history').replaceChildren(table(`${record.aggregateType} ${record.aggregateId}`,
    [t('when'), t('change'), t('who'), t('roles'), t('unit'), t('reason')],
    record.changes.map((change) => el('tr', {},
      el('th', { scope: 'row' }, w.instant(change.recordedAt)), el('td', {}, change.change),
      el('td', {}, change.actor || ''), el('td', {}, (change.roles || []).join(', ')),
      el('td', {}, change.unitId ? unitName(change.unitId) : ''), el('td', {}, change.reason || ''))), 'history-table'));
}
