// Phases and badges per team, the spend flagged for review, and whether the ledger behind every figure verifies.
import { chart, colour } from './charts.js';
import { count, day, dollars, instant, percentOfShare, plotDollars } from './format.js';
import { figure, foldedTable, provenance, table } from './panel.js';
import { rangeOf, reportSection } from './page.js';

export function gamificationSection(id, filters) {
  return reportSection(id, 'gamification', rangeOf(filters), 'view=badges', async (part, report) => {
    part.body.replaceChildren(table('Phase of each team (as of ledger position ' + report.asOf.ledgerPosition + ')', [
      ['Team', (p) => p.team],
      ['Phase', (p) => p.phase],
      ['Set by', (p) => p.source.toLowerCase() + (p.how ? ', ' + p.how.toLowerCase() : '')],
      ['Since', (p) => day(p.since)],
    ], report.phases.teams.filter((p) => !filters.team || p.team === filters.team)));
    const teams = report.badges.byTeam.filter((t) => !t.suppressed && t.counts && t.counts.length);
    if (teams.length === 0) {
      part.body.append(provenance('No badges awarded in this range.'));
      return;
    }
    const badges = [...new Set(teams.flatMap((t) => t.counts.map((c) => c.badge + ' (' + c.tier + ')')))].sort();
    const awardsOf = (t, badge) => t.counts.filter((c) => c.badge + ' (' + c.tier + ')' === badge)
      .reduce((sum, c) => sum + c.awards, 0);
    chart(part.body, {
      type: 'bar', labels: teams.map((t) => t.team), stacked: true,
      datasets: badges.map((badge, index) => ({ label: badge, backgroundColor: colour(index),
        data: teams.map((t) => awardsOf(t, badge)) })),
      yFormat: (value) => value + ' awards',
      axes: { x: 'Team', y: 'Badges awarded (count)' },
      summary: 'Badges awarded per team, ' + report.from + ' to ' + report.to + ': ' + teams.map((t) => t.team + ' '
        + t.awards).join(', ') + '. Badges are counted per team; no person is ranked.',
    });
    part.body.append(foldedTable('Badges awarded per team, badge and tier', [
      ['Team', (row) => row.team], ['Badge', (row) => row.badge], ['Tier', (row) => row.tier],
      ['Awards', (row) => count(row.awards)],
    ], teams.flatMap((t) => t.counts.map((c) => ({ team: t.team, ...c })))));
  });
}

/** Flagged spend; {@code showFlags} lists the flags themselves (each names a pseudonymous person) when served. */
export function anomalySection(id, filters, showFlags) {
  return reportSection(id, 'anomalies', rangeOf(filters), 'view=teams', async (part, report) => {
    const totals = report.totals;
    part.body.replaceChildren(
      figure('Under review (open flags)', dollars(totals.open.spendUsdMicros), totals.open.spendUsdMicros,
        'flagged-open'),
      figure('Cleared by a reviewer', dollars(totals.cleared.spendUsdMicros), totals.cleared.spendUsdMicros),
      figure('Share of the range\'s spend under review', percentOfShare(totals.open.shareOfSpend)),
      provenance(count(totals.open.flags) + ' open and ' + count(totals.cleared.flags) + ' cleared flag(s) of '
        + report.from + ' to ' + report.to + ', from the ANOMALY_FLAGGED and ANOMALY_CLEARED decisions recorded '
        + 'in the ledger up to position ' + report.asOf.ledgerPosition + '. Flagged spend is shown apart; it is '
        + 'still counted in spend.'));
    const teams = report.byTeam.filter((t) => !t.suppressed && t.flagged && t.flagged.flags > 0);
    if (teams.length > 0) {
      const open = teams.map((t) => t.open.spendUsdMicros);
      const cleared = teams.map((t) => t.cleared.spendUsdMicros);
      chart(part.body, {
        type: 'bar', labels: teams.map((t) => t.team), stacked: true,
        datasets: [
          { label: 'Open', backgroundColor: '#c8423b', micros: open, data: open.map(plotDollars) },
          { label: 'Cleared', backgroundColor: '#6b7a8f', micros: cleared, data: cleared.map(plotDollars) }],
        axes: { x: 'Team', y: 'Flagged spend (US dollars)' },
        summary: 'Flagged spend per team: ' + teams.map((t, i) => t.team + ' ' + dollars(open[i]) + ' open, '
          + dollars(cleared[i]) + ' cleared').join('; ') + '.',
      });
      part.body.append(foldedTable('Flagged spend per team', [
        ['Team', (t) => t.team],
        ['Open', (t) => ({ text: dollars(t.open.spendUsdMicros), micros: t.open.spendUsdMicros })],
        ['Cleared', (t) => ({ text: dollars(t.cleared.spendUsdMicros), micros: t.cleared.spendUsdMicros })],
        ['Share of team spend under review', (t) => percentOfShare(t.open.shareOfSpend)],
      ], teams));
    }
    if (showFlags && report.flags && report.flags.length) {
      part.body.append(table('Flags (people as pseudonymous refs)', [
        ['Rule', (f) => f.name || f.ruleId], ['Window', (f) => f.windowKey], ['Person', (f) => f.personRef],
        ['Spend', (f) => ({ text: dollars(f.flaggedSpendUsdMicros), micros: f.flaggedSpendUsdMicros })],
        ['Status', (f) => (f.clearing ? 'cleared by ' + f.clearing.clearedBy : f.status)],
      ], report.flags));
    }
  });
}

export function ledgerSection(id) {
  return reportSection(id, '/v1/reports/audit/ledger', {}, undefined, async (part, report) => {
    part.body.replaceChildren(ledgerFacts(report));
  });
}

/** The facts as a definition list; also used by the CFO page's footnote. */
export function ledgerFacts(report) {
  const list = document.createElement('dl');
  list.className = 'facts';
  const ledger = report.ledger;
  const verification = ledger.verification;
  const checkpoint = ledger.latestCheckpoint;
  const facts = [
    ['Ledger', ledger.status + (ledger.detail ? ' (' + ledger.detail + ')' : '')],
    ['Ledger head', ledger.head ? 'position ' + ledger.head.lastPosition + ', published '
      + ledger.head.lastPublishedPosition : '—'],
    ['Reports applied', 'position ' + report.reports.appliedPosition + ' (generation ' + report.reports.generation
      + (ledger.reportsBehindBy !== null && ledger.reportsBehindBy !== undefined ? ', ' + ledger.reportsBehindBy
        + ' behind' : '') + ')'],
    ['Verification', verificationText(verification)],
    ['Latest signed checkpoint', checkpoint ? '#' + checkpoint.checkpointNumber + ', positions 1–'
      + checkpoint.treeSize + ', issued ' + instant(checkpoint.issuedAt) + ', key ' + checkpoint.keyId
      : 'none yet (one is signed every 10,000 entries, or on request)'],
    ['Merkle root', checkpoint ? checkpoint.merkleRoot : '—'],
  ];
  facts.forEach(([term, value]) => {
    const dt = document.createElement('dt');
    dt.textContent = term;
    const dd = document.createElement('dd');
    dd.textContent = value;
    if (term === 'Verification' && verification) {
      dd.dataset.verification = verification.state;
    }
    list.append(dt, dd);
  });
  return list;
}

function verificationText(verification) {
  if (!verification) {
    return 'not answered';
  }
  const range = verification.fromPosition > verification.toPosition ? ': the checkpoint itself (no entry since)'
    : ' for positions ' + verification.fromPosition + '–' + verification.toPosition;
  return verification.state + range + (verification.detail ? ' (' + verification.detail + ')' : '');
}
