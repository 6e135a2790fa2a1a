// My purchases and an invoice: times in the reader's own zone, and the invoice's Print button,
// which opens the browser's print dialog (css/invoice.css says how an invoice prints).
import { localizeTimes } from './time.js';

localizeTimes();
for (const button of document.querySelectorAll('[data-role="print"]')) {
  button.hidden = false;
  button.addEventListener('click', () => window.print());
}
