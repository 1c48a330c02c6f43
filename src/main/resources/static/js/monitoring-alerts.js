// The alert board's charts: alerts by rule stacked by severity, and by responsible department. The data is JSON in
// data-chart (no inline script under the CSP); a click on a segment opens the board filtered to its alerts.
(function () {
  var colours = {RED: '#c0392b', ORANGE: '#e67e22', YELLOW: '#f1c40f', '': '#a11d21'};
  document.querySelectorAll('.wg-alert-chart').forEach(function (el) {
    var data = JSON.parse(el.getAttribute('data-chart'));
    var chart = echarts.init(el);
    chart.setOption({
      animation: false,
      tooltip: {trigger: 'axis'},
      legend: {show: data.series.length > 1, top: 0},
      grid: {left: 48, right: 16, top: 32, bottom: 16, containLabel: true},
      xAxis: {type: 'category', data: data.labels, axisLabel: {interval: 0, rotate: data.labels.length > 4 ? 30 : 0}},
      yAxis: {type: 'value', minInterval: 1},
      series: data.series.map(function (s) {
        return {name: s.name, type: 'bar', stack: 'all', data: s.values, itemStyle: {color: colours[s.severity]},
          label: {show: data.series.length === 1, position: 'top'}};
      })
    });
    chart.on('click', function (p) {
      var link = data.series[p.seriesIndex].links[p.dataIndex];
      if (link) { window.location.href = link; }
    });
    window.addEventListener('resize', function () { chart.resize(); });
  });
})();
