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

  // A page kept for every visitor has empty anti-forgery fields and no form stamp: fetch this reader's own.
  var blanks = document.querySelectorAll('input[name="__parley_af"][value=""], input[name="Form.Issued"][value=""]');
  var formState = !blanks.length || !window.fetch ? Promise.resolve() :
    fetch("/comments/form-state", { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (state) {
        if (!state) return;
        blanks.forEach(function (input) { input.value = input.name === "Form.Issued" ? state.issued : state.token; });
      })
      .catch(function () { /* the forms still post; the server then asks to confirm once */ });

  // A permalink to a comment on another page of a long thread: ask the server which page holds it.
  var wanted = /^#comment-(\d+)$/.exec(location.hash);
  if (wanted && !document.getElementById("comment-" + wanted[1]) && document.getElementById("comments")) {
    location.replace(location.pathname + "?comment=" + wanted[1]);
    return;
  }

  // Likes without a reload; the form still works on its own.
  document.addEventListener("submit", function (event) {
    var likeForm = event.target.closest && event.target.closest(".comment__like-form");
    if (!likeForm || !window.fetch) return;
    event.preventDefault();
    formState.then(function () {
      return fetch(likeForm.getAttribute("action"), {
        method: "POST", body: new FormData(likeForm), credentials: "same-origin", headers: { Accept: "application/json" }
      });
    }).then(function (response) { return response.json(); }).then(function (json) {
      if (typeof json.likes !== "number") return;
      var button = likeForm.querySelector(".comment__like");
      button.querySelector(".comment__likes").textContent = json.likes;
      button.setAttribute("aria-pressed", button.getAttribute("aria-pressed") === "true" ? "false" : "true");
    });
  });

  // --- The reply form: moves under the comment being answered, posts without a reload. ---
  var respond = document.getElementById("respond");
  var form = respond && respond.querySelector("form.comment-form");
  if (!form) return;
  var title = respond.querySelector(".respond__title");
  var status = form.querySelector(".comment-form__status");
  var body = form.querySelector("textarea");

  function parentInput() {
    var input = form.querySelector("input[name='Form.ParentId']");
    if (!input) {
      input = document.createElement("input");
      input.type = "hidden";
      input.name = "Form.ParentId";
      form.appendChild(input);
    }
    return input;
  }

  function replyTo(id, name) {
    var comment = document.getElementById("comment-" + id);
    if (!comment) return;
    comment.querySelector(".comment__body").after(respond);
    parentInput().value = id;
    title.textContent = "Reply to " + name + " ";
    var cancel = document.createElement("a");
    cancel.href = "#comments";
    cancel.className = "respond__cancel";
    cancel.textContent = "Cancel reply";
    title.appendChild(cancel);
    body.focus();
  }

  function resetReply() {
    var home = document.getElementById("respond-home");
    if (home) home.after(respond);
    var input = form.querySelector("input[name='Form.ParentId']");
    if (input) input.remove();
    title.textContent = respond.getAttribute("data-reply-title");
  }

  document.addEventListener("click", function (event) {
    var reply = event.target.closest && event.target.closest("a.comment__reply");
    if (reply) {
      event.preventDefault();
      replyTo(reply.getAttribute("data-reply-to"), reply.getAttribute("data-reply-name"));
      return;
    }
    if (event.target.closest && event.target.closest(".respond__cancel")) {
      event.preventDefault();
      resetReply();
    }
  });

  function clearErrors() {
    respond.querySelectorAll(".field__error[data-js], .form-errors").forEach(function (e) { e.remove(); });
    form.querySelectorAll("[aria-invalid=true]").forEach(function (e) { e.setAttribute("aria-invalid", "false"); });
  }

  function showErrors(errors) {
    var general = [];
    Object.keys(errors).forEach(function (key) {
      var field = form.querySelector("[name='Form." + key + "']");
      if (!field || field.type === "hidden") { general = general.concat(errors[key]); return; }
      field.setAttribute("aria-invalid", "true");
      var message = document.createElement("p");
      message.className = "field__error";
      message.setAttribute("data-js", "");
      message.textContent = errors[key].join(" ");
      field.after(message);
    });
    var box = document.createElement("div");
    box.className = "form-errors";
    box.setAttribute("role", "alert");
    var p = document.createElement("p");
    p.textContent = general.length ? general.join(" ") : "Your comment was not posted yet. Please check the fields marked below.";
    box.appendChild(p);
    form.before(box);
  }

  function insertComment(html, parentId) {
    var template = document.createElement("template");
    template.innerHTML = html.trim();
    var item = template.content.firstElementChild;
    var list;
    if (parentId) {
      var parent = document.getElementById("comment-" + parentId);
      list = parent.querySelector(":scope > .comment-replies");
      if (!list) { list = document.createElement("ol"); list.className = "comment-replies"; parent.appendChild(list); }
    } else {
      list = document.querySelector("#comments .comment-list");
    }
    list.appendChild(item);
    item.classList.add("comment--new");
    countOneMore(item);
    return item;
  }

  // The heading counts published comments: one held for moderation does not change it.
  function countOneMore(item) {
    var title = document.getElementById("comments-title");
    if (!title || item.querySelector(".comment__pending, .comment--pending") || /awaiting moderation/.test(item.textContent)) return;
    var now = (parseInt(title.textContent, 10) || 0) + 1;
    title.textContent = now === 1 ? "1 comment" : now + " comments";
  }

  form.addEventListener("submit", function (event) {
    if (!window.fetch || !window.FormData) return;
    event.preventDefault();
    var data;
    var preview = event.submitter && event.submitter.name === "Form.Preview";
    var buttons = form.querySelectorAll("button");
    buttons.forEach(function (b) { b.disabled = true; });
    status.textContent = preview ? "Preparing preview…" : "Posting…";
    clearErrors();
    formState.then(function () {
      data = new FormData(form);
      if (preview) data.set("Form.Preview", "true");
      return fetch(form.getAttribute("action").split("#")[0], {
        method: "POST", body: data, credentials: "same-origin", headers: { Accept: "application/json" }
      });
    }).then(function (response) {
      if (preview) {
        return response.json().then(function (json) {
          var box = form.querySelector(".comment-preview");
          box.querySelector(".comment__text").innerHTML = json.html || "<p>Nothing to preview yet.</p>";
          box.hidden = false;
          status.textContent = "";
        });
      }
      if (response.status === 201) {
        return response.text().then(function (html) {
          var parentId = data.get("Form.ParentId");
          var item = insertComment(html, parentId);
          body.value = "";
          form.querySelector(".comment-preview").hidden = true;
          resetReply();
          status.textContent = "Your comment is posted.";
          item.setAttribute("tabindex", "-1");
          item.focus();
        });
      }
      return response.json().then(function (json) {
        showErrors(json.errors || {});
        status.textContent = "";
      });
    }).catch(function () {
      status.textContent = "";
      showErrors({ form: ["The connection failed. Your comment is still here: try again."] });
    }).finally(function () {
      buttons.forEach(function (b) { b.disabled = false; });
    });
  });
})();
