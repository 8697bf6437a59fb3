// The CFO page's trend, movers and flagged spend, from the cfo-summary answer (one call for the whole page).
import { chart } from './charts.js';
import { count, dollars, percentOfShare, plotDollars } from './format.js';
import { figure, provenance, table } from './panel.js';

export function trendSection(body, summary) {
  const months = summary.costPerMergedPrTrend;
  body.replaceChildren();
  const priced = months.filter((m) => m.costPerMergedPrUsdMicros != null);
  if (priced.length > 0) {
    const micros = months.map((m) => m.costPerMergedPrUsdMicros);
    chart(body, {
      type: 'bar', labels: months.map((m) => m.month),
      datasets: [{ label: 'Cost per merged PR', backgroundColor: '#1b6ca8', micros, data: micros.map(plotDollars) }],
      axes: { x: 'Month (UTC)', y: 'US dollars per merged PR' },
      summary: 'Cost per merged PR by month: ' + months.map((m) => m.month + ' '
        + (m.costPerMergedPrUsdMicros == null ? 'no merged PR' : dollars(m.costPerMergedPrUsdMicros))).join(', ')
        + '. The table beside lists spend and merged PRs.',
    });
  }
  body.append(table('Spend over merged PRs per month', [
    ['Month', (m) => m.month],
    ['Spend', (m) => ({ text: dollars(m.costUsdMicros), micros: m.costUsdMicros })],
    ['Merged PRs', (m) => count(m.mergedPrs)],
    ['Per merged PR', (m) => ({ text: dollars(m.costPerMergedPrUsdMicros), micros: m.costPerMergedPrUsdMicros })],
  ], months));
  const last = months[months.length - 1];
  body.append(provenance('Each month: ' + (last ? last.source.replace(last.month, 'the month') : '')
    + ' As of ledger position ' + summary.asOf.ledgerPosition + '.'));
}

export function moversSection(body, summary) {
  body.replaceChildren();
  const movers = summary.biggestMovers;
  if (movers.length > 0) {
    body.append(table('Teams whose month to date moved most against the same days of the month before', [
      ['Team', (m) => m.team],
      ['Month to date', (m) => (m.suppressed ? 'hidden' : { text: dollars(m.costUsdMicros), micros: m.costUsdMicros })],
      ['Same days, month before', (m) => (m.suppressed ? 'hidden'
        : { text: dollars(m.previousCostUsdMicros), micros: m.previousCostUsdMicros })],
      ['Change', (m) => (m.suppressed ? 'hidden' : { text: signed(m.changeUsdMicros), micros: m.changeUsdMicros })],
      // No percent when the month before had nothing to compare with: the team is new to the table, not infinite.
      ['Change %', (m) => (m.suppressed ? '—' : m.changePercent == null ? 'new' : m.changePercent + ' %')],
    ], movers));
  } else {
    body.append(provenance('No team has spend this month or the month before.'));
  }
  body.append(provenance('Movers: the spend of ' + summary.from + ' through ' + summary.through
    + ' per team against the same days of the month before, in the ledger up to position '
    + summary.asOf.ledgerPosition + '. Teams only; no person is named or ranked.'));
  const flagged = summary.flaggedSpend;
  const row = document.createElement('div');
  row.className = 'figures';
  row.append(
    figure('Flagged, under review', dollars(flagged.openUsdMicros), flagged.openUsdMicros, 'cfo-flagged-open'),
    figure('Flagged, cleared', dollars(flagged.clearedUsdMicros), flagged.clearedUsdMicros, 'cfo-flagged-cleared'),
    figure('Flagged share of the month', percentOfShare(flagged.shareOfSpend)));
  body.append(row, provenance('Flagged spend: ' + count(flagged.openFlags) + ' open and '
    + count(flagged.clearedFlags) + ' cleared flag(s). ' + flagged.source));
}

function signed(micros) {
  return (BigInt(micros) > 0n ? '+' : '') + dollars(micros);
}
