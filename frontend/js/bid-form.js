// The lot page's bid controls: one tap at the ask, a custom amount, a maximum, buy now; reading
// what the bidder typed, a second look at amounts far above the ask, and the sentence for each
// refusal or acceptance. What a bid does once placed is lot.js's.
import { parseAmount, toMinor, example } from './money.js';
import { refusedText } from './receipt.js';

/** A bid (or maximum) more than this many times the ask asks for a second look: a typo's extra zero. */
const CONFIRM_FACTOR = 5n;

/**
 * Wires the controls inside root.
 *
 * @param {HTMLElement} root the lot page
 * @param {object} page
 * @param {(key: string, ...args) => string} page.t the page's sentences
 * @param {(amount: string) => string} page.money
 * @param {number} page.scale the currency's decimals
 * @param {() => object} page.lot the lot as it is now
 * @param {() => boolean} page.busy whether a bid is on its way
 * @param {(frame: object, field: string) => void} page.place places a bid; field: the amount field it came from
 * @param {(text: string) => void} page.showError says why the input cannot be a bid
 */
export function wireBidForms(root, { t, money, scale, lot, busy, place, showError }) {
  const $ = (role) => root.querySelector(`[data-role="${role}"]`);
  let confirming = false;

  /** Opens the confirm dialog; resolves true when the bidder says yes. */
  const confirmStep = (text) => {
    const dialog = $('confirm');
    $('confirm-text').textContent = text;
    confirming = true;
    return new Promise((resolve) => {
      dialog.addEventListener('close', () => {
        confirming = false;
        resolve(dialog.returnValue === 'yes');
      }, { once: true });
      dialog.returnValue = '';
      dialog.showModal();
    });
  };

  const withConfirm = async (text, frame, field) => {
    if (busy() || confirming) return;
    if (text && !(await confirmStep(text))) return;
    place(frame, field);
  };

  const readAmount = (input) => {
    const raw = input.value;
    const amount = raw.trim() === '' ? null : parseAmount(raw, scale);
    if (amount == null) {
      showError(raw.trim() === '' ? t('invalid.empty') : t('invalid.format', example(scale)));
      input.focus();
    }
    return amount;
  };

  const farAboveAsk = (amount) => lot().ask && toMinor(amount, scale) > CONFIRM_FACTOR * toMinor(lot().ask, scale);

  const amountForm = (role, inputId, frameOf, confirmKey, field) => {
    $(role).addEventListener('submit', (e) => {
      e.preventDefault();
      if (busy() || confirming) return;
      const amount = readAmount(document.getElementById(inputId));
      if (amount == null) return;
      withConfirm(farAboveAsk(amount) ? t(confirmKey, money(amount), money(lot().ask)) : null, frameOf(amount), field);
    });
  };

  $('bid-ask').addEventListener('click', () => {
    if (lot().ask) withConfirm(null, { amount: lot().ask }, 'custom');
  });
  amountForm('custom-form', 'custom-amount', (amount) => ({ amount }), 'confirm.far', 'custom');
  amountForm('maximum-form', 'maximum-amount', (maximum) => ({ maximum }), 'confirm.farMaximum', 'maximum');
  $('buy-now-button').addEventListener('click', () => {
    if (lot().buyNow) withConfirm(t('confirm.buyNow', money(lot().buyNow)), { kind: 'buy-now' }, 'custom');
  });
}

/** The sentence for a refused bid (docs/protocol.md, bid-result reasons), with when it arrived. */
export function refusalText(t, money, scale, msg, ask) {
  return refusedText(t, reasonText(t, money, scale, msg, ask), msg);
}

function reasonText(t, money, scale, msg, ask) {
  switch (msg.reason) {
    case 'below-minimum': {
      const lowest = msg.ask || ask;
      return lowest ? t('reason.below-minimum', money(lowest)) : t('reason.below-minimum.noAsk');
    }
    case 'invalid-amount':
      return t('reason.invalid-amount', scale);
    case 'lot-not-found': case 'lot-not-open': case 'lot-paused': case 'lot-closed': case 'lot-cancelled':
    case 'self-outbid': case 'maximum-not-raised': case 'buy-now-unavailable': case 'banned':
    case 'not-a-bidder': case 'not-signed-in': case 'rate-limited': case 'busy':
      return t(`reason.${msg.reason}`);
    default:
      return t('reason.unknown', msg.message || msg.reason || '?');
  }
}

/**
 * The answer to the bidder's accepted bid, to show until the price or their standing moves on:
 * {text, status (the standing it leaves them in), price, sequence (of the event that makes it so)}.
 */
export function resultText(t, money, frame, msg, leadingBefore, leader) {
  let text;
  let status = msg.leading ? 'leading' : 'outbid';
  let sequence = msg.sequence || 0;
  if (frame.kind === 'buy-now') {
    text = t('result.boughtNow', money(msg.price));
    // Buying it closes the lot: the event after the bid's is its close, which makes the bidder the winner.
    status = 'won';
    sequence += 1;
  } else if (!msg.leading) {
    text = t('result.beaten', money(msg.price), money(frame.maximum || frame.amount), leader || '');
  } else if (frame.maximum && leadingBefore) text = t('result.raisedMaximum', money(msg.price), money(frame.maximum));
  else if (frame.maximum) text = t('result.maximumLeading', money(msg.price), money(frame.maximum));
  else text = t('result.leading', money(msg.price));
  return { status, price: msg.price, text, sequence };
}
