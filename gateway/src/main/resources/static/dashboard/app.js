// The dashboard: the briefing of a period and a unit, as the API reports it, for whoever is signed in; data entry for
// officers and administrators; the ledger and the history of records for auditors and administrators. Everything the
// page shows comes from the gateway's public API; its state is in the address.

import * as api from './api.js';
import { barChart } from './charts.js';
import { language } from './i18n.js';

const POLL_MILLIS = 5000;
const HANOI_OFFSET_MILLIS = 7 * 3600 * 1000;
const BLOCS = ['PARTY', 'MASS_ORGANISATIONS', 'STATE', 'OTHER'];
const FORMATS = ['IN_PERSON', 'ONLINE', 'BLENDED'];

const page = {
  me: null,
  units: [],
  briefing: null,
  overdue: [],
  poll: null,
  /** The unit whose open work items the data entry lists, when it is shown. */
  entryUnit: null,
  words: language('vi')
};

// ---- small DOM helpers: text always goes in as text, never as markup ----

function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) {
    if (value === false || value === null || value === undefined) {
      continue;
    }
    if (key.startsWith('on')) {
      node.addEventListener(key.slice(2), value);
    } else {
      node.setAttribute(key, value === true ? '' : String(value));
    }
  }
  for (const child of children.flat()) {
    if (child !== null && child !== undefined && child !== false) {
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
  }
  return node;
}

const $ = (id) => document.getElementById(id);
const t = (...args) => page.words.t(...args);

function status(target, text, kind = 'info') {
  target.replaceChildren(text ? el('p', { class: `status ${kind}` }, text) : '');
}

function failure(error) {
  return error instanceof api.ApiProblem ? error.describe() : String(error.message || error);
}

// ---- the page's state, in its address ----

function hanoiToday() {
  return new Date(Date.now() + HANOI_OFFSET_MILLIS).toISOString().slice(0, 10);
}

function readState() {
  const query = new URLSearchParams(location.search);
  const today = hanoiToday();
  return {
    from: query.get('from') || `${today.slice(0, 4)}-01-01`,
    to: query.get('to') || today,
    unitId: query.get('unitId') || 'HN',
    lang: query.get('lang') === 'en' ? 'en' : 'vi',
    recordedAt: query.get('recordedAt') || ''
  };
}

function address(state) {
  const query = new URLSearchParams({ from: state.from, to: state.to, unitId: state.unitId, lang: state.lang });
  if (state.recordedAt) {
    query.set('recordedAt', state.recordedAt);
  }
  return '/?' + query.toString();
}

/** A new view: a new entry in the browser's history, so that Back returns to the one before. */
function go(changes) {
  const state = { ...readState(), ...changes };
  history.pushState(null, '', address(state));
  render();
}

function briefingQuery(state) {
  const query = new URLSearchParams({ from: state.from, to: state.to, unitId: state.unitId });
  if (state.recordedAt) {
    query.set('recordedAt', state.recordedAt);
  }
  return query;
}

/** The instant of a datetime-local field, read as Hanoi time (UTC+7, no daylight saving). */
function instantOfHanoiTime(local) {
  return new Date(Date.parse(local + ':00Z') - HANOI_OFFSET_MILLIS).toISOString().replace('.000Z', 'Z');
}

function hanoiTimeOfInstant(instant) {
  return new Date(Date.parse(instant) + HANOI_OFFSET_MILLIS).toISOString().slice(0, 16);
}

// ---- units: the tree under the city commission ----

function unitName(unitId) {
  const unit = page.units.find((u) => u.id === unitId);
  return unit ? unit.name : unitId;
}

/** The units in tree order, each with its depth: a unit, then the units under it. */
function unitTree() {
  const children = new Map();
  for (const unit of page.units) {
    const siblings = children.get(unit.parentId || null) || [];
    siblings.push(unit);
    children.set(unit.parentId || null, siblings);
  }
  const ordered = [];
  const visit = (parentId, depth) => {
    for (const unit of children.get(parentId) || []) {
      ordered.push({ unit, depth });
      visit(unit.id, depth + 1);
    }
  };
  const known = new Set(page.units.map((u) => u.id));
  page.units.filter((u) => !u.parentId || !known.has(u.parentId)).forEach((root) => {
    ordered.push({ unit: root, depth: 0 });
    visit(root.id, 1);
  });
  return ordered;
}

/** The unit and every unit under it. */
function unitAndBelow(unitId) {
  return new Set(unitTree()
    .filter(({ unit }) => {
      for (let u = unit; u; u = page.units.find((p) => p.id === u.parentId)) {
        if (u.id === unitId) {
          return true;
        }
      }
      return false;
    })
    .map(({ unit }) => unit.id));
}

