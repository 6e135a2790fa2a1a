// Renumbering a sale's lots by drag: the admin drags a lot's row by its handle (or moves it with
// the arrow keys on the handle), and the lot numbers in use are handed out again in the new row
// order, in the number fields. Nothing is saved until the admin saves the form, as with numbers
// typed by hand; the server checks them the same way.

const table = document.querySelector('[data-role=lot-table]');
const body = table ? table.tBodies[0] : null;
const status = document.querySelector('[data-role=lot-order-status]');

function rows() {
  return Array.from(body.rows).filter((row) => row.querySelector('[data-role=drag-lot]'));
}

function numberField(row) {
  return row.querySelector('[data-role=lot-number]');
}

// The numbers the rows hold now, lowest first; the numbers as loaded when some field holds no
// number (a half-typed one), so a drag never invents or loses a number.
function numbersInUse(list) {
  const typed = list.map((row) => Number.parseInt(numberField(row).value, 10));
  const usable = typed.every((n) => Number.isInteger(n) && n > 0) && new Set(typed).size === typed.length;
  const numbers = usable ? typed : list.map((row) => Number.parseInt(row.dataset.lotNumber, 10));
  return numbers.sort((a, b) => a - b);
}

function renumber(moved) {
  const list = rows();
  const numbers = numbersInUse(list);
  list.forEach((row, i) => { numberField(row).value = String(numbers[i]); });
  if (moved && status) {
    const title = moved.querySelector('[data-role=lot-link]').textContent;
    status.textContent = status.dataset.text.replace('{0}', title).replace('{1}', numberField(moved).value);
  }
}

if (body && rows().length > 1) {
  let dragging = null;

  body.addEventListener('pointerdown', (e) => {
    const handle = e.target.closest('[data-role=drag-lot]');
    if (!handle || e.button !== 0) return;
    e.preventDefault();
    dragging = handle.closest('tr');
    dragging.classList.add('dragging');
    handle.setPointerCapture(e.pointerId);
  });

  body.addEventListener('pointermove', (e) => {
    if (!dragging) return;
    const over = rows().find((row) => {
      const box = row.getBoundingClientRect();
      return row !== dragging && e.clientY >= box.top && e.clientY <= box.bottom;
    });
    if (!over) return;
    const box = over.getBoundingClientRect();
    body.insertBefore(dragging, e.clientY < box.top + box.height / 2 ? over : over.nextSibling);
  });

  const drop = () => {
    if (!dragging) return;
    const moved = dragging;
    moved.classList.remove('dragging');
    dragging = null;
    renumber(moved);
  };
  body.addEventListener('pointerup', drop);
  body.addEventListener('pointercancel', drop);

  body.addEventListener('keydown', (e) => {
    const handle = e.target.closest('[data-role=drag-lot]');
    if (!handle || (e.key !== 'ArrowUp' && e.key !== 'ArrowDown')) return;
    e.preventDefault();
    const row = handle.closest('tr');
    const list = rows();
    const at = list.indexOf(row);
    const to = e.key === 'ArrowUp' ? at - 1 : at + 1;
    if (to < 0 || to >= list.length) return;
    body.insertBefore(row, e.key === 'ArrowUp' ? list[to] : list[to].nextSibling);
    handle.focus();
    renumber(row);
  });
}
