// The briefing of a period and a unit: each part as a chart and as a table of the API's exact figures; every figure is
// marked with where it is in the API's answer (data-figure), which the browser tests read.

import * as api from './api.js';
import { barChart } from './charts.js';
import { $, el, failure, status, table } from './dom.js';
import { loadOpenTasks } from './entry.js';
import { page, t, unitName, unitOptions } from './page.js';
import { address, briefingQuery, go, hanoiTimeOfInstant, hanoiToday, instantOfHanoiTime, readState } from './view.js';

const POLL_MILLIS = 5000;
const BLOCS = ['PARTY', 'MASS_ORGANISATIONS', 'STATE', 'OTHER'];
const FORMATS = ['IN_PERSON', 'ONLINE', 'BLENDED'];

function presetButtons(state) {
  const year = Number(state.from.slice(0, 4));
  const preset = (label, from, to, id) => el('button', {
    type: 'button', id, 'aria-pressed': String(state.from === from && state.to === to),
    onclick: () => go({ from, to })
  }, label);
  const quarters = [['01-01', '03-31'], ['04-01', '06-30'], ['07-01', '09-30'], ['10-01', '12-31']];
  return el('div', { class: 'presets', role: 'group', 'aria-label': t('presets') },
    el('label', { for: 'year' }, t('year')),
    el('input', {
      id: 'year', type: 'number', min: 1990, max: 2100, value: year,
      onchange: (event) => {
        const to = `${event.target.value}-${state.to.slice(5)}`;
        go({ from: `${event.target.value}-${state.from.slice(5)}`, to });
      }
    }),
    preset(t('nineMonths'), `${year}-01-01`, `${year}-09-30`, 'preset-nine-months'),
    ...quarters.map(([from, to], q) =>
      preset(t('quarter', q + 1), `${year}-${from}`, `${year}-${to}`, `preset-q${q + 1}`)),
    preset(t('wholeYear'), `${year}-01-01`, `${year}-12-31`, 'preset-year'));
}

export function renderFilters(state) {
  const exportLink = (format, label) => {
    const query = briefingQuery(state);
    query.set('format', format);
    return el('a', {
      class: 'button', id: `export-${format}`, href: `/api/reports/briefing?${query}`,
      download: `giaoban-${state.unitId}-${state.from}-${state.to}.${format}`
    }, label);
  };
  const form = el('form', { id: 'filters', class: 'panel filters', 'aria-label': t('presets') },
    el('div', { class: 'field' }, el('label', { for: 'unit' }, t('unit')),
      el('select', { id: 'unit', onchange: (event) => go({ unitId: event.target.value }) },
        ...unitOptions(state.unitId))),
    el('div', { class: 'field' }, el('label', { for: 'from' }, t('from')),
      el('input', { id: 'from', type: 'date', value: state.from, required: true })),
    el('div', { class: 'field' }, el('label', { for: 'to' }, t('to')),
      el('input', { id: 'to', type: 'date', value: state.to, required: true })),
    el('div', { class: 'field' }, el('label', { for: 'recorded-at' }, t('recordedAt')),
      el('input', {
        id: 'recorded-at', type: 'datetime-local',
        value: state.recordedAt ? hanoiTimeOfInstant(state.recordedAt) : ''
      })),
    el('div', { class: 'field actions' },
      el('button', { type: 'submit', id: 'show' }, t('show')),
      el('button', {
        type: 'button', id: 'recorded-now', disabled: !state.recordedAt, onclick: () => go({ recordedAt: '' })
      }, t('now'))),
    presetButtons(state),
    el('div', { class: 'exports', role: 'group', 'aria-label': t('export') },
      exportLink('csv', t('exportCsv')), exportLink('xlsx', t('exportExcel')),
      el('button', { type: 'button', id: 'print', onclick: () => window.print() }, t('print'))));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const recorded = $('recorded-at').value;
    go({ from: $('from').value, to: $('to').value, recordedAt: recorded ? instantOfHanoiTime(recorded) : '' });
  });
  return form;
}

function figure(path, value, format) {
  return el('td', { class: 'number', 'data-figure': path }, format(value));
}

/** A table of figures; its caption is hidden on screen when a heading just above says the same. */

function section(id, heading, ...content) {
  return el('section', { id, class: 'panel', 'aria-labelledby': `${id}-heading` },
    el('h2', { id: `${id}-heading` }, heading), ...content);
}

