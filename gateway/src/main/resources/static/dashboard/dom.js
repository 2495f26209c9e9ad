// Building the page: elements made with text as text, never as markup, so that nothing the API returns can become a
// script; messages; tables.

import { ApiProblem } from './api.js';

export function el(tag, attributes = {}, ...children) {
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

export const $ = (id) => document.getElementById(id);

export function status(target, text, kind = 'info') {
  target.replaceChildren(text ? el('p', { class: `status ${kind}` }, text) : '');
}

export function failure(error) {
  return error instanceof ApiProblem ? error.describe() : String(error.message || error);
}


/** A table of figures; its caption is hidden on screen when a heading just above says the same. */
export function table(caption, headings, rows, id, captionClass) {
  return el('table', { id },
    el('caption', { class: captionClass }, caption),
    el('thead', {}, el('tr', {}, ...headings.map((h, i) => el('th', { scope: 'col', class: i ? 'number' : '' }, h)))),
    el('tbody', {}, ...rows));
}
