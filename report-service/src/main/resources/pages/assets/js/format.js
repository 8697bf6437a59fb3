// Display formats. Money arrives as integer USD micros and stays integer (BigInt) until it is written out: no
// dollar amount is ever summed or rounded in floating point. Charts get dollars as numbers only to place bars.

const GROUPS = /\B(?=(\d{3})+(?!\d))/g;

/** "$1,234.57" from micros, rounded half up to the cent; under a dollar to 1/100 of a cent ("$0.0338"). */
export function dollars(micros) {
  if (micros === null || micros === undefined) {
    return '—';
  }
  let amount = BigInt(micros);
  const negative = amount < 0n;
  if (negative) {
    amount = -amount;
  }
  const places = amount !== 0n && amount < 1000000n ? 4 : 2;
  const unit = 10n ** BigInt(6 - places);
  const scaled = (amount + unit / 2n) / unit;
  const base = 10n ** BigInt(places);
  const whole = (scaled / base).toString().replace(GROUPS, ',');
  const fraction = (scaled % base).toString().padStart(places, '0');
  return (negative ? '−$' : '$') + whole + '.' + fraction;
}

/** For a chart's scale only: dollars as a number. Never summed; the micros stay the figures of record. */
export function plotDollars(micros) {
  return micros === null || micros === undefined ? null : Number(micros) / 1e6;
}

/** Integer micros summed exactly. */
export function sumMicros(values) {
  return values.reduce((total, value) => total + BigInt(value || 0), 0n);
}

export function count(value) {
  return value === null || value === undefined ? '—' : BigInt(value).toString().replace(GROUPS, ',');
}

/** A share given as a decimal ("0.4213" or 0.4213) written as a percent with one place. */
export function percentOfShare(share) {
  if (share === null || share === undefined) {
    return '—';
  }
  return (Number(share) * 100).toFixed(1) + ' %';
}

/** A percent the report already computed ("55.00", or 55), as it is written. */
export function percent(value) {
  return value === null || value === undefined ? '—' : String(value) + ' %';
}

export function day(isoInstant) {
  return isoInstant ? String(isoInstant).slice(0, 10) : '—';
}

export function instant(isoInstant) {
  return isoInstant ? String(isoInstant).replace('T', ' ').replace(/\.\d+Z$/, 'Z') : '—';
}
