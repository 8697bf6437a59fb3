// Which budgets the burn-down panel draws: a chart for each of ten team budgets would make a very long page, so the
// table lists every budget and charts are drawn only for those that matter, each with the reason it is drawn: the
// organization-wide budgets, those whose cap is reached, and those forecast (linear-v1) to reach it in the period,
// in that order, at most MOST_CHARTS. A team's view draws its own budgets.
import { day } from './format.js';

export const MOST_CHARTS = 4;

/** A scope naming nothing but its label counts the whole organization. */
export function organizationWide(budget) {
  return Object.keys(budget.scope || {}).every((key) => key === 'label');
}

/** Why {@code budget} gets a chart ({@code rank} orders the reasons), or null when it does not. */
function reasonOf(budget, onlyTeam) {
  const current = budget.current;
  if (onlyTeam) {
    return { rank: 0, why: 'a budget of team ' + onlyTeam };
  }
  if (organizationWide(budget)) {
    return { rank: 0, why: 'organization-wide' };
  }
  if (BigInt(current.spentUsdMicros) >= BigInt(budget.amountUsdMicros)) {
    return { rank: 1, why: 'cap reached' };
  }
  const forecast = current.forecast;
  if (forecast && forecast.outcome === 'PROJECTED') {
    return { rank: 2, why: 'forecast to reach its cap on ' + day(forecast.projectedExhaustionAt) };
  }
  return null;
}

/**
 * The budgets to draw and the sentence saying which and why: {@code drawn} is a list of {budget, why}.
 */
export function chooseCharts(budgets, onlyTeam) {
  const matter = budgets.filter((b) => b.current && b.status !== 'RETIRED')
    .map((budget) => ({ budget, ...reasonOf(budget, onlyTeam) }))
    .filter((choice) => choice.why)
    .sort((a, b) => a.rank - b.rank);
  const drawn = matter.slice(0, MOST_CHARTS);
  return { drawn, sentence: sentence(budgets.length, drawn, matter.slice(MOST_CHARTS), onlyTeam) };
}

function sentence(total, drawn, left, onlyTeam) {
  const scope = onlyTeam ? 'the budgets of team ' + onlyTeam : 'the organization-wide budgets and those whose cap '
    + 'is reached or forecast (linear-v1) to be reached in the period';
  if (drawn.length === 0) {
    return 'No burn-down chart: the table lists all ' + total + ' budget(s); charts are drawn for ' + scope
      + ', and none is.';
  }
  let text = 'Burn-down charts for ' + drawn.map((c) => c.budget.name + ' (' + c.why + ')').join(', ')
    + '. Charts are drawn for ' + scope + ', at most ' + MOST_CHARTS + '; the table lists all ' + total
    + ' budget(s).';
  if (left.length > 0) {
    text += ' Not drawn for lack of room: ' + left.map((c) => c.budget.name + ' (' + c.why + ')').join(', ') + '.';
  }
  return text;
}
