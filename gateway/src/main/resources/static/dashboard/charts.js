// Bar charts drawn as SVG by hand: no library, nothing fetched. Each chart is an image with a text alternative; the
// table beside it holds the exact figures.

const SVG = 'http://www.w3.org/2000/svg';
const BAR = 22;
const GAP = 8;
const LABEL_WIDTH = 300;
const VALUE_WIDTH = 90;
const WIDTH = 860;
const LONGEST_LABEL = 44;

function svg(name, attributes, text) {
  const node = document.createElementNS(SVG, name);
  for (const [key, value] of Object.entries(attributes)) {
    node.setAttribute(key, String(value));
  }
  if (text !== undefined) {
    node.textContent = text;
  }
  return node;
}

function shortened(label) {
  return label.length > LONGEST_LABEL ? label.slice(0, LONGEST_LABEL - 1) + '…' : label;
}

/**
 * Horizontal bars, one group a row: rows is [{label, values: [number, ...]}], series names each value's colour, format
 * writes a value. The largest value fills the width; with scalePerSeries, the largest of each series does, for series
 * of different measures (classes and learner-turns differ a thousandfold). Each bar is labelled with its figure; a zero
 * draws no bar.
 */
export function barChart({ title, rows, series, format, scalePerSeries = false }) {
  const perRow = series.length * BAR + GAP;
  const legend = series.length > 1 ? 26 : 0;
  const height = legend + rows.length * perRow + GAP;
  const largestOf = (s) => Math.max(1, ...rows.map((row) => row.values[s]));
  const overall = Math.max(...series.map((_, s) => largestOf(s)));
  const largest = series.map((_, s) => (scalePerSeries ? largestOf(s) : overall));
  const room = WIDTH - LABEL_WIDTH - VALUE_WIDTH;
  const chart = svg('svg', {
    viewBox: `0 0 ${WIDTH} ${height}`, width: WIDTH, height, role: 'img', 'aria-label': title, class: 'chart'
  });
  chart.append(svg('title', {}, title));
  series.forEach((name, s) => {
    if (legend) {
      chart.append(svg('rect', { x: LABEL_WIDTH + s * 220, y: 6, width: 14, height: 14, class: `series-${s}` }));
      chart.append(svg('text', { x: LABEL_WIDTH + s * 220 + 20, y: 18, class: 'legend' }, name));
    }
  });
  rows.forEach((row, r) => {
    const top = legend + GAP + r * perRow;
    const label = svg('text', { x: LABEL_WIDTH - 8, y: top + (series.length * BAR) / 2 + 5, class: 'label' },
      shortened(row.label));
    label.append(svg('title', {}, row.label));
    chart.append(label);
    row.values.forEach((value, s) => {
      const y = top + s * BAR;
      const width = Math.round((value / largest[s]) * room);
      if (width > 0) {
        const bar = svg('rect', { x: LABEL_WIDTH, y, width, height: BAR - 4, class: `bar series-${s}` });
        bar.append(svg('title', {}, `${row.label} — ${series[s]}: ${format(value)}`));
        chart.append(bar);
      }
      chart.append(svg('text', { x: LABEL_WIDTH + width + 6, y: y + BAR - 9, class: 'value' }, format(value)));
    });
  });
  return chart;
}
