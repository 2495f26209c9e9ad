// What the page knows: who is signed in, the units, the report shown, the words of the language; and what the caller
// may do, which is all the page offers.

import { el } from './dom.js';
import { language } from './i18n.js';

export const page = {
  me: null,
  units: [],
  briefing: null,
  overdue: [],
  poll: null,
  /** The unit whose open work items the data entry lists, when it is shown. */
  entryUnit: null,
  words: language('vi')
};

export const t = (...args) => page.words.t(...args);

// ---- units: the tree under the city commission ----

export function unitName(unitId) {
  const unit = page.units.find((u) => u.id === unitId);
  return unit ? unit.name : unitId;
}

/** The units in tree order, each with its depth: a unit, then the units under it. */
export function unitTree() {
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
export function unitAndBelow(unitId) {
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

export function unitOptions(selected, allowed) {
  return unitTree()
    .filter(({ unit }) => !allowed || allowed.has(unit.id))
    .map(({ unit, depth }) => el('option', { value: unit.id, selected: unit.id === selected },
      '\u00a0\u00a0'.repeat(depth) + unit.name));
}

// ---- what the signed-in caller may do ----

export const has = (role) => page.me && page.me.roles.includes(role);
export const mayWrite = () => has('ADMIN') || has('OFFICER');
export const mayAudit = () => has('ADMIN') || has('AUDITOR');

/** The units the caller may write for: every unit for an administrator, an officer's own unit and those under it. */
export function writableUnits() {
  return has('ADMIN') ? null : unitAndBelow(page.me.unitId);
}