/** A figure in large type; one the API leaves out (a completion rate when nothing is due) is a dash. */
function keyFigure(path, label, value, format) {
  const shown = value === null || value === undefined
    ? el('span', { class: 'key-value' }, '—')
    : el('span', { class: 'key-value', 'data-figure': path }, format(value));
  return el('div', { class: 'key-figure' }, shown, el('span', { class: 'key-label' }, label));
}

function tasksSection(report) {
  const w = page.words;
  const tasks = report.tasks;
  const byUnit = tasks.byUnit || [];
  return section('tasks', t('tasks'),
    el('div', { class: 'key-figures' },
      keyFigure('tasks.completed', t('completed'), tasks.completed, w.number),
      keyFigure('tasks.due', t('due'), tasks.due, w.number),
      keyFigure('tasks.open', t('open'), tasks.open, w.number),
      keyFigure('tasks.overdue', t('overdue'), tasks.overdue, w.number),
      keyFigure('tasks.completionRate', t('completionRate'), tasks.completionRate, w.percent)),
    byUnit.length ? barChart({
      title: t('chartOf', `${t('tasks')} — ${t('byUnit')}`),
      series: [t('due'), t('completed')],
      rows: byUnit.map((u) => ({ label: u.name || unitName(u.unitId), values: [u.due, u.completed] })),
      format: w.number
    }) : '',
    table(`${t('tasks')} — ${t('byUnit')}`, [t('unit'), t('due'), t('completed'), t('overdue')],
      byUnit.map((u, i) => el('tr', {}, el('th', { scope: 'row' }, u.name || unitName(u.unitId)),
        figure(`tasks.byUnit.${i}.due`, u.due, w.number), figure(`tasks.byUnit.${i}.completed`, u.completed, w.number),
        figure(`tasks.byUnit.${i}.overdue`, u.overdue, w.number))),
      'tasks-by-unit'),
    el('h3', {}, t('overdueList')),
    page.overdue.length
      ? table(t('overdueList'), [t('taskTitle'), t('unit'), t('dueOn')],
        page.overdue.map((task) => el('tr', {}, el('th', { scope: 'row' }, task.title),
          el('td', {}, unitName(task.unitId)), el('td', { class: 'number' }, w.date(task.dueOn)))), 'overdue',
        'visually-hidden')
      : el('p', { id: 'overdue' }, t('noOverdue')));
}

function documentsSection(report) {
  const w = page.words;
  const kinds = Object.entries(report.documents.byKind || {});
  return section('documents', t('documents'),
    el('div', { class: 'key-figures' }, keyFigure('documents.issued', t('issued'), report.documents.issued, w.number)),
    kinds.length ? barChart({
      title: t('chartOf', t('documents')), series: [t('count')],
      rows: kinds.map(([kind, count]) => ({ label: w.name('kinds', kind), values: [count] })), format: w.number
    }) : '',
    table(t('documents'), [t('kind'), t('count')],
      kinds.map(([kind, count]) => el('tr', {}, el('th', { scope: 'row' }, w.name('kinds', kind)),
        figure(`documents.byKind.${kind}`, count, w.number))), 'documents-by-kind'));
}

function trainingSection(report) {
  const w = page.words;
  const training = report.training;
  const groups = (group, codes, names) => {
    const rows = codes.filter((code) => training[group][code]);
    return [
      barChart({
        title: t('chartOf', `${t('training')} — ${t(group)}`), series: [t('classes'), t('learnerTurns')],
        scalePerSeries: true,
        rows: rows.map((code) => ({
          label: w.name(names, code), values: [training[group][code].classes, training[group][code].learnerTurns]
        })),
        format: w.number
      }),
      table(`${t('training')} — ${t(group)}`, [t(group === 'byBloc' ? 'bloc' : 'format'), t('classes'), t('learnerTurns')],
        rows.map((code) => el('tr', {}, el('th', { scope: 'row' }, w.name(names, code)),
          figure(`training.${group}.${code}.classes`, training[group][code].classes, w.number),
          figure(`training.${group}.${code}.learnerTurns`, training[group][code].learnerTurns, w.number))),
        `training-${group === 'byBloc' ? 'by-bloc' : 'by-format'}`)
    ];
  };
  return section('training', t('training'),
    el('div', { class: 'key-figures' },
      keyFigure('training.classes', t('classes'), training.classes, w.number),
      keyFigure('training.learnerTurns', t('learnerTurns'), training.learnerTurns, w.number)),
    el('h3', {}, t('byBloc')), ...groups('byBloc', BLOCS, 'blocs'),
    el('h3', {}, t('byFormat')), ...groups('byFormat', FORMATS, 'formats'));
}

