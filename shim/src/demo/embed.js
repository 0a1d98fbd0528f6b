// The demo's embedded payment: the host page's side of paypage's
// messages (docs/embedding.md). It trusts only messages from the
// frame it made, from paypage's origin, in the version it knows.
'use strict';

const frame = document.getElementById('payment-frame');
const paypage = new URL(frame.src).origin;
const outcome = document.getElementById('payment-outcome');
const recorded = document.getElementById('payment-recorded');

// paypage:outcome's states. What the demo says for each is on the
// status element, in the page's language (data-success and so on),
// put there by the server: the script holds no words of its own.
const STATES = ['success', 'declined', 'cancelled', 'expired', 'error'];

/** The sentence for a state; an unknown one is told as an error. */
function said(state) {
  const known = STATES.includes(state) ? state : 'error';
  return outcome.dataset[known] ?? '';
}

function fromPaypage(event) {
  return event.origin === paypage &&
    event.source === frame.contentWindow &&
    event.data !== null &&
    typeof event.data === 'object' &&
    event.data.version === 1;
}

window.addEventListener('message', (event) => {
  if (!fromPaypage(event)) {
    return;
  }
  const message = event.data;
  if (message.type === 'paypage:ready') {
    frame.dataset.ready = 'true';
  } else if (message.type === 'paypage:height') {
    // Exactly the page's height, so the frame never scrolls.
    if (Number.isFinite(message.height) && message.height > 0) {
      frame.style.height = `${Math.ceil(message.height)}px`;
    }
  } else if (message.type === 'paypage:outcome') {
    // The message is a hint for the page; what the council records
    // comes from the payments API, which the return page asks.
    outcome.textContent = said(message.state);
    recorded.hidden = false;
  }
});
