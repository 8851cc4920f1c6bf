// The inspectors' page: plain JavaScript over the remote inspection API (/api/v1/inspection/*), charts drawn as SVG
// here (no outside resources, no build step).
(function () {
  'use strict';

  var LABELS = {
    vi: {
      title: 'Kiểm tra từ xa việc giải quyết hồ sơ', otherLanguage: 'English', logLink: 'Nhật ký trao đổi',
      inspector: 'Thanh tra viên (X-User-Id)', apiKey: 'Khóa API (X-API-Key)', connect: 'Kết nối', from: 'Từ ngày',
      to: 'Đến ngày', agency: 'Cơ quan', department: 'Phòng ban xử lý', officer: 'Người xử lý', procedure: 'Mã TTHC',
      state: 'Tình trạng', all: 'Tất cả', open: 'Trễ hạn đang xử lý', finished: 'Trễ hạn đã xử lý', show: 'Xem',
      exportCsv: 'Xuất CSV', charts: 'Chỉ số theo cơ quan và tháng (Quyết định 766/QĐ-TTg)',
      onTimeChart: 'Tỷ lệ hồ sơ giải quyết đúng hạn (2.1)', lateChart: 'Hồ sơ trễ hạn: đang xử lý và đã xử lý',
      syncedChart: 'Tỷ lệ hồ sơ đồng bộ lên Cổng DVCQG (1.4)',
      populationChart: 'Khai thác CSDL quốc gia về dân cư (lượt tra cứu)', month: 'Tháng', client: 'Hệ thống',
      lookups: 'Lượt tra cứu', success: 'Thành công', lateList: 'Hồ sơ trễ hạn', dossier: 'Mã hồ sơ',
      received: 'Tiếp nhận', due: 'Hẹn trả', daysLate: 'Số ngày làm việc trễ', lastStep: 'Bước xử lý cuối',
      connected: 'Đã kết nối với tư cách thanh tra viên', notInspector: 'Khóa này không có quyền kiểm tra từ xa',
      keyRefused: 'Khóa không được chấp nhận', failed: 'Không thực hiện được', keyFirst: 'Nhập khóa API trước',
      today: 'hôm nay', none: 'Không có dữ liệu', byAgency: 'Theo cơ quan', byProcedure: 'Theo thủ tục'
    },
    en: {
      title: 'Remote inspection of dossier processing', otherLanguage: 'Tiếng Việt', logLink: 'Message log',
      inspector: 'Inspector (X-User-Id)', apiKey: 'API key (X-API-Key)', connect: 'Connect', from: 'From', to: 'To',
      agency: 'Agency', department: 'Department', officer: 'Officer', procedure: 'Procedure code', state: 'State',
      all: 'All', open: 'Late, still open', finished: 'Late, finished', show: 'Show', exportCsv: 'Export CSV',
      charts: 'Indicators per agency and month (Decision 766/QĐ-TTg)', onTimeChart: 'Share processed on time (2.1)',
      lateChart: 'Late dossiers: open and finished', syncedChart: 'Share synchronised with the national portal (1.4)',
      populationChart: 'Population database use (lookups)', month: 'Month', client: 'System', lookups: 'Lookups',
      success: 'Success', lateList: 'Late dossiers', dossier: 'Dossier code', received: 'Received', due: 'Due',
      daysLate: 'Working days late', lastStep: 'Last step', connected: 'Connected as an inspector',
      notInspector: 'This key may not inspect', keyRefused: 'Key not accepted', failed: 'Failed',
      keyFirst: 'Enter the API key first', today: 'today', none: 'No data', byAgency: 'Per agency',
      byProcedure: 'Per procedure'
    }
  };
  var COLOURS = ['#0b4f9c', '#2a9d8f', '#e9a23b', '#7b2cbf', '#6c757d'];
  var SVG = 'http://www.w3.org/2000/svg';

  var lang = sessionStorage.getItem('hub.console.lang') || 'vi';
  // The key and the inspector's id live in this page only, never in browser storage.
  var credentials = { key: '', user: '' };
  var last = { figures: null, population: null, late: null };

  function $(id) { return document.getElementById(id); }
  function t(key) { return LABELS[lang][key] || key; }
  function text(value) { return value === null || value === undefined ? '' : String(value); }

  function applyLanguage() {
    document.documentElement.lang = lang;
    document.querySelectorAll('[data-i18n]').forEach(function (el) { el.textContent = t(el.getAttribute('data-i18n')); });
    document.title = 'LiênThông Hub — ' + t('title');
    render();
  }

  function headers() {
    return { 'X-API-Key': credentials.key, 'X-User-Id': credentials.user, 'X-Purpose': 'kiem-tra-tu-xa' };
  }

  function api(path) {
    return fetch('/api/v1/inspection' + path, { headers: headers() }).then(function (response) {
      if (!response.ok) {
        return response.json().catch(function () { return {}; }).then(function (problem) {
          var error = new Error(problem.detail || problem.title || ('HTTP ' + response.status));
          error.status = response.status;
          throw error;
        });
      }
      return response;
    });
  }

  function params(names) {
    var p = new URLSearchParams();
    new FormData($('filters')).forEach(function (value, name) {
      if ((!names || names.indexOf(name) >= 0) && String(value).trim() !== '') { p.append(name, String(value).trim()); }
    });
    return p;
  }

  function localTime(iso) {
    return iso ? new Date(iso).toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB', { timeZone: 'Asia/Ho_Chi_Minh' }) : '';
  }

  function el(name, attrs, parent) {
    var node = document.createElementNS(SVG, name);
    Object.keys(attrs).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (parent) { parent.appendChild(node); }
    return node;
  }

  /**
   * A grouped bar chart: one group per month, one bar per agency (stacked parts when a value is a list).
   * series: [{agency, month, parts: [{value, colour, label}]}]; max: the top of the scale.
   */
  function barChart(container, months, agencies, valueOf, max, format, partsLegend) {
    container.textContent = '';
    if (months.length === 0) { container.textContent = t('none'); return; }
    var width = 480, height = 220, left = 40, bottom = 30, top = 10;
    var svg = el('svg', { viewBox: '0 0 ' + width + ' ' + height, role: 'img' }, container);
    var plotH = height - bottom - top;
    var groupW = (width - left - 10) / months.length;
    var barW = Math.max(4, Math.min(28, (groupW - 8) / Math.max(1, agencies.length)));
    for (var g = 0; g <= 4; g++) {
      var y = top + plotH - plotH * g / 4;
      el('line', { x1: left, x2: width - 5, y1: y, y2: y, stroke: '#e5e9ef' }, svg);
      el('text', { x: 2, y: y + 4 }, svg).textContent = format(max * g / 4);
    }
    months.forEach(function (month, i) {
      var x0 = left + i * groupW + 4;
      el('text', { x: x0, y: height - 10 }, svg).textContent = month;
      agencies.forEach(function (agency, j) {
        var parts = valueOf(agency, month);
        if (!parts) { return; }
        var base = 0;
        parts.forEach(function (part) {
          var h = max === 0 ? 0 : plotH * part.value / max;
          var rect = el('rect', {
            x: x0 + j * barW, y: top + plotH - plotH * base / (max || 1) - h, width: barW - 2, height: Math.max(0, h),
            fill: part.colour || COLOURS[j % COLOURS.length], 'data-agency': agency, 'data-month': month,
            'data-series': part.series || 'value', 'data-value': part.value
          }, svg);
          el('title', {}, rect).textContent = agency + ' ' + month + (part.label ? ' ' + part.label : '') + ': '
            + format(part.value);
          base += part.value;
        });
      });
    });
    var legend = document.createElement('div');
    legend.className = 'legend';
    (partsLegend || agencies.map(function (a, j) { return { label: a, swatch: 'swatch-' + (j % COLOURS.length) }; }))
      .forEach(function (entry) {
        var item = document.createElement('span');
        var box = document.createElement('i');
        box.className = entry.swatch;
        item.appendChild(box);
        item.appendChild(document.createTextNode(entry.label));
        legend.appendChild(item);
      });
    container.appendChild(legend);
  }

  // a count axis in whole steps: the top is the next multiple of 4
  function countScale(max) { return Math.max(4, Math.ceil(max / 4) * 4); }
  function percent(v) { return Math.round(v * 100) + '%'; }
  function count(v) { return String(Math.round(v)); }

  function renderFigures() {
    var figures = last.figures;
    if (!figures) { return; }
    var months = [], agencies = [], byKey = {};
    figures.months.forEach(function (m) {
      if (months.indexOf(m.month) < 0) { months.push(m.month); }
      if (agencies.indexOf(m.figures.agency) < 0) { agencies.push(m.figures.agency); }
      byKey[m.figures.agency + '|' + m.month] = m.figures;
    });
    months.sort();
    function of(agency, month) { return byKey[agency + '|' + month]; }
    barChart($('chart-on-time'), months, agencies, function (a, m) {
      var f = of(a, m); return f && f.finished > 0 ? [{ value: f.onTimeShare, series: 'onTimeShare' }] : null;
    }, 1, percent);
    var maxLate = 1;
    figures.months.forEach(function (m) { maxLate = Math.max(maxLate, m.figures.openLate + m.figures.finishedLate); });
    maxLate = countScale(maxLate);
    barChart($('chart-late'), months, agencies, function (a, m) {
      var f = of(a, m);
      return f ? [{ value: f.openLate, colour: '#a4161a', series: 'openLate', label: t('open') },
        { value: f.finishedLate, colour: '#e9a23b', series: 'finishedLate', label: t('finished') }] : null;
    }, maxLate, count, [{ label: t('open'), swatch: 'swatch-late-open' }, { label: t('finished'), swatch: 'swatch-late-finished' }]);
    barChart($('chart-synced'), months, agencies, function (a, m) {
      var f = of(a, m); return f ? [{ value: f.syncedShare, series: 'syncedShare' }] : null;
    }, 1, percent);
  }

  function renderPopulation() {
    var use = last.population;
    if (!use) { return; }
    var agencies = Object.keys(use.byAgencyAndMonth).sort();
    var months = [], max = 1;
    agencies.forEach(function (a) {
      Object.keys(use.byAgencyAndMonth[a]).forEach(function (m) {
        if (months.indexOf(m) < 0) { months.push(m); }
        max = Math.max(max, use.byAgencyAndMonth[a][m]);
      });
    });
    months.sort();
    max = countScale(max);
    barChart($('chart-population'), months, agencies, function (a, m) {
      var v = use.byAgencyAndMonth[a][m]; return v ? [{ value: v, series: 'lookups' }] : null;
    }, max, count);
    var body = $('population-officers').querySelector('tbody');
    body.textContent = '';
    use.rows.forEach(function (r) {
      var row = document.createElement('tr');
      [r.period, r.clientId, r.userId, r.total, r.success].forEach(function (v) { cell(row, v); });
      body.appendChild(row);
    });
  }

  function cell(row, value, className) {
    var td = document.createElement('td');
    td.textContent = text(value);
    if (className) { td.className = className; }
    row.appendChild(td);
    return td;
  }

  function renderLate() {
    var list = last.late;
    if (!list) { return; }
    $('late-summary').textContent = '(' + list.total + ' — ' + t('open') + ': ' + list.open + ', ' + t('finished') + ': '
      + list.finished + '; ' + t('today') + ' ' + list.today + ')';
    $('late-counts').textContent = t('byAgency') + ': ' + Object.keys(list.byAgency).map(function (k) {
      return k + ' ' + list.byAgency[k];
    }).join(', ') + ' · ' + t('byProcedure') + ': ' + Object.keys(list.byProcedure).map(function (k) {
      return k + ' ' + list.byProcedure[k];
    }).join(', ');
    var body = $('late-table').querySelector('tbody');
    body.textContent = '';
    list.dossiers.forEach(function (d) {
      var row = document.createElement('tr');
      row.setAttribute('data-dossier', d.dossierCode);
      row.className = d.open ? 'late-open' : 'late-finished';
      cell(row, d.dossierCode);
      cell(row, d.agency);
      cell(row, d.department);
      cell(row, d.officer);
      cell(row, d.procedureCode);
      cell(row, localTime(d.receivedAt));
      cell(row, localTime(d.dueAt));
      cell(row, d.workingDaysLate, 'days');
      cell(row, d.open ? t('open') : t('finished'), 'state');
      cell(row, [d.lastStep, localTime(d.lastStepAt)].filter(Boolean).join(' — '));
      body.appendChild(row);
    });
  }

  function render() {
    renderFigures();
    renderPopulation();
    renderLate();
  }

  function fail(error) {
    $('message').textContent = t('failed') + ': ' + error.message;
  }

  function load() {
    if (!credentials.key) { $('message').textContent = t('keyFirst'); return Promise.resolve(); }
    $('message').textContent = '';
    var period = params(['from', 'to', 'agency']);
    var late = params();
    return Promise.all([
      api('/figures?' + period.toString()).then(function (r) { return r.json(); }),
      api('/population-use?' + params(['from', 'to']).toString()).then(function (r) { return r.json(); }),
      api('/late?' + late.toString()).then(function (r) { return r.json(); })
    ]).then(function (answers) {
      last.figures = answers[0];
      last.population = answers[1];
      last.late = answers[2];
      render();
    });
  }

  function exportCsv() {
    var p = params();
    p.set('format', 'csv');
    api('/late?' + p.toString()).then(function (response) {
      var match = /filename="([^"]+)"/.exec(response.headers.get('Content-Disposition') || '');
      return response.blob().then(function (blob) {
        var link = document.createElement('a');
        link.href = URL.createObjectURL(blob);
        link.download = match ? match[1] : 'late-dossiers.csv';
        link.click();
        URL.revokeObjectURL(link.href);
      });
    }).catch(fail);
  }

  $('key-form').addEventListener('submit', function (event) {
    event.preventDefault();
    credentials.key = $('api-key').value.trim();
    credentials.user = $('inspector-id').value.trim();
    $('api-key').value = '';
    load().then(function () {
      $('access-message').textContent = t('connected');
    }).catch(function (error) {
      $('access-message').textContent = error.status === 403 ? t('notInspector') : error.status === 401 ? t('keyRefused')
        : t('failed') + ': ' + error.message;
    });
  });
  $('filters').addEventListener('submit', function (event) { event.preventDefault(); load().catch(fail); });
  $('export-csv').addEventListener('click', exportCsv);
  $('lang-toggle').addEventListener('click', function () {
    lang = lang === 'vi' ? 'en' : 'vi';
    sessionStorage.setItem('hub.console.lang', lang);
    applyLanguage();
  });
  applyLanguage();
}());
