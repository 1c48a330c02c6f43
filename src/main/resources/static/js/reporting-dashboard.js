// The dashboard's charts: each .wg-chart holds its data as JSON in data-chart; a click on a segment opens the
// list of the rows behind it.
document.querySelectorAll('.wg-chart').forEach(function (el) {
  var data = JSON.parse(el.getAttribute('data-chart'));
  var chart = echarts.init(el);
  var option;
  if (data.type === 'pie') {
    option = {
      animation: false,
      tooltip: {trigger: 'item', formatter: '{b}：{c}（{d}%）'},
      series: [{type: 'pie', radius: ['35%', '65%'], label: {formatter: '{b}\n{c}'},
        data: data.labels.map(function (l, i) { return {name: l, value: data.values[i]}; })}]
    };
  } else {
    option = {
      animation: false,
      tooltip: {trigger: 'axis'},
      grid: {left: 16, right: 16, top: 24, bottom: 16, containLabel: true},
      xAxis: {type: 'category', data: data.labels, axisLabel: {interval: 0, rotate: data.labels.length > 6 ? 30 : 0}},
      yAxis: {type: 'value'},
      series: [{type: data.type, data: data.values, itemStyle: {color: '#a11d21'}, label: {show: data.type === 'bar', position: 'top'}}]
    };
  }
  chart.setOption(option);
  chart.on('click', function (p) {
    var link = data.links[p.dataIndex];
    if (link) { window.location.href = link; }
  });
  window.addEventListener('resize', function () { chart.resize(); });
});