function unitOptions(selected, allowed) {
  return unitTree()
    .filter(({ unit }) => !allowed || allowed.has(unit.id))
    .map(({ unit, depth }) => el('option', { value: unit.id, selected: unit.id === selected },
      '\u00a0\u00a0'.repeat(depth) + unit.name));
}

// ---- what the signed-in caller may do ----

const has = (role) => page.me && page.me.roles.includes(role);
const mayWrite = () => has('ADMIN') || has('OFFICER');
const mayAudit = () => has('ADMIN') || has('AUDITOR');

/** The units the caller may write for: every unit for an administrator, an officer's own unit and those under it. */
function writableUnits() {
  return has('ADMIN') ? null : unitAndBelow(page.me.unitId);
}

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

async function signOut() {
  await api.signOut();
  page.me = null;
  await render();
}

// ---- the briefing ----

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

function renderFilters(state) {
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
function table(caption, headings, rows, id, captionClass) {
  return el('table', { id },
    el('caption', { class: captionClass }, caption),
    el('thead', {}, el('tr', {}, ...headings.map((h, i) => el('th', { scope: 'col', class: i ? 'number' : '' }, h)))),
    el('tbody', {}, ...rows));
}

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
    contests.length
      ? table(t('contests'), [t('contest'), t('entries'), t('participants')],
        contests.map((c, i) => el('tr', {}, el('th', { scope: 'row' }, c.title),
          figure(`contests.${i}.entries`, c.entries, w.number),
          figure(`contests.${i}.participants`, c.participants, w.number))), 'contests-table')
      : el('p', {}, t('noContests')));
}

function renderFigures(state) {
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

async function loadBriefing(state) {
  const [briefing, overdue] = await Promise.all([
    api.get(`/api/reports/briefing?${briefingQuery(state)}`),
    state.recordedAt ? Promise.resolve([]) : loadOverdue(state)
  ]);
  page.briefing = briefing;
  page.overdue = overdue;
}

/** Asks again every few seconds while the page shows the figures of now, and redraws them when they moved. */
function keepFresh(state) {
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

// ---- data entry: officers and administrators ----

function entrySection(state) {
  const writable = writableUnits();
  const unitForLists = writable && !writable.has(state.unitId) ? page.me.unitId : state.unitId;
  page.entryUnit = unitForLists;
  const taskStatus = el('div', { id: 'task-status', role: 'status' });
  const taskForm = el('form', { id: 'new-task', class: 'entry' },
    el('h3', {}, t('newTask')),
    el('label', { for: 'task-programme' }, t('programme')),
    el('input', { id: 'task-programme', required: true, value: state.to.slice(0, 4) }),
    el('label', { for: 'task-title' }, t('taskTitle')),
    el('input', { id: 'task-title', required: true, maxlength: 500 }),
    el('label', { for: 'task-unit' }, t('unit')),
    el('select', { id: 'task-unit' }, ...unitOptions(unitForLists, writable)),
    el('label', { for: 'task-due' }, t('dueOn')),
    el('input', { id: 'task-due', type: 'date', required: true, value: state.to }),
    el('label', { for: 'task-description' }, t('description')),
    el('textarea', { id: 'task-description', rows: 2 }),
    el('button', { type: 'submit' }, t('add')), taskStatus);
  taskForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    const title = $('task-title').value;
    try {
      await api.post('/api/tasks', {
        programme: $('task-programme').value, title, unitId: $('task-unit').value, dueOn: $('task-due').value,
        description: $('task-description').value || null
      });
      status(taskStatus, t('taskAdded', title), 'success');
      $('task-title').value = '';
      await loadOpenTasks(unitForLists);
    } catch (error) {
      status(taskStatus, failure(error), 'error');
    }
  });

  const uploadStatus = el('div', { id: 'upload-status', role: 'status' });
  const uploadForm = el('form', { id: 'class-list', class: 'entry' },
    el('h3', {}, t('classList')),
    el('p', { class: 'help', id: 'class-list-help' }, t('classListHelp')),
    el('label', { for: 'upload-class' }, t('trainingClass')),
    el('select', { id: 'upload-class', required: true }),
    el('label', { for: 'upload-file' }, t('file')),
    el('input', { id: 'upload-file', type: 'file', accept: '.csv,text/csv', required: true, 'aria-describedby': 'class-list-help' }),
    el('button', { type: 'submit' }, t('upload')), uploadStatus, el('div', { id: 'upload-rows' }));
  uploadForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    const file = $('upload-file').files[0];
    const text = await file.text();
    try {
      const outcome = await api.postCsv(`/api/classes/${$('upload-class').value}/enrolments/batch`, text);
      showUpload(text, outcome);
    } catch (error) {
      status(uploadStatus, failure(error), 'error');
      $('upload-rows').replaceChildren();
    }
  });

  const section = el('section', { id: 'entry', class: 'panel no-print', 'aria-labelledby': 'entry-heading' },
    el('h2', { id: 'entry-heading' }, t('officerHeading')),
    el('div', { class: 'columns' }, taskForm, uploadForm),
    el('h3', {}, t('openTasks')), el('div', { id: 'complete-status', role: 'status' }), el('div', { id: 'open-tasks' }));
  loadOpenTasks(unitForLists).catch((error) => status($('open-tasks'), failure(error), 'error'));
  loadClasses(unitForLists, state).catch((error) => status(uploadStatus, failure(error), 'error'));
  return section;
}

