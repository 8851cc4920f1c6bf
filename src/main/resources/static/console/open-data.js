// The open statistics page: reads GET /api/v1/open-data/statistics (public) and draws one bar per row (SVG, no library).
'use strict';

const SVG = 'http://www.w3.org/2000/svg';
const DASH = '—';

function cell(value) {
  return value === null || value === undefined ? DASH : String(value);
}

function share(value) {
  return value === null || value === undefined ? DASH : (value * 100).toFixed(1) + ' %';
}

function fillTable(id, rows, columns) {
  const body = document.querySelector('#' + id + ' tbody');
  body.replaceChildren();
  for (const row of rows) {
    const tr = document.createElement('tr');
    for (const [name, format] of columns) {
      const td = document.createElement('td');
      const value = row.cells[name];
      td.textContent = format(value);
      if (row.suppressed.includes(name)) {
        td.className = 'suppressed';
        td.title = 'không công bố (< 5) / suppressed (< 5)';
      }
      tr.appendChild(td);
    }
    body.appendChild(tr);
  }
}

function element(name, attributes, text) {
  const e = document.createElementNS(SVG, name);
  for (const [k, v] of Object.entries(attributes)) {
    e.setAttribute(k, v);
  }
  if (text !== undefined) {
    e.textContent = text;
  }
  return e;
}

// one horizontal bar per row: its label, its total (a suppressed total is a grey stub marked "—")
function drawBars(id, rows, label, valueName) {
  const box = document.getElementById(id);
  box.replaceChildren();
  const height = 22;
  const width = 720;
  const left = 260;
  const max = Math.max(1, ...rows.map(r => r.cells[valueName] || 0));
  const svg = element('svg', {viewBox: '0 0 ' + width + ' ' + Math.max(height, rows.length * height + 4),
    role: 'img', 'aria-label': id});
  rows.forEach((row, i) => {
    const y = i * height + 2;
    const value = row.cells[valueName];
    const suppressed = value === null || value === undefined;
    const barWidth = suppressed ? 6 : Math.max(2, (width - left - 60) * value / max);
    svg.appendChild(element('text', {x: 0, y: y + 14}, label(row)));
    svg.appendChild(element('rect', {x: left, y: y + 2, width: barWidth, height: height - 6,
      class: suppressed ? 'bar suppressed' : 'bar'}));
    svg.appendChild(element('text', {x: left + barWidth + 6, y: y + 14}, cell(value)));
  });
  box.appendChild(svg);
}

async function load(event) {
  if (event) {
    event.preventDefault();
  }
  const status = document.getElementById('status');
  const params = new URLSearchParams({months: document.getElementById('months').value || '12'});
  const agency = document.getElementById('agency').value.trim();
  if (agency) {
    params.set('agency', agency);
  }
  status.textContent = '…';
  const response = await fetch('/api/v1/open-data/statistics?' + params.toString(), {headers: {Accept: 'application/json'}});
  const body = await response.json();
  if (!response.ok) {
    status.textContent = body.detail || response.status;
    return;
  }
  status.textContent = body.from + ' → ' + body.to;
  document.getElementById('csv-dossiers').href = '/api/v1/open-data/statistics?format=csv&table=dossiers&' + params;
  document.getElementById('csv-lookups').href = '/api/v1/open-data/statistics?format=csv&table=lookups&' + params;
  fillTable('dossier-table', body.dossiers, [['agency', cell], ['month', cell], ['received', cell], ['online', cell],
    ['returned', cell], ['synced', cell], ['onlineShare', share], ['syncedShare', share]]);
  fillTable('lookup-table', body.lookups, [['service', cell], ['month', cell], ['exchanges', cell], ['successful', cell]]);
  drawBars('dossier-chart', body.dossiers, r => r.cells.agency + ' · ' + r.cells.month, 'received');
  drawBars('lookup-chart', body.lookups, r => r.cells.service + ' · ' + r.cells.month, 'exchanges');
  document.getElementById('generated').textContent = 'Tính lúc / computed at ' + body.generatedAt
    + ' · ngưỡng / threshold ' + body.threshold;
}

document.getElementById('filter').addEventListener('submit', load);
load();
