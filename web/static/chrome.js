// What every page shares: the language switch keeps the view the address bar holds (the
// explorer's and coverage's state), only changing `lang`; the server remembers the choice.

function withLanguage(lang) {
  const url = new URL(window.location.href);
  url.searchParams.set('lang', lang);
  return url.toString();
}

for (const link of document.querySelectorAll('nav.languages a[data-lang]')) {
  link.addEventListener('click', (event) => {
    event.preventDefault();
    window.location.assign(withLanguage(link.dataset.lang));
  });
}
