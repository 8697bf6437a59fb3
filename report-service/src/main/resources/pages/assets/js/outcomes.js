// What the money bought: cost per merged PR by usage tier (quintiles of spend per person, and the top decile),
// and how spend is spread over the people who use AI (median and p90 per active person) and how many do.
// Tiers and percentiles are groups: nothing here names or ranks a person.
import { chart } from './charts.js';
import { count, dollars, percentOfShare, plotDollars } from './format.js';
import { foldedTable, provenance } from './panel.js';
import { rangeOf, reportSection } from './page.js';

export function efficiencySection(id, filters) {
  return reportSection(id, 'efficiency', rangeOf(filters), undefined, async (part, report) => {
    const last = report.periods[report.periods.length - 1];
    const tiers = last ? last.tiers.tiers.filter((t) => !t.suppressed && t.figures) : [];
    if (tiers.length === 0) {
      part.setMessage('No one with spend in this range, or every tier is hidden.', 'info');
      return;
    }
    part.body.replaceChildren();
    const priced = tiers.filter((t) => t.figures.costPerMergedPrUsdMicros != null);
    const micros = priced.map((t) => t.figures.costPerMergedPrUsdMicros);
    chart(part.body, {
      type: 'bar', labels: priced.map((t) => t.tier),
      datasets: [{ label: 'Cost per merged PR', backgroundColor: '#1b6ca8', micros,
        data: micros.map((value) => plotDollars(value)) }],
      axes: { x: 'Usage tier (Q1 lowest fifth of spend per person … Q5 highest; D10 top tenth)',
        y: 'US dollars per merged PR' },
      summary: 'Cost per merged PR by usage tier, ' + last.from + ' to ' + last.to + ': '
        + priced.map((t, i) => t.tier + ' ' + dollars(micros[i])).join(', ') + '.',
    });
    part.body.append(provenance(ratioSentence(last.tiers.topDecileVsMedian)));
    part.body.append(foldedTable('Usage tiers, ' + last.from + ' to ' + last.to, [
      ['Tier', (t) => t.tier],
      ['People', (t) => count(t.people)],
      ['Spend', (t) => ({ text: dollars(t.figures.spendUsdMicros), micros: t.figures.spendUsdMicros })],
      ['Merged PRs', (t) => count(t.figures.mergedPrs)],
      ['Cost per merged PR', (t) => ({ text: dollars(t.figures.costPerMergedPrUsdMicros),
        micros: t.figures.costPerMergedPrUsdMicros })],
      ['Tokens per merged PR', (t) => count(t.figures.tokensPerMergedPr)],
      ['Merged PRs per person', (t) => t.figures.mergedPrsPerPerson || '—'],
    ], tiers));
  });
}

/** The 10x-tokens-for-2x-output sentence, from the report's exact ratios (never from rounded figures). */
function ratioSentence(ratios) {
  if (!ratios || !ratios.tokensPerMergedPr || !ratios.mergedPrsPerPerson) {
    return 'The top decile against the median tier: not enough merged PRs or people to compare.';
  }
  return 'The top tenth of spenders (D10) used ' + ratios.tokensPerMergedPr + '× the tokens per merged PR of the '
    + 'median tier (Q3), for ' + ratios.mergedPrsPerPerson + '× the merged PRs per person'
    + (ratios.costPerMergedPr ? ', at ' + ratios.costPerMergedPr + '× the cost per merged PR.' : '.');
}

export function distributionSection(id, filters) {
  return reportSection(id, 'distribution', rangeOf(filters), undefined, async (part, report) => {
    const months = report.months.filter((m) => !m.suppressed && m.figures);
    if (months.length === 0) {
      part.setMessage('No active people in this range, or the group is too small to show.', 'info');
      return;
    }
    part.body.replaceChildren();
    const median = months.map((m) => m.figures.medianUsdMicros);
    const p90 = months.map((m) => m.figures.p90UsdMicros);
    chart(part.body, {
      type: 'bar', labels: months.map((m) => m.month.slice(0, 7)),
      datasets: [
        { label: 'Median per active person', backgroundColor: '#1b6ca8', micros: median,
          data: median.map(plotDollars) },
        { label: 'p90 per active person', backgroundColor: '#e07b39', micros: p90, data: p90.map(plotDollars) }],
      axes: { x: 'Month (UTC)', y: 'Monthly spend per active person (US dollars)' },
      summary: 'Median and p90 monthly spend per active person: ' + months.map((m, i) => m.month.slice(0, 7)
        + ' median ' + dollars(median[i]) + ', p90 ' + dollars(p90[i]) + ' over ' + m.activePeople + ' people')
        .join('; ') + '.',
    });
    part.body.append(foldedTable('Spend per active person by month', [
      ['Month', (m) => m.month.slice(0, 7)],
      ['Active people', (m) => count(m.activePeople)],
      ['Median', (m) => ({ text: dollars(m.figures.medianUsdMicros), micros: m.figures.medianUsdMicros })],
      ['p90', (m) => ({ text: dollars(m.figures.p90UsdMicros), micros: m.figures.p90UsdMicros })],
      ['Spend', (m) => ({ text: dollars(m.figures.spendUsdMicros), micros: m.figures.spendUsdMicros })],
    ], months));
    adoption(part.body, report.weeks.filter((w) => !w.suppressed && w.adoption && w.adoption.share != null));
  });
}

function adoption(container, weeks) {
  if (weeks.length === 0) {
    container.append(provenance('Adoption: nobody is in the directory for these weeks, so there is no share.'));
    return;
  }
  chart(container, {
    type: 'line', labels: weeks.map((w) => w.isoWeek),
    datasets: [{ label: 'Adoption', borderColor: '#3a9d5d', backgroundColor: '#3a9d5d',
      data: weeks.map((w) => Number(w.adoption.share) * 100) }],
    yFormat: (value) => value.toFixed(1) + ' %',
    axes: { x: 'ISO week (UTC)', y: 'People in the directory with spend (%)' },
    summary: 'Weekly adoption: ' + weeks.map((w) => w.isoWeek + ' ' + percentOfShare(w.adoption.share))
      .join(', ') + '.',
  });
  container.append(foldedTable('Weekly adoption', [
    ['ISO week', (w) => w.isoWeek],
    ['People in the directory', (w) => count(w.directoryPeople)],
    ['Active', (w) => count(w.adoption.activePeople)],
    ['Adoption', (w) => percentOfShare(w.adoption.share)],
    ['Active outside the directory', (w) => count(w.activeOutsideDirectory)],
  ], weeks));
}
