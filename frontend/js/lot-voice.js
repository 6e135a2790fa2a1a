// What the lot page says besides what it shows: polite announcements for screen readers (new high
// bids, the answer to the bidder's bid, extensions, one minute / 30 s / 10 s left, the close), an
// assertive alert when the bidder was outbid or their bid voided, and, when the bidder allowed
// it with the "Alert me" link, a browser notification for that alert.

const FINAL_SECONDS = [60, 30, 10];

export class LotVoice {
  /**
   * @param {HTMLElement} root the lot page, with the announcer, alerter and (for bidders) notify elements
   * @param {(key: string, ...args) => string} t the page's sentences
   */
  constructor(root, t) {
    this.root = root;
    this.t = t;
    this.announcedFor = null; // the end time the final-seconds announcements were made for
    this.announced = new Set();
  }

  $(role) {
    return this.root.querySelector(`[data-role="${role}"]`);
  }

  announce(text) {
    speak(this.$('announcer'), text);
  }

  /** Says it assertively, and as a notification when the bidder allowed them. */
  alert(text, title, tag) {
    speak(this.$('alerter'), text);
    if (notificationsAllowed() && Notification.permission === 'granted') {
      try {
        new Notification(title, { body: text, tag });
      } catch (e) {
        // Some browsers only allow notifications from a service worker: the page says it anyway.
      }
    }
  }

  /** Announces one minute, 30 s and 10 s left, once each per end time. */
  countdown(endsAt, left) {
    if (this.announcedFor !== endsAt) {
      this.announcedFor = endsAt;
      // An extension starts the countdown afresh; warnings already past stay quiet.
      this.announced = new Set(FINAL_SECONDS.filter((s) => left <= s * 1000));
    }
    for (const s of FINAL_SECONDS) {
      if (left <= s * 1000 && left > 0 && !this.announced.has(s)) {
        this.announced.add(s);
        this.announce(s === 60 ? this.t('announce.minute') : this.t('announce.seconds', s));
      }
    }
  }

  /** Whether to offer the "Alert me" link: the bidder has not been asked yet. */
  static canAsk() {
    return notificationsAllowed() && Notification.permission === 'default';
  }

  /** Wires the "Alert me" link: it asks for permission once, then goes. */
  wireAsk() {
    const notify = this.$('notify');
    if (!notify || !LotVoice.canAsk()) return;
    notify.addEventListener('click', async () => {
      try {
        await Notification.requestPermission();
      } finally {
        notify.hidden = true;
      }
    });
  }
}

function notificationsAllowed() {
  return 'Notification' in window;
}

function speak(el, text) {
  el.textContent = '';
  // A fresh node change makes screen readers read the same sentence again.
  requestAnimationFrame(() => { el.textContent = text; });
}