function plansSection(report) {
  const w = page.words;
  const lines = (report.trainingPlans || []).flatMap((plan, p) => plan.lines.map((line, l) => ({ plan, p, line, l })));
  return section('plans', t('plans'),
    lines.length ? barChart({
      title: t('chartOf', t('plans')), series: [t('planned'), t('actual')],
      rows: lines.map(({ plan, line }) => ({
        label: `${unitName(plan.unitId)} ${plan.year}: ${line.label}`, values: [line.planned, line.actual]
      })),
      format: w.number
    }) : '',
    lines.length
      ? table(t('plans'), [t('planLine'), t('planned'), t('actual')],
        lines.map(({ plan, p, line, l }) => el('tr', {},
          el('th', { scope: 'row' }, `${unitName(plan.unitId)} ${plan.year}: ${line.label}`),
          figure(`trainingPlans.${p}.lines.${l}.planned`, line.planned, w.number),
          figure(`trainingPlans.${p}.lines.${l}.actual`, line.actual, w.number))), 'plans-table')
      : el('p', {}, t('noPlans')));
}

function contestsSection(report) {
  const w = page.words;
  const contests = report.contests || [];
  return section('contests', t('contests'),
    contests.length ? barChart({
      title: t('chartOf', t('contests')), series: [t('entries'), t('participants')],
      rows: contests.map((c) => ({ label: c.title, values: [c.entries, c.participants] })), format: w.number
    }) : '',
    contests.length
      ? table(t('contests'), [t('contest'), t('entries'), t('participants')],
        contests.map((c, i) => el('tr', {}, el('th', { scope: 'row' }, c.title),
          figure(`contests.${i}.entries`, c.entries, w.number),
          figure(`contests.${i}.participants`, c.participants, w.number))), 'contests-table')
      : el('p', {}, t('noContests')));
}

export function renderFigures(state) {
  const report = page.briefing;
  const w = page.words;
  const banner = state.recordedAt
    ? el('p', { id: 'as-recorded', class: 'as-recorded', role: 'note' }, t('asRecordedBanner', w.instant(state.recordedAt)))
    : '';
  $('figures').replaceChildren(
    el('p', { class: 'period' }, t('periodLine', w.date(report.from), w.date(report.to), unitName(report.unitId))),
    banner,
    el('p', { id: 'freshness', class: 'freshness', 'aria-live': 'polite' },
      state.recordedAt ? t('frozen') : t('updatedAt', w.instant(new Date().toISOString()))),
    tasksSection(report), documentsSection(report), trainingSection(report), plansSection(report),
    contestsSection(report));
}

/**
 * The open items of the period due before the report's date (the end of the period, or today in Hanoi when the period
 * has not ended): the overdue ones, as the briefing counts them.
 */
async function loadOverdue(state) {
  const reportDate = [state.to, hanoiToday()].sort()[0];
  const query = new URLSearchParams({
    unitId: state.unitId, status: 'OPEN', dueFrom: state.from, dueTo: reportDate, size: '500'
  });
  const open = await api.get(`/api/tasks?${query}`);
  return open.items.filter((task) => task.dueOn < reportDate);
}

export async function loadBriefing(state) {
  const [briefing, overdue] = await Promise.all([
    api.get(`/api/reports/briefing?${briefingQuery(state)}`),
    state.recordedAt ? Promise.resolve([]) : loadOverdue(state)
  ]);
  page.briefing = briefing;
  page.overdue = overdue;
}

/** Asks again every few seconds while the page shows the figures of now, and redraws them when they moved. */
export function keepFresh(state) {
  clearTimeout(page.poll);
  if (state.recordedAt) {
    return;
  }
  const shown = address(state);
  page.poll = setTimeout(async () => {
    if (address(readState()) !== shown || !page.me) {
      return;
    }
    if (document.visibilityState === 'visible') {
      const before = JSON.stringify(page.briefing.position);
      try {
        await loadBriefing(state);
        if (JSON.stringify(page.briefing.position) !== before) {
          renderFigures(state);
          if (page.entryUnit) {
            await loadOpenTasks(page.entryUnit);
          }
        } else {
          $('freshness').textContent = t('updatedAt', page.words.instant(new Date().toISOString()));
        }
      } catch (error) {
        status($('freshness'), t('failed', failure(error)), 'error');
      }
    }
    keepFresh(state);
  }, POLL_MILLIS);
}
