// Charts through chart.js (the webjar report-service serves). Every chart has labelled axes with units, is drawn
// without animation, carries an aria-label summing it up, and has its table beside it. The page counts the
// charts it has asked for and marks itself rendered once each has drawn (body[data-charts-drawn]).
import { dollars } from './format.js';

const COLOURS = ['#1b6ca8', '#e07b39', '#3a9d5d', '#8e5ea2', '#c8423b', '#6b7a8f', '#d4a017', '#2a9d8f',
  '#b5651d', '#5c6bc0'];
const drawn = [];

export function colour(index) {
  return COLOURS[index % COLOURS.length];
}

/** Resolves once every chart asked for so far has drawn. */
export function allDrawn() {
  return Promise.all(drawn);
}

/**
 * A chart in {@code container}: {@code type} 'bar' or 'line'; {@code datasets} in chart.js form whose points
 * may carry micros (data: dollars for the scale; micros: the figures for the tooltip). {@code axes} name the
 * units: {x: 'Day (UTC)', y: 'US dollars'}; y in dollars unless {@code yFormat} says otherwise.
 */
export function chart(container, { type, labels, datasets, axes, summary, stacked, yFormat, horizontal }) {
  const frame = document.createElement('div');
  frame.className = 'chart-frame';
  const canvas = document.createElement('canvas');
  canvas.setAttribute('role', 'img');
  canvas.setAttribute('aria-label', summary);
  canvas.textContent = summary;
  frame.append(canvas);
  container.append(frame);
  let done;
  drawn.push(new Promise((resolve) => { done = resolve; }));
  const valueText = yFormat || ((value, dataset, index) => dataset.micros ? dollars(dataset.micros[index]) : value);
  const valueAxis = horizontal ? 'x' : 'y';
  const categoryAxis = horizontal ? 'y' : 'x';
  return new window.Chart(canvas, {
    type,
    data: { labels, datasets },
    plugins: [{ id: 'aispend-drawn', afterRender: () => done() }],
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      indexAxis: horizontal ? 'y' : 'x',
      plugins: {
        legend: { display: datasets.length > 1, position: 'bottom' },
        tooltip: {
          callbacks: {
            label: (item) => item.dataset.label + ': '
              + valueText(item.raw, item.dataset, item.dataIndex),
          },
        },
      },
      scales: {
        [categoryAxis]: { stacked: !!stacked, title: { display: true, text: axes.x } },
        [valueAxis]: {
          stacked: !!stacked,
          beginAtZero: true,
          title: { display: true, text: axes.y },
          ticks: yFormat ? {} : { callback: (value) => '$' + Number(value).toLocaleString('en-US') },
        },
      },
    },
  });
}
