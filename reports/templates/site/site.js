// Dashboard behaviour: pick a year (re-embeds every chart with that year's specs) or a region (other page);
// in a section whose charts carry a `choice` (八大万亿产业), a drop-down shows one of them at a time.
// Data comes from data/<page>.js as window.XIAOWEI_PAGE; text is set with textContent, never innerHTML.
(function () {
  'use strict';
  var page = window.XIAOWEI_PAGE;
  var yearSelect = document.getElementById('year-select');
  var regionSelect = document.getElementById('region-select');
  var views = [];
  // Section id → the label picked in its drop-down, kept when the year changes.
  var chosen = {};
  var embedOptions = {
    renderer: 'svg',
    actions: { export: true, source: false, compiled: false, editor: false },
    i18n: { SVG_ACTION: '保存为 SVG', PNG_ACTION: '保存为 PNG' },
  };

  function yearData(year) {
    for (var i = 0; i < page.years.length; i++) if (page.years[i].year === year) return page.years[i];
    return page.years[page.years.length - 1];
  }

  function clear(el) {
    while (el.firstChild) el.removeChild(el.firstChild);
  }

  function renderText(d) {
    var list = document.getElementById('headlines');
    clear(list);
    d.headlines.forEach(function (h) {
      var li = document.createElement('li');
      li.textContent = h;
      list.appendChild(li);
    });
    var figures = document.getElementById('figures');
    clear(figures);
    d.figures.forEach(function (f) {
      var box = document.createElement('div');
      box.className = 'figure';
      var label = document.createElement('div');
      label.className = 'label';
      label.textContent = f.label;
      var value = document.createElement('div');
      value.className = 'value';
      value.textContent = f.value;
      box.appendChild(label);
      box.appendChild(value);
      figures.appendChild(box);
    });
    document.getElementById('figures-note').textContent = d.note || '';
    var body = document.getElementById('revisions-body');
    clear(body);
    (d.revisions || []).forEach(function (r) {
      var tr = document.createElement('tr');
      [r.period, r.label, r.old, r.new].forEach(function (text, i) {
        var td = document.createElement('td');
        if (i >= 2) td.className = 'num';
        td.textContent = text;
        tr.appendChild(td);
      });
      body.appendChild(tr);
    });
    document.getElementById('revisions').hidden = !(d.revisions && d.revisions.length);
  }

  function renderCharts(d) {
    views.forEach(function (v) { v.finalize(); });
    views = [];
    var grids = document.querySelectorAll('.grid[data-section]');
    grids.forEach(clear);
    var jobs = d.charts.map(function (c) {
      var grid = document.querySelector('.grid[data-section="' + c.section + '"]') || grids[0];
      var card = document.createElement('figure');
      card.className = 'card';
      // The spec draws its own title; the caption stays for screen readers only.
      var caption = document.createElement('figcaption');
      caption.className = 'visually-hidden';
      caption.textContent = c.title;
      var host = document.createElement('div');
      host.className = 'vega-host';
      host.setAttribute('data-chart', c.id);
      card.appendChild(caption);
      card.appendChild(host);
      if (c.choice) card.setAttribute('data-choice', c.choice);
      grid.appendChild(card);
      return vegaEmbed(host, c.spec, embedOptions).then(function (result) { views.push(result.view); });
    });
    grids.forEach(addChooser);
    grids.forEach(function (g) { g.parentNode.hidden = g.childElementCount === 0; });
    return Promise.all(jobs).then(function () {
      document.body.setAttribute('data-rendered-year', String(d.year));
    });
  }

  // A drop-down over the cards of a grid that carry data-choice: only the picked card is shown.
  function addChooser(grid) {
    var cards = Array.prototype.slice.call(grid.querySelectorAll('.card[data-choice]'));
    if (cards.length === 0) return;
    var section = grid.getAttribute('data-section');
    var label = document.createElement('label');
    label.className = 'chooser';
    label.textContent = (grid.getAttribute('data-chooser') || '选择') + ' ';
    var select = document.createElement('select');
    select.id = section + '-select';
    cards.forEach(function (card) {
      var option = document.createElement('option');
      option.value = card.getAttribute('data-choice');
      option.textContent = option.value;
      select.appendChild(option);
    });
    if (chosen[section] && cards.some(function (c) { return c.getAttribute('data-choice') === chosen[section]; }))
      select.value = chosen[section];
    function apply() {
      chosen[section] = select.value;
      cards.forEach(function (card) { card.hidden = card.getAttribute('data-choice') !== select.value; });
      // Charts sized to their container measure it again once shown.
      window.dispatchEvent(new Event('resize'));
    }
    select.addEventListener('change', apply);
    label.appendChild(select);
    grid.insertBefore(label, grid.firstChild);
    apply();
  }

  function show(year) {
    var d = yearData(year);
    renderText(d);
    return renderCharts(d).catch(function (err) {
      document.body.setAttribute('data-render-error', String(err && err.message ? err.message : err));
      throw err;
    });
  }

  yearSelect.addEventListener('change', function () {
    var year = Number(yearSelect.value);
    history.replaceState(null, '', '#' + year);
    show(year);
  });
  regionSelect.addEventListener('change', function () {
    location.href = regionSelect.value + '#' + yearSelect.value;
  });

  var fromHash = Number(location.hash.slice(1));
  if (page.years.some(function (y) { return y.year === fromHash; })) yearSelect.value = String(fromHash);
  var family = document.body.getAttribute('data-font-family');
  // Load the shipped font before vega measures text, so labels are laid out with the real glyph widths.
  var fontsReady = document.fonts && family ? document.fonts.load('12px "' + family + '"') : Promise.resolve();
  fontsReady.then(function () { return show(Number(yearSelect.value)); });
})();
