// The auditors' console: plain JavaScript over the audit API (/api/v1/audit/*), no build step, no outside resources.
(function () {
  'use strict';

  var LABELS = {
    vi: {
      title: 'Nhật ký trao đổi dữ liệu', otherLanguage: 'English', apiKey: 'Khóa API (X-API-Key)', auditor: 'Kiểm tra viên (X-User-Id)', connect: 'Kết nối',
      chainStatus: 'Tính toàn vẹn của nhật ký', verify: 'Kiểm tra chuỗi băm', notChecked: 'Chưa kiểm tra',
      search: 'Tra cứu', from: 'Từ', to: 'Đến', client: 'Hệ thống gọi', service: 'Dịch vụ', user: 'Cán bộ',
      purpose: 'Mục đích', personalId: 'Số định danh cá nhân', transactionId: 'Mã giao dịch', outcome: 'Kết quả',
      any: 'Tất cả', SUCCESS: 'Thành công', NOT_FOUND: 'Không tìm thấy', DENIED: 'Bị từ chối quyền',
      REJECTED: 'Yêu cầu không hợp lệ', FAILED: 'Lỗi', recordType: 'Loại bản ghi', EXCHANGE: 'Giao dịch',
      HOP: 'Chặng kết nối', searchButton: 'Tìm', exportJsonl: 'Xuất JSON lines', exportCsv: 'Xuất CSV', seq: 'STT',
      time: 'Thời điểm', status: 'HTTP', duration: 'ms', previous: 'Trang trước', next: 'Trang sau',
      trace: 'Toàn bộ giao dịch', channel: 'Kênh', operation: 'Thao tác', timeIn: 'Vào', timeOut: 'Ra', error: 'Lỗi',
      hashes: 'Băm', connected: 'Đã kết nối với tư cách kiểm tra viên', keyRefused: 'Khóa không được chấp nhận',
      notAuditor: 'Khóa này không có quyền kiểm tra nhật ký', chainValid: 'Chuỗi toàn vẹn',
      chainInvalid: 'Chuỗi bị thay đổi', records: 'bản ghi', checkpoints: 'điểm ký', found: 'Tìm thấy',
      page: 'Trang', none: 'Không có bản ghi nào', traceSummary: 'giao dịch tại biên, chặng kết nối/chuyển phát',
      failed: 'Không thực hiện được', keyFirst: 'Nhập khóa API trước'
    },
    en: {
      title: 'Message log', otherLanguage: 'Tiếng Việt', apiKey: 'API key (X-API-Key)', auditor: 'Auditor (X-User-Id)', connect: 'Connect',
      chainStatus: 'Log integrity', verify: 'Verify hash chain', notChecked: 'Not checked yet', search: 'Search',
      from: 'From', to: 'To', client: 'Client system', service: 'Service', user: 'Officer', purpose: 'Purpose',
      personalId: 'Personal id', transactionId: 'Transaction id', outcome: 'Outcome', any: 'Any', SUCCESS: 'Success',
      NOT_FOUND: 'Not found', DENIED: 'Denied', REJECTED: 'Rejected', FAILED: 'Failed', recordType: 'Record type',
      EXCHANGE: 'Exchange', HOP: 'Hop', searchButton: 'Search', exportJsonl: 'Export JSON lines', exportCsv: 'Export CSV',
      seq: 'Seq', time: 'Time', status: 'HTTP', duration: 'ms', previous: 'Previous', next: 'Next',
      trace: 'Transaction trace', channel: 'Channel', operation: 'Operation', timeIn: 'In', timeOut: 'Out',
      error: 'Error', hashes: 'Hashes', connected: 'Connected as an auditor', keyRefused: 'Key not accepted',
      notAuditor: 'This key may not read the message log', chainValid: 'Chain intact', chainInvalid: 'Chain altered',
      records: 'records', checkpoints: 'signed checkpoints', found: 'Found', page: 'Page', none: 'No record',
      traceSummary: 'edge exchange(s), hop(s) and delivery attempt(s)', failed: 'Failed', keyFirst: 'Enter the API key first'
    }
  };

  var lang = sessionStorage.getItem('hub.console.lang') || 'vi';
  var page = 0;
  var size = 20;
  var total = 0;

  function $(id) { return document.getElementById(id); }
  function t(key) { return LABELS[lang][key] || key; }
  // The key and the auditor's user id live in this page only: never in browser storage, gone when the tab closes or reloads.
  var credentials = { key: '', user: '' };
  function key() { return credentials.key; }
  function headers() {
    return { 'X-API-Key': credentials.key, 'X-User-Id': credentials.user, 'X-Purpose': 'kiem-tra-nhat-ky' };
  }

  function applyLanguage() {
    document.documentElement.lang = lang;
    document.querySelectorAll('[data-i18n]').forEach(function (el) { el.textContent = t(el.getAttribute('data-i18n')); });
    document.title = 'LiênThông Hub — ' + t('title');
  }

  function text(value) { return value === null || value === undefined ? '' : String(value); }

  function cell(row, value, className) {
    var td = document.createElement('td');
    td.textContent = text(value);
    if (className) { td.className = className; }
    row.appendChild(td);
    return td;
  }

  function localTime(iso) {
    return iso ? new Date(iso).toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB', { timeZone: 'Asia/Ho_Chi_Minh' }) : '';
  }

  function api(path) {
    return fetch('/api/v1/audit' + path, { headers: headers() })
      .then(function (response) {
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

  function query() {
    var params = new URLSearchParams();
    new FormData($('filters')).forEach(function (value, name) {
      if (String(value).trim() !== '') { params.append(name, String(value).trim()); }
    });
    return params;
  }

  function search() {
    if (!key()) { $('search-message').textContent = t('keyFirst'); return; }
    var params = query();
    params.set('page', page);
    params.set('size', size);
    api('/records?' + params.toString()).then(function (r) { return r.json(); }).then(function (result) {
      total = result.total;
      var body = $('results').querySelector('tbody');
      body.textContent = '';
      result.records.forEach(function (record) {
        var row = document.createElement('tr');
        row.className = record.recordType;
        row.setAttribute('data-transaction', record.transactionId);
        cell(row, record.seq);
        cell(row, localTime(record.timeIn));
        cell(row, t(record.recordType));
        var link = document.createElement('a');
        link.className = 'tx';
        link.textContent = record.transactionId;
        link.addEventListener('click', function () { openTrace(record.transactionId); });
        cell(row, '').appendChild(link);
        cell(row, record.clientId);
        cell(row, record.userId);
        cell(row, [record.service, record.operation].filter(Boolean).join(' / '));
        cell(row, t(record.outcome), 'outcome-' + record.outcome);
        cell(row, record.httpStatus);
        cell(row, record.durationMillis);
        body.appendChild(row);
      });
      $('search-message').textContent = total === 0 ? t('none') : t('found') + ': ' + total;
      $('page-info').textContent = t('page') + ' ' + (page + 1) + ' / ' + Math.max(1, Math.ceil(total / size));
      $('prev').disabled = page === 0;
      $('next').disabled = (page + 1) * size >= total;
    }).catch(function (error) { $('search-message').textContent = t('failed') + ': ' + error.message; });
  }

  function openTrace(transactionId) {
    api('/transactions/' + encodeURIComponent(transactionId)).then(function (r) { return r.json(); }).then(function (trace) {
      $('trace').hidden = false;
      $('trace-id').textContent = trace.transactionId;
      $('trace-summary').textContent = trace.exchanges + ' / ' + trace.hops + ' — ' + t('traceSummary');
      var body = $('trace-records').querySelector('tbody');
      body.textContent = '';
      trace.records.forEach(function (record) {
        var row = document.createElement('tr');
        row.className = record.recordType;
        cell(row, record.seq);
        cell(row, t(record.recordType));
        cell(row, record.channel);
        cell(row, [record.service, record.operation].filter(Boolean).join(' / '));
        cell(row, localTime(record.timeIn));
        cell(row, localTime(record.timeOut));
        cell(row, t(record.outcome), 'outcome-' + record.outcome);
        cell(row, record.httpStatus);
        cell(row, [record.errorCode, record.errorText].filter(Boolean).join(': '));
        var hashes = cell(row, '');
        var code = document.createElement('code');
        code.textContent = 'req ' + text(record.requestSha256) + '\nres ' + text(record.responseSha256) + '\nrecord '
          + text(record.recordHash);
        hashes.appendChild(code);
        body.appendChild(row);
      });
      $('trace').scrollIntoView();
    }).catch(function (error) { $('search-message').textContent = t('failed') + ': ' + error.message; });
  }

  function verify() {
    if (!key()) { $('chain-status').textContent = t('keyFirst'); return; }
    api('/verify').then(function (r) { return r.json(); }).then(function (result) {
      var report = result.report;
      var status = $('chain-status');
      status.className = 'status ' + (result.valid ? 'valid' : 'invalid');
      status.removeAttribute('data-i18n');
      status.textContent = (result.valid ? t('chainValid') : t('chainInvalid')) + ' — ' + report.recordsChecked + ' '
        + t('records') + ', ' + report.checkpointsChecked + ' ' + t('checkpoints');
      var list = $('chain-problems');
      list.textContent = '';
      report.problems.forEach(function (problem) {
        var item = document.createElement('li');
        item.textContent = problem.kind + ' seq ' + text(problem.seq) + ' (id ' + text(problem.recordId) + '): ' + problem.detail;
        list.appendChild(item);
      });
    }).catch(function (error) {
      $('chain-status').className = 'status unknown';
      $('chain-status').textContent = t('failed') + ': ' + error.message;
    });
  }

  function download(format) {
    var params = query();
    params.set('format', format);
    ['client', 'service', 'user', 'purpose', 'personalId', 'transactionId', 'outcome', 'recordType']
      .forEach(function (name) { params.delete(name); });
    api('/export?' + params.toString()).then(function (response) {
      var disposition = response.headers.get('Content-Disposition') || '';
      var match = /filename="([^"]+)"/.exec(disposition);
      return response.blob().then(function (blob) {
        var link = document.createElement('a');
        link.href = URL.createObjectURL(blob);
        link.download = match ? match[1] : 'message-log.' + format;
        link.click();
        URL.revokeObjectURL(link.href);
      });
    }).catch(function (error) { $('search-message').textContent = t('failed') + ': ' + error.message; });
  }

  $('key-form').addEventListener('submit', function (event) {
    event.preventDefault();
    credentials = { key: $('api-key').value.trim(), user: $('auditor-id').value.trim() };
    $('api-key').value = '';
    api('/records?size=1').then(function () {
      $('access-message').textContent = t('connected');
      page = 0;
      search();
      verify();
    }).catch(function (error) {
      $('access-message').textContent = error.status === 403 ? t('notAuditor') : t('keyRefused');
    });
  });
  $('filters').addEventListener('submit', function (event) { event.preventDefault(); page = 0; search(); });
  $('prev').addEventListener('click', function () { if (page > 0) { page--; search(); } });
  $('next').addEventListener('click', function () { page++; search(); });
  $('verify').addEventListener('click', verify);
  $('export-jsonl').addEventListener('click', function () { download('jsonl'); });
  $('export-csv').addEventListener('click', function () { download('csv'); });
  $('lang-toggle').addEventListener('click', function () {
    lang = lang === 'vi' ? 'en' : 'vi';
    sessionStorage.setItem('hub.console.lang', lang);
    applyLanguage();
    if (key() && total > 0) { search(); }
  });
  applyLanguage();
}());
