// Admin forms: ask before the actions that cannot be taken back (forms with data-confirm), and
// keep a double click from sending an action twice.

document.addEventListener('submit', (e) => {
  const form = e.target;
  if (!(form instanceof HTMLFormElement)) return;
  const question = form.dataset.confirm;
  if (question && !window.confirm(question)) {
    e.preventDefault();
    return;
  }
  if (form.method.toLowerCase() === 'post') {
    if (form.dataset.sent) {
      e.preventDefault();
      return;
    }
    form.dataset.sent = 'true';
    setTimeout(() => { delete form.dataset.sent; }, 5000);
  }
});
