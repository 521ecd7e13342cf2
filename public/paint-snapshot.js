/*
 * Tavla: paints the saved picture of today's board before the app has loaded
 * (see src/core/snapshot.ts, which saves it and states the same rule).
 * Only on the board route, only the device's own day, only its language;
 * aria-hidden and inert: a picture, not controls. main.tsx replaces it.
 */
(function () {
  try {
    var s = JSON.parse(localStorage.getItem('tavla:board-snapshot') || 'null');
    if (!s || s.v !== 1 || typeof s.html !== 'string' || location.pathname !== '/') return;
    var d = new Date();
    var p = function (n) { return (n < 10 ? '0' : '') + n; };
    if (s.day !== ('000' + d.getFullYear()).slice(-4) + '-' + p(d.getMonth() + 1) + '-' + p(d.getDate())) return;
    var asked = new URLSearchParams(location.search).get('lang');
    if (asked && asked !== s.lang) return;
    var root = document.getElementById('root');
    if (!root) return;
    var h = document.documentElement;
    h.lang = s.lang;
    h.dir = s.dir;
    h.className = s.cls || '';
    if (s.textSize) h.setAttribute('data-text-size', s.textSize);
    var t = document.createElement('template');
    t.innerHTML = s.html;
    for (var el = t.content.firstElementChild; el; el = el.nextElementSibling) {
      el.setAttribute('aria-hidden', 'true');
      el.setAttribute('inert', '');
      el.setAttribute('data-board-snapshot', '');
    }
    root.replaceChildren(t.content);
    performance.mark('tavla:snapshot-painted');
  } catch (e) {
    /* no picture: the splash stays */
  }
})();
