/*
 * Tavla: paints the saved picture of today's board before the app has loaded
 * (see src/core/snapshot.ts, which saves it and states the same rule).
 * Only on the board route, only the device's own day, only its language;
 * aria-hidden and inert: a picture, not controls. main.tsx replaces it.
 *
 * A first visit (no picture ever saved, no workplace known on this device:
 * src/core/snapshot.ts rememberDevice) gets the setup wizard's welcome words
 * instead, from the page's data block (scripts/welcome-shell.ts), in the
 * language ?lang= asks for, else the one last used here, else Swedish: text
 * only, also aria-hidden and inert; main.tsx replaces it with the real welcome.
 */
(function () {
  var root = document.getElementById('root');
  // the whole app's modules (scripts/inline-css.ts), fetched with the page on a device that has (or may have) a board;
  // a first visit's welcome needs none of them (src/setup/firstVisit.ts)
  var preloadApp = function () {
    try {
      var list = JSON.parse((document.getElementById('tavla-app-modules') || {}).textContent || '[]');
      for (var i = 0; i < list.length; i++) {
        var link = document.createElement('link');
        link.rel = 'modulepreload';
        link.crossOrigin = '';
        link.href = list[i];
        document.head.appendChild(link);
      }
    } catch (e) {
      /* the app loads them itself */
    }
  };
  var h = document.documentElement;
  var asked = new URLSearchParams(location.search).get('lang');
  var raw = null;
  try {
    raw = localStorage.getItem('tavla:board-snapshot');
    var s = JSON.parse(raw || 'null');
    if (!s || s.v !== 1 || typeof s.html !== 'string' || location.pathname !== '/') throw 0;
    var d = new Date();
    var p = function (n) { return (n < 10 ? '0' : '') + n; };
    if (s.day !== ('000' + d.getFullYear()).slice(-4) + '-' + p(d.getMonth() + 1) + '-' + p(d.getDate())) throw 0;
    if (asked && asked !== s.lang) throw 0;
    if (!root) return;
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
    preloadApp();
    return;
  } catch (e) {
    /* no picture: the splash stays, or the welcome below */
  }
  try {
    var device = JSON.parse(localStorage.getItem('tavla:device') || 'null') || {};
    var data = document.getElementById('tavla-welcome');
    if (raw !== null || device.workplace || (location.pathname !== '/' && location.pathname !== '/setup') || !window.isSecureContext) preloadApp();
    if (raw !== null || device.workplace || !root || !data) return;
    if (location.pathname !== '/' && location.pathname !== '/setup') return;
    var words = JSON.parse(data.textContent || '{}');
    var lang = asked && words[asked] ? asked : words[device.lang] ? device.lang : 'sv';
    var w = words[lang];
    if (!w) return;
    h.lang = lang;
    h.dir = w.dir;
    var make = function (tag, cls, parent, text) {
      var e = document.createElement(tag);
      e.className = cls;
      if (text) e.textContent = text;
      if (parent) parent.appendChild(e);
      return e;
    };
    // the wizard's own markup and classes (src/setup/Setup.tsx, its styles are in the page)
    var app = make('div', 'app');
    app.setAttribute('aria-hidden', 'true');
    app.setAttribute('inert', '');
    app.setAttribute('data-welcome-shell', '');
    var picto = function (id, cls, parent) {
      var img = make('img', 'picto ' + cls, parent);
      img.alt = '';
      img.width = 48;
      img.height = 48;
      img.src = '/pictograms/' + id + '.svg';
    };
    var main = make('main', 'setup', make('div', 'app-main', app));
    var header = make('header', 'setup-header', main);
    var title = make('h1', 'setup-title', header);
    picto('tablet', 'title-icon', title);
    make('span', '', title, w.title);
    // where the language button will be: the same box, unseen and disabled (the words keep their place)
    var place = make('button', 'picto-button ghost normal', header);
    place.type = 'button';
    place.disabled = true;
    place.tabIndex = -1;
    place.style.visibility = 'hidden';
    picto('language', 'picto-button-icon', place);
    make('span', 'label', place, w.name);
    make('p', 'setup-lead', make('section', 'setup-welcome', main), w.lead);
    root.replaceChildren(app);
  } catch (e) {
    /* no welcome: the splash stays */
    preloadApp();
  }
})();
