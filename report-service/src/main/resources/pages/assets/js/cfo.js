// The CFO page (/cfo): the month to date against the organization's budgets, the month's forecast, the cost per
// merged PR over six months, the biggest movers and the flagged spend, each with the sentence the report gives
// for where it comes from; and the ledger position and signed checkpoint behind them. Prints on one A4 page.
import { getJson, reportUrl } from './api.js';
import { chart } from './charts.js';
import { count, dollars, instant, percent, plotDollars, sumMicros } from './format.js';
import { figure, panel, provenance, sourceLine } from './panel.js';
import { ledgerFacts } from './governance.js';
import { reportSection, run, section } from './page.js';
import { trendSection, moversSection } from './cfo-parts.js';

const query = new URLSearchParams(location.search);
const month = /^\d{4}-\d{2}$/.test(query.get('month') || '') ? query.get('month') : undefined;
const url = reportUrl('cfo-summary', { month });
let summary;

run({
  primary: async () => {
    const part = panel('cfo-figures');
    sourceLine(part.root.querySelector('.panel-source'), url, 'cfo-summary');
    summary = await getJson(url);
    document.body.dataset.asOf = summary.asOf.ledgerPosition;
    document.body.dataset.month = summary.month;
    document.querySelector('h1').textContent = 'AI spend: CFO summary, ' + summary.month;
    document.getElementById('range').textContent = summary.from + ' through ' + summary.through
      + ' (UTC), as of ledger position ' + summary.asOf.ledgerPosition + '; ledger clock '
      + instant(summary.ledgerClock) + '.';
    bindMonthForm(summary.month);
  },
  sections: [
    () => section(panel('cfo-figures'), async () => figures(panel('cfo-figures').body))(),
    () => section(panel('cfo-trend'), async () => trendSection(panel('cfo-trend').body, summary))(),
    () => section(panel('cfo-movers'), async () => moversSection(panel('cfo-movers').body, summary))(),
    () => ledgerPart(),
  ],
});

function figures(body) {
  const budgetMicros = sumMicros(summary.budgets.map((b) => b.amountUsdMicros));
  const hasBudget = summary.budgets.length > 0;
  const mtd = summary.monthToDate;
  const forecast = summary.forecast;
  body.replaceChildren();
  const row = document.createElement('div');
  row.className = 'figures';
  row.append(
    figure('Month to date', dollars(mtd.costUsdMicros), mtd.costUsdMicros, 'cfo-month-to-date'),
    figure('Budget (organization, monthly)', hasBudget ? dollars(budgetMicros) : 'none set',
      hasBudget ? budgetMicros.toString() : null, 'cfo-budget'),
    figure('Forecast for the month', forecast.monthUsdMicros == null ? 'not yet' : dollars(forecast.monthUsdMicros),
      forecast.monthUsdMicros, 'cfo-forecast'),
    figure('Forecast of budget', forecast.percentOfBudget ? percent(forecast.percentOfBudget) : '—'));
  body.append(row);
  const bars = [['Month to date', mtd.costUsdMicros], ['Forecast', forecast.monthUsdMicros]];
  if (hasBudget) {
    bars.push(['Budget', budgetMicros.toString()]);
  }
  const shown = bars.filter(([, micros]) => micros != null);
  chart(body, {
    type: 'bar', horizontal: true, labels: shown.map(([label]) => label),
    datasets: [{ label: summary.month, backgroundColor: ['#1b6ca8', '#e07b39', '#6b7a8f'],
      micros: shown.map(([, micros]) => micros), data: shown.map(([, micros]) => plotDollars(micros)) }],
    axes: { x: summary.month, y: 'US dollars' },
    summary: shown.map(([label, micros]) => label + ' ' + dollars(micros)).join(', ') + '.',
  });
  body.append(provenance('Month to date: ' + mtd.source + ' ' + count(mtd.records) + ' records'
    + (mtd.unpricedRecords ? ', ' + count(mtd.unpricedRecords) + ' without a price (counted at $0)' : '') + '.'));
  summary.budgets.forEach((b) => body.append(provenance('Budget ' + b.name + ': ' + dollars(b.amountUsdMicros)
    + ', ' + percent(b.percentUsed) + ' used. ' + b.source)));
  if (!hasBudget) {
    body.append(provenance('Budget: no organization-wide monthly budget (scope {}) is recorded in the ledger.'));
  }
  body.append(provenance('Forecast: ' + forecast.source + ' Method: ' + forecast.method + '.'));
}

function ledgerPart() {
  return reportSection('cfo-ledger', '/v1/reports/audit/ledger', {}, undefined, async (part, report) => {
    const checkpoint = report.ledger.latestCheckpoint;
    const again = reportUrl('cfo-summary', { month: summary.month, asOf: summary.asOf.ledgerPosition });
    part.body.replaceChildren(provenance('Every figure on this page is the report of ledger position '
      + summary.asOf.ledgerPosition + ' (recorded ' + instant(summary.asOf.recordedAt) + '); asking ' + again
      + ' answers the same figures at any later time. '
      + (checkpoint ? 'The latest signed checkpoint, #' + checkpoint.checkpointNumber + ', seals positions 1–'
        + checkpoint.treeSize + '.' : 'No signed checkpoint has been made yet.')), ledgerFacts(report));
  })();
}

function bindMonthForm(shownMonth) {
  const form = document.getElementById('month-form');
  form.elements.month.value = shownMonth;
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    location.search = new URLSearchParams({ month: form.elements.month.value }).toString();
  });
  document.getElementById('print').addEventListener('click', () => window.print());
  form.hidden = false;
}

