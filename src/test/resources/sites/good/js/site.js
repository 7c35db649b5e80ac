// Marks the link to the current page, so that the browser gate loads a script that does real work.
document.querySelectorAll("nav a").forEach(function (link) {
  if (link.href === document.location.href) {
    link.setAttribute("aria-current", "page");
  }
});
