// Keeps coverage meters and the import progress current without reloading the page: every element with
// data-refresh-url is re-read every 10 seconds (imports: 2 s) and its data-field children filled in.
(function () {
  function refresh(el) {
    var url = el.getAttribute('data-refresh-url');
    var request = new XMLHttpRequest();
    request.open('GET', url);
    request.setRequestHeader('Accept', 'application/json');
    request.onload = function () {
      if (request.status !== 200) { return; }
      var data = JSON.parse(request.responseText);
      var fields = el.querySelectorAll('[data-field]');
      for (var i = 0; i < fields.length; i++) {
        var name = fields[i].getAttribute('data-field');
        if (!(name in data)) { continue; }
        if (fields[i].tagName === 'PROGRESS') {
          fields[i].value = data[name];
          var max = fields[i].getAttribute('data-max-field');
          if (max && max in data) { fields[i].max = data[max]; }
        } else {
          fields[i].textContent = data[name];
        }
      }
      if (data.finished && el.hasAttribute('data-reload-when-finished')) { window.location.reload(); }
    };
    request.send();
  }
  document.addEventListener('DOMContentLoaded', function () {
    var live = document.querySelectorAll('[data-refresh-url]');
    for (var i = 0; i < live.length; i++) {
      (function (el) {
        var every = parseInt(el.getAttribute('data-refresh-every') || '10000', 10);
        setInterval(function () { refresh(el); }, every);
      })(live[i]);
    }
  });
})();
