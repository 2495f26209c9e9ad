// The page's view (period, unit, language, instant) is its address: a link opens the same view, Back returns to the
// previous one. Dates and instants in Hanoi time (UTC+7, no daylight saving), as the commission reads them.

export const HANOI_OFFSET_MILLIS = 7 * 3600 * 1000;

/** Sent on the window when the view changes without the browser's own navigation. */
export const VIEW_CHANGED = 'giaoban:view-changed';

export function hanoiToday() {
  return new Date(Date.now() + HANOI_OFFSET_MILLIS).toISOString().slice(0, 10);
}

export function readState() {
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

export function address(state) {
  const query = new URLSearchParams({ from: state.from, to: state.to, unitId: state.unitId, lang: state.lang });
  if (state.recordedAt) {
    query.set('recordedAt', state.recordedAt);
  }
  return '/?' + query.toString();
}


/** A new view: a new entry in the browser's history, so that Back returns to the one before. */
export function go(changes) {
  const state = { ...readState(), ...changes };
  history.pushState(null, '', address(state));
  window.dispatchEvent(new Event(VIEW_CHANGED));
}

export function briefingQuery(state) {
  const query = new URLSearchParams({ from: state.from, to: state.to, unitId: state.unitId });
  if (state.recordedAt) {
    query.set('recordedAt', state.recordedAt);
  }
  return query;
}

/** The instant of a datetime-local field, read as Hanoi time (UTC+7, no daylight saving). */
export function instantOfHanoiTime(local) {
  return new Date(Date.parse(local + ':00Z') - HANOI_OFFSET_MILLIS).toISOString().replace('.000Z', 'Z');
}

export function hanoiTimeOfInstant(instant) {
  return new Date(Date.parse(instant) + HANOI_OFFSET_MILLIS).toISOString().slice(0, 16);
}
