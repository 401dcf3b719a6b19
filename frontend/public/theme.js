// Before the first paint (a blocking script in <head>, not inline: the CSP allows only the app's own files): the
// theme in effect on <html>, so a dark page never flashes light. src/lib/theme.ts does the same afterwards.
(function () {
  var choice = null;
  try {
    choice = localStorage.getItem('kadence.theme');
  } catch (e) {
    // storage refused: the system's choice
  }
  var dark = choice === 'dark' || (choice !== 'light' && window.matchMedia('(prefers-color-scheme: dark)').matches);
  document.documentElement.dataset.theme = dark ? 'dark' : 'light';
})();
