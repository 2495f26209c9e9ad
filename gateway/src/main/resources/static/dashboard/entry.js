// Data entry, for officers (their own unit and the units under it) and administrators: a new work item, completing an
// open one, a class list uploaded as CSV with the API's outcome for each row.

import * as api from './api.js';
import { $, el, failure, status, table } from './dom.js';
import { page, t, unitName, unitOptions, writableUnits } from './page.js';
import { hanoiToday } from './view.js';

export function entrySection(state) {
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

export async function loadOpenTasks(unitId) {
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
