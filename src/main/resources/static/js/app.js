// htmx requests carry the CSRF token of the page (every state-changing request is CSRF-checked).
document.addEventListener('htmx:configRequest', function (event) {
  var token = document.querySelector('meta[name="_csrf"]');
  var header = document.querySelector('meta[name="_csrf_header"]');
  if (token && header) { event.detail.headers[header.content] = token.content; }
});
// Close an open menu when clicking elsewhere.
document.addEventListener('click', function (event) {
  document.querySelectorAll('details.wg-menu[open]').forEach(function (menu) {
    if (!menu.contains(event.target)) { menu.removeAttribute('open'); }
  });
});
// Confirm buttons that carry data-confirm.
document.addEventListener('submit', function (event) {
  var message = event.target.getAttribute('data-confirm');
  if (message && !window.confirm(message)) { event.preventDefault(); }
});