async function loadOpenTasks(unitId) {
  const w = page.words;
  const open = await api.get(`/api/tasks?${new URLSearchParams({ unitId, status: 'OPEN', size: '500' })}`);
  const target = $('open-tasks');
  if (!target) {
    return;
  }
  if (!open.items.length) {
    target.replaceChildren(el('p', {}, t('noOpenTasks')));
    return;
  }
  target.replaceChildren(table(t('openTasks'), [t('taskTitle'), t('unit'), t('dueOn'), t('completedOn')],
    open.items.map((task) => {
      const date = el('input', {
        type: 'date', value: [task.dueOn, hanoiToday()].sort()[0], max: hanoiToday(),
        'aria-label': `${t('completedOn')}: ${task.title}`
      });
      const complete = el('button', {
        type: 'button', 'data-task': task.id,
        onclick: async () => {
          try {
            await api.post(`/api/tasks/${task.id}/complete`, { completedOn: date.value });
            status($('complete-status'), t('taskCompleted', task.title), 'success');
            complete.disabled = true;
          } catch (error) {
            status($('complete-status'), failure(error), 'error');
          }
        }
      }, t('complete'));
      return el('tr', {}, el('th', { scope: 'row' }, task.title), el('td', {}, unitName(task.unitId)),
        el('td', { class: 'number' }, w.date(task.dueOn)), el('td', { class: 'number' }, date, ' ', complete));
    }), 'open-tasks-table'));
}

async function loadClasses(unitId, state) {
  const query = new URLSearchParams({ organizerUnitId: unitId, size: '200' });
  const classes = await api.get(`/api/classes?${query}`);
  const select = $('upload-class');
  select.replaceChildren(...classes.items.map((c) =>
    el('option', { value: c.id }, `${c.title} (${page.words.date(c.startsOn)})`)));
  if (!classes.items.length) {
    status($('upload-status'), t('noClasses'));
  }
  return state;
}

/** The rows of a class list as the file has them: learnerId, fullName, unitId after the header. */
function csvRows(text) {
  const rows = [];
  for (const line of text.split(/\r?\n/).slice(1)) {
    if (!line.trim()) {
      continue;
    }
    const cells = [];
    let cell = '';
    let quoted = false;
    for (let i = 0; i < line.length; i++) {
      const c = line[i];
      if (quoted && c === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') {
        quoted = !quoted;
      } else if (c === ',' && !quoted) {
        cells.push(cell);
        cell = '';
      } else {
        cell += c;
      }
    }
    cells.push(cell);
    rows.push(cells);
  }
  return rows;
}

/** What the API answered for each row of the file: the refused ones with their reason, the others accepted. */
function showUpload(text, outcome) {
  const refused = new Map(outcome.rejected.map((r) => [r.index, r]));
  status($('upload-status'),
    t('uploadSummary', page.words.number(outcome.accepted), page.words.number(outcome.duplicates),
      page.words.number(outcome.rejected.length)),
    outcome.rejected.length ? 'warning' : 'success');
  const passed = outcome.duplicates ? t('acceptedOrKnown') : t('accepted');
  $('upload-rows').replaceChildren(table(t('classList'), [t('row'), t('learnerId'), t('fullName'), t('outcome')],
    csvRows(text).map((cells, index) => {
      const refusal = refused.get(index);
      return el('tr', { class: refusal ? 'refused' : 'accepted', 'data-row': index + 1 },
        el('th', { scope: 'row', class: 'number' }, String(index + 1)),
        el('td', {}, cells[0] || ''), el('td', {}, cells[1] || ''),
        el('td', { class: 'outcome' }, refusal ? t('refused', refusal.reason) : passed));
    }), 'upload-table'));
}

// ---- audit: auditors and administrators ----

function auditSection() {
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
render();
