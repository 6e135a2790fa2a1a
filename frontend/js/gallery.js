// The lot page's photos: the thumbnails switch the main photo, and the main photo opens an
// enlarged view, a modal <dialog> (so the browser keeps focus inside it and Escape closes it).
// There the arrow keys and the side buttons move between photos, the close button closes, and
// focus goes back to the main photo. Without this script the main photo still shows.

const root = document.querySelector('[data-role="gallery"]');
if (root) setUp(root);

function setUp(gallery) {
  const main = gallery.querySelector('[data-role="gallery-image"]');
  const opener = gallery.querySelector('[data-role="gallery-open"]');
  const thumbs = [...gallery.querySelectorAll('[data-role="gallery-thumb"]')];
  const dialog = gallery.querySelector('[data-role="lightbox"]');
  const big = dialog.querySelector('[data-role="lightbox-image"]');
  const count = dialog.querySelector('[data-role="lightbox-count"]');
  const position = gallery.dataset.position || '{0} / {1}';
  const photos = thumbs.length > 0
    ? thumbs.map((t) => ({ src: t.dataset.src, width: t.dataset.width, height: t.dataset.height, alt: t.dataset.alt }))
    : [{ src: main.getAttribute('src'), width: main.getAttribute('width'), height: main.getAttribute('height'), alt: main.alt }];
  let current = 0;

  function show(img, photo) {
    img.src = photo.src;
    img.width = Number(photo.width);
    img.height = Number(photo.height);
    img.alt = photo.alt;
  }

  function select(index) {
    current = (index + photos.length) % photos.length;
    show(main, photos[current]);
    thumbs.forEach((t, i) => {
      if (i === current) t.setAttribute('aria-current', 'true');
      else t.removeAttribute('aria-current');
    });
    if (dialog.open) {
      show(big, photos[current]);
      count.textContent = position.replace('{0}', current + 1).replace('{1}', photos.length);
    }
  }

  thumbs.forEach((thumb, i) => thumb.addEventListener('click', () => select(i)));

  opener.addEventListener('click', () => {
    dialog.showModal();
    select(current);
    dialog.querySelector('[data-role="lightbox-close"]').focus();
  });
  dialog.querySelector('[data-role="lightbox-close"]').addEventListener('click', () => dialog.close());
  dialog.querySelector('[data-role="lightbox-prev"]')?.addEventListener('click', () => select(current - 1));
  dialog.querySelector('[data-role="lightbox-next"]')?.addEventListener('click', () => select(current + 1));
  dialog.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowRight') {
      e.preventDefault();
      select(current + 1);
    } else if (e.key === 'ArrowLeft') {
      e.preventDefault();
      select(current - 1);
    }
  });
  // A click on the backdrop (outside the photo and the controls) closes, as people expect.
  dialog.addEventListener('click', (e) => {
    if (e.target === dialog) dialog.close();
  });
  dialog.addEventListener('close', () => opener.focus());
}

// For the browser tests and for people poking around in the console.
window.gavelGallery = { ready: true };
