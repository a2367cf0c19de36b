// Progressive enhancements only: every page works without this file.
(function () {
  "use strict";

  // Click-to-load video: nothing is requested from the video host until the reader asks for it.
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest(".video-embed__placeholder");
    if (!link) return;
    var figure = link.closest(".video-embed");
    var src = figure && figure.getAttribute("data-embed-src");
    if (!src || src.indexOf("https://") !== 0) return;
    event.preventDefault();
    var frame = document.createElement("iframe");
    frame.src = src;
    frame.title = link.textContent.trim() || "Video";
    frame.allow = "autoplay; encrypted-media; fullscreen; picture-in-picture";
    frame.allowFullscreen = true;
    frame.referrerPolicy = "strict-origin-when-cross-origin";
    figure.replaceChild(frame, link);
    frame.focus();
  });
})();
