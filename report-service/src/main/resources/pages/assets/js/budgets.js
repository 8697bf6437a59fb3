// Budget burn-down: a table of every budget, and for those that matter (burndown-choice.js: organization-wide,
// cap reached, forecast to reach it) the spend counted so far day by day, its cap (the amount), and the forecast at
// the rate so far (the report's linear-v1: spent × period length ÷ elapsed, in integers) to the period's end.
import { chart } from './charts.js';
import { day, dollars, instant, percent, plotDollars } from './format.js';
import { chooseCharts } from './burndown-choice.js';
import { figure, foldedTable, provenance, table } from './panel.js';
import { reportSection } from './page.js';

const DAY_MILLIS = 86400000;

/**
 * The section for panel {@code id}: the budgets report (as of the ledger clock's period, or {@code period}).
 * {@code onlyTeam} asks the report for the budgets scoped to that team (the report filters them; the same test
 * here is a second guard that the panel never draws another team's budget).
 */
export function budgetSection(id, { period, onlyTeam }) {
  return reportSection(id, 'budgets', { period, team: onlyTeam }, 'view=burndown', async (part, report) => {
    const budgets = report.budgets.filter((b) => !onlyTeam || b.scope.team === onlyTeam);
    if (budgets.length === 0) {
      part.setMessage('No budget covers ' + (onlyTeam ? 'team ' + onlyTeam : 'this range') + '.', 'info');
      return;
    }
    const charts = chooseCharts(budgets, onlyTeam);
    part.body.replaceChildren(summaryTable(budgets, report.ledgerClock), provenance(charts.sentence));
    charts.drawn.forEach((choice) => burnDown(part.body, choice.budget, choice.why));
  });
}

function summaryTable(budgets, clock) {
  return table('Budgets at the ledger clock (' + instant(clock) + ')', [
    ['Budget', (b) => b.name + ' (' + b.budgetId + ')'],
    ['Scope', (b) => b.scope.label || 'whole organization'],
    ['Period', (b) => (b.current ? b.current.periodKey : '—')],
    ['Cap', (b) => ({ text: dollars(b.amountUsdMicros) + (b.hardCap ? ' (hard)' : ''), micros: b.amountUsdMicros })],
    ['Spent', (b) => (b.current ? { text: dollars(b.current.spentUsdMicros), micros: b.current.spentUsdMicros,
      figure: 'budget-' + b.budgetId + '-spent' } : '—')],
    ['Used', (b) => (b.current ? percent(b.current.percentUsed) : '—')],
    ['Forecast', (b) => forecastText(b)],
    ['Status', (b) => b.status],
  ], budgets);
}

function forecastText(budget) {
  const forecast = budget.current && budget.current.forecast;
  if (!forecast) {
    return '—';
  }
  return forecast.outcome === 'PROJECTED' ? 'cap reached ' + day(forecast.projectedExhaustionAt)
    : forecast.outcome.toLowerCase().replace(/_/g, ' ');
}

function burnDown(container, budget, why) {
  const current = budget.current;
  const heading = document.createElement('h3');
  heading.textContent = budget.name + ', ' + current.periodKey + ' (' + why + ')';
  container.append(heading, figure('Spent of ' + dollars(budget.amountUsdMicros), dollars(current.spentUsdMicros),
    current.spentUsdMicros));
  const labels = periodDays(current);
  const spent = labels.map((label) => {
    const found = current.burnDown.find((row) => row.day === label);
    return found ? found.cumulativeUsdMicros : null;
  });
  const projected = projection(current, labels, spent);
  const datasets = [
    line('Spent, cumulative', '#1b6ca8', spent, false),
    line('Cap', '#c8423b', labels.map(() => budget.amountUsdMicros), true),
  ];
  if (projected) {
    datasets.push(line('Forecast at the rate so far (linear-v1)', '#e07b39', projected, true));
  }
  chart(container, {
    type: 'line', labels, datasets,
    axes: { x: 'Day (' + budget.period.timeZone + ')', y: 'Cumulative spend (US dollars)' },
    summary: 'Burn-down of budget ' + budget.name + ' for ' + current.periodKey + ': ' + dollars(current.spentUsdMicros)
      + ' spent of a cap of ' + dollars(budget.amountUsdMicros) + ' (' + percent(current.percentUsed) + '); forecast: '
      + forecastText(budget) + '.',
  });
  container.append(foldedTable('Burn-down of ' + budget.name + ' (US dollars, from integer micros)', [
    ['Day', (row) => row.day],
    ['Spent that day', (row) => ({ text: dollars(row.spentUsdMicros), micros: row.spentUsdMicros })],
    ['Cumulative', (row) => ({ text: dollars(row.cumulativeUsdMicros), micros: row.cumulativeUsdMicros })],
    ['Remaining', (row) => ({ text: dollars(row.remainingUsdMicros), micros: row.remainingUsdMicros })],
  ], current.burnDown));
}

function line(label, stroke, micros, dashed) {
  return {
    label, borderColor: stroke, backgroundColor: stroke, micros, spanGaps: true, pointRadius: dashed ? 0 : 2,
    borderDash: dashed ? [6, 4] : [], data: micros.map((value) => plotDollars(value)),
  };
}

/** Every local day of the period, from its first burn-down day (or its start) for its length in days. */
function periodDays(current) {
  const first = current.burnDown.length ? current.burnDown[0].day : day(current.periodStart);
  const length = Math.round((Date.parse(current.periodEnd) - Date.parse(current.periodStart)) / DAY_MILLIS);
  const start = Date.parse(first + 'T00:00:00Z');
  return Array.from({ length }, (unused, index) => new Date(start + index * DAY_MILLIS).toISOString().slice(0, 10));
}

/** The straight line from today's spend to the period's end at the rate so far; null when there is no rate. */
function projection(current, labels, spent) {
  const forecast = current.forecast;
  if (!current.ledgerClockInPeriod || !forecast || !forecast.elapsedMillis || current.spentUsdMicros <= 0) {
    return null;
  }
  const atEnd = BigInt(current.spentUsdMicros) * BigInt(forecast.periodLengthMillis) / BigInt(forecast.elapsedMillis);
  let today = -1;
  spent.forEach((value, index) => { if (value != null) { today = index; } });
  return labels.map((unused, index) => {
    if (index === today) {
      return current.spentUsdMicros;
    }
    return index === labels.length - 1 && index > today ? atEnd.toString() : null;
  });
}
