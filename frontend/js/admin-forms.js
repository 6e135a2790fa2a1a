// Admin forms: ask before the actions that cannot be taken back (forms with data-confirm), keep a
// double click from sending an action twice, and say at once when a chosen file is too large
// (the server checks again; this only saves a long upload that would be refused).

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

document.addEventListener('change', (e) => {
  const input = e.target;
  if (!(input instanceof HTMLInputElement) || input.type !== 'file' || !input.dataset.maxBytes) return;
  const file = input.files && input.files[0];
  const tooBig = !!file && file.size > Number(input.dataset.maxBytes);
  input.setCustomValidity(tooBig ? input.dataset.tooBig : '');
  if (tooBig) input.reportValidity();
});
