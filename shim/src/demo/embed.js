// The demo's embedded payment: the host page's side of paypage's
// messages (docs/embedding.md). It trusts only messages from the
// frame it made, from paypage's origin, in the version it knows.
'use strict';

const frame = document.getElementById('payment-frame');
const paypage = new URL(frame.src).origin;
const outcome = document.getElementById('payment-outcome');
const recorded = document.getElementById('payment-recorded');

// What the demo tells the citizen for each paypage:outcome state.
const WORDS = {
  success: 'The payment page says your parking fine is paid.',
  declined: 'The payment page says your card was declined. ' +
    'No money was taken.',
  cancelled: 'The payment page says you cancelled. No money was taken.',
  expired: 'The payment page says the payment timed out. ' +
    'No money was taken.',
  error: 'The payment page says the payment could not be taken. ' +
    'No money was taken.',
};

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
    outcome.textContent = WORDS[message.state] ?? WORDS.error;
    recorded.hidden = false;
  }
});
