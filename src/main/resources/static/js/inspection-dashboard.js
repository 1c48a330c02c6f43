// The campaign dashboard: findings by checklist item as horizontal bars (data as JSON in data-chart).
document.querySelectorAll('.wg-chart').forEach(function (el) {
  var data = JSON.parse(el.getAttribute('data-chart'));
  var chart = echarts.init(el);
  chart.setOption({
    animation: false,
    tooltip: {trigger: 'axis'},
    grid: {left: 8, right: 32, top: 8, bottom: 8, containLabel: true},
    xAxis: {type: 'value', minInterval: 1},
    yAxis: {type: 'category', inverse: true, data: data.labels.map(function (l) {
      return l.length > 12 ? l.substring(0, 12) + '…' : l;
    })},
    series: [{type: 'bar', data: data.values, itemStyle: {color: '#a11d21'}, label: {show: true, position: 'right'}}]
  });
  window.addEventListener('resize', function () { chart.resize(); });
});
