// Spend over time, stacked by one dimension (team, model, purpose): the spend report grouped by period and by it.
import { chart, colour } from './charts.js';
import { count, dollars, plotDollars, sumMicros } from './format.js';
import { figure, foldedTable } from './panel.js';
import { reportSection } from './page.js';

/** At most this many groups get a series of their own; the rest are summed (in micros) as "other". */
const MOST_SERIES = 8;

/**
 * The section for panel {@code id}: spend of {@code filters} (from, to, period, team) by {@code dimension}.
 * With {@code totalName}, the range's total is shown as a headline figure named so (data-figure).
 */
export function spendSection(id, dimension, filters, totalName) {
  return reportSection(id, 'spend', { ...filters, groupBy: dimension }, undefined, async (part, report) => {
    const shown = report.rows.filter((row) => !row.suppressed && row.figures);
    part.body.replaceChildren();
    if (totalName && report.totals) {
      part.body.append(figure('Total spend, ' + report.from + ' to ' + report.to,
        dollars(report.totals.costUsdMicros), report.totals.costUsdMicros, totalName));
    }
    if (shown.length === 0) {
      part.setMessage('No spend recorded in this range.', 'info');
      return;
    }
    drawSpend(part.body, report, shown, dimension, filters.period || 'day');
    const hidden = report.rows.length - shown.length;
    if (hidden > 0) {
      part.body.append(hiddenNote(hidden, report.suppression));
    }
  });
}

function drawSpend(container, report, rows, dimension, period) {
  const periods = [...new Set(rows.map((row) => row.period))].sort();
  const keys = keysByCost(rows, dimension);
  const series = keys.slice(0, MOST_SERIES);
  const rest = keys.slice(MOST_SERIES);
  const datasets = series.map((key, index) => dataset(key, colour(index), periods,
    rows.filter((row) => keyOf(row, dimension) === key)));
  if (rest.length > 0) {
    datasets.push(dataset('other (' + rest.length + ')', '#999999', periods,
      rows.filter((row) => rest.includes(keyOf(row, dimension)))));
  }
  chart(container, {
    type: 'bar', labels: periods, datasets, stacked: true,
    axes: { x: periodAxis(period), y: 'Spend (US dollars)' },
    summary: 'Stacked bars of spend per ' + period + ' by ' + dimension + ', ' + report.from + ' to '
      + report.to + ', for ' + keys.join(', ') + '. Total ' + dollars(report.totals ? report.totals.costUsdMicros
      : sumMicros(rows.map((row) => row.figures.costUsdMicros))) + '. The table below lists every figure.',
  });
  container.append(foldedTable('Spend per ' + period + ' and ' + dimension + ' (US dollars, from integer micros)', [
    [periodAxis(period), (row) => row.period],
    [dimension, (row) => keyOf(row, dimension)],
    ['Records', (row) => count(row.figures.records)],
    ['Tokens', (row) => count(row.figures.tokens.total)],
    ['Spend', (row) => ({ text: dollars(row.figures.costUsdMicros), micros: row.figures.costUsdMicros })],
  ], rows));
}

/** One series: per period, the sum (exact, in micros) of the rows given; plotted in dollars. */
function dataset(label, fill, periods, rows) {
  const micros = periods.map((period) => sumMicros(rows.filter((row) => row.period === period)
    .map((row) => row.figures.costUsdMicros)));
  return { label, backgroundColor: fill, micros, data: micros.map((value) => plotDollars(value)) };
}

function keysByCost(rows, dimension) {
  const totals = new Map();
  rows.forEach((row) => {
    const key = keyOf(row, dimension);
    totals.set(key, (totals.get(key) || 0n) + BigInt(row.figures.costUsdMicros));
  });
  // Groups (teams, models, purposes), never people: ordered by spend only to pick the series to draw.
  return [...totals.entries()].sort((a, b) => (b[1] > a[1] ? 1 : b[1] < a[1] ? -1 : a[0].localeCompare(b[0])))
    .map(([key]) => key);
}

export function keyOf(row, dimension) {
  return row[dimension] === null || row[dimension] === undefined ? '(none)' : row[dimension];
}

export function periodAxis(period) {
  return { day: 'Day (UTC)', week: 'Week starting (UTC)', month: 'Month (UTC)' }[period] || 'Period (UTC)';
}

export function hiddenNote(hidden, suppression) {
  const note = document.createElement('p');
  note.className = 'note';
  note.textContent = hidden + ' group(s) hidden: fewer than ' + (suppression ? suppression.minGroupSize : 'k')
    + ' people, which this token may not see.';
  return note;
}
