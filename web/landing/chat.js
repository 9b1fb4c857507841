// Ana's chat on the landing page: Microsoft Web Chat over our own Direct Line
// endpoint. The conversation id and token live in localStorage, so a reload
// resumes the same conversation (the token is refreshed, even days later);
// directlinejs reconnects by itself after a network drop.
(function () {
  'use strict';

  var STORAGE_KEY = 'clubcashin.ana.chat';
  var DOMAIN = window.location.origin + '/v3/directline';
  var SAVE_EVERY_MS = 60 * 1000;

  var host = document.getElementById('webchat');
  var starters = document.getElementById('chat-starters');
  var statusLine = document.getElementById('chat-status');
  var store;

  function loadSession() {
    try {
      var saved = JSON.parse(window.localStorage.getItem(STORAGE_KEY) || 'null');
      return saved && saved.token && saved.conversationId ? saved : null;
    } catch {
      return null;
    }
  }

  function saveSession(session) {
    try {
      window.localStorage.setItem(STORAGE_KEY, JSON.stringify({ conversationId: session.conversationId, token: session.token }));
    } catch {
      // Private browsing may refuse storage: the chat still works, it just will not resume.
    }
  }

  function requestToken(path, token) {
    return fetch(DOMAIN + path, { method: 'POST', headers: token ? { Authorization: 'Bearer ' + token } : {} }).then(function (response) {
      if (!response.ok) throw new Error(path + ' answered ' + response.status);
      return response.json();
    });
  }

  /** The saved conversation with a fresh token, or a brand new one. */
  function openSession() {
    var saved = loadSession();
    var fresh = function () {
      return requestToken('/tokens/generate').then(function (session) {
        session.isNew = true;
        return session;
      });
    };
    if (!saved) return fresh();
    return requestToken('/tokens/refresh', saved.token).catch(fresh);
  }

  function sendToAna(text) {
    if (!store) return;
    store.dispatch({ type: 'WEB_CHAT/SEND_MESSAGE', payload: { text: text } });
  }

  function focusChat() {
    var chat = document.getElementById('chat');
    chat.scrollIntoView({ behavior: 'smooth', block: 'center' });
    var input = host.querySelector('input[type="text"], textarea');
    if (input) input.focus({ preventScroll: true });
  }

  // The page's own buttons ("Simula tu préstamo", FAQ...) talk to Ana through the chat.
  document.addEventListener('click', function (event) {
    var target = event.target.closest('[data-ask], [data-focus-chat]');
    if (!target) return;
    if (target.hasAttribute('data-ask')) sendToAna(target.getAttribute('data-ask'));
    event.preventDefault();
    focusChat();
  });

  var brand = { navy: '#0b2545', green: '#0f7b4f', greenDark: '#0b5f3d', gold: '#f2b233', mist: '#f4f7fa', ink: '#1b2430' };
  var styleOptions = {
    accent: brand.green,
    backgroundColor: '#ffffff',
    primaryFont: 'system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif',
    bubbleBackground: brand.mist,
    bubbleBorderColor: '#dde3ea',
    bubbleBorderRadius: 14,
    bubbleTextColor: brand.ink,
    bubbleFromUserBackground: brand.navy,
    bubbleFromUserBorderColor: brand.navy,
    bubbleFromUserBorderRadius: 14,
    bubbleFromUserTextColor: '#ffffff',
    botAvatarInitials: 'A',
    botAvatarBackgroundColor: brand.green,
    suggestedActionLayout: 'flow',
    suggestedActionBackgroundColor: '#ffffff',
    suggestedActionBorderColor: brand.green,
    suggestedActionBorderRadius: 20,
    suggestedActionBorderWidth: 2,
    suggestedActionTextColor: brand.greenDark,
    suggestedActionBackgroundColorOnHover: brand.green,
    suggestedActionTextColorOnHover: '#ffffff',
    sendBoxButtonColor: brand.green,
    sendBoxButtonColorOnHover: brand.greenDark,
    sendBoxBorderTop: '1px solid #dde3ea',
    sendBoxHeight: 52,
    hideUploadButton: true,
    timestampColor: '#4a5565',
    typingAnimationBackgroundImage: null
  };

  function start(session) {
    saveSession(session);
    if (starters) starters.hidden = !session.isNew;

    var directLine = window.WebChat.createDirectLine({
      token: session.token,
      conversationId: session.conversationId,
      domain: DOMAIN,
      webSocket: true
    });

    store = window.WebChat.createStore({}, function () {
      return function (next) {
        return function (action) {
          // Once anything is said, the welcome chips have done their job.
          if (action.type === 'DIRECT_LINE/INCOMING_ACTIVITY' && starters && action.payload.activity.type === 'message') starters.hidden = true;
          return next(action);
        };
      };
    });

    // directlinejs refreshes its token every 15 minutes: keep the newest for the next visit.
    var remember = function () {
      if (directLine.token) saveSession({ conversationId: session.conversationId, token: directLine.token });
    };
    window.setInterval(remember, SAVE_EVERY_MS);
    window.addEventListener('pagehide', remember);

    host.textContent = '';
    window.WebChat.renderWebChat(
      {
        directLine: directLine,
        store: store,
        locale: 'es-MX',
        styleOptions: styleOptions,
        overrideLocalizedStrings: {
          TEXT_INPUT_PLACEHOLDER: 'Escribe tu mensaje…',
          TEXT_INPUT_SEND_BUTTON_ALT: 'Enviar'
        }
      },
      host
    );
  }

  function fail() {
    if (statusLine) statusLine.textContent = 'No pudimos conectar con Ana. Revisa tu conexión y recarga la página.';
  }

  if (!window.WebChat) return fail();
  openSession().then(start, fail);
})();
