// TheAdmin behaviour: confirmations, the rich-text editor on HTML textareas, the unsaved-changes warning, and the
// search box of long pickers.
(function () {
    "use strict";

    // <button data-confirm="Delete?">: ask before the click goes through.
    document.addEventListener("click", function (event) {
        var button = event.target.closest("[data-confirm]");
        if (button && !window.confirm(button.getAttribute("data-confirm"))) {
            event.preventDefault();
            event.stopImmediatePropagation();
        }
    }, true);

    // <textarea name="HtmlBodyPart.Html" data-editor="html">: Trix edits a hidden input, which is copied back into
    // the textarea, so the form still posts the HTML under the textarea's own name.
    var editorCount = 0;
    var editorLanguageSet = false;
    // The layout renders the editor's words in the page's language (<div id="editor-lang" data-lang="{json}">);
    // Trix reads them when it builds a toolbar or the link dialog, so they are set before the first editor.
    function setEditorLanguage() {
        var source = document.getElementById("editor-lang");
        if (editorLanguageSet || !source || !window.Trix || !Trix.config || !Trix.config.lang) {
            return;
        }

        editorLanguageSet = true;
        try {
            Object.assign(Trix.config.lang, JSON.parse(source.getAttribute("data-lang")));
        } catch (e) {
            // Malformed words leave Trix's own.
        }
    }

    function attachEditor(textarea) {
        if (!window.customElements || !customElements.get("trix-editor") || textarea.dataset.editorAttached) {
            return;
        }

        setEditorLanguage();

        textarea.dataset.editorAttached = "true";
        var input = document.createElement("input");
        input.type = "hidden";
        input.id = "trix-input-" + (++editorCount);
        input.value = textarea.value;

        var editor = document.createElement("trix-editor");
        editor.setAttribute("input", input.id);
        editor.classList.add("form-control");
        if (textarea.id) {
            // The textarea's <label for> now names the editor.
            var label = document.querySelector("label[for='" + CSS.escape(textarea.id) + "']");
            if (label) {
                label.id = label.id || textarea.id + "-label";
                editor.setAttribute("aria-labelledby", label.id);
            }
        }

        textarea.hidden = true;
        textarea.after(input, editor);
        // Trix normalizes the HTML when it loads it; only later changes are the user's (and make the form dirty).
        var ready = false;
        editor.addEventListener("trix-initialize", function () {
            textarea.value = input.value;
            setTimeout(function () { ready = true; }, 0);
        });
        editor.addEventListener("trix-change", function () {
            textarea.value = input.value;
            if (ready) {
                textarea.dispatchEvent(new Event("input", { bubbles: true }));
            }
        });
    }

    // No upload endpoint behind the editor: refuse dropped or pasted files instead of losing them silently.
    document.addEventListener("trix-file-accept", function (event) {
        event.preventDefault();
    });

    // <form data-unsaved-warning>: warn before leaving with changes; submitting clears the warning.
    var dirtyForms = new Set();
    function watchForm(form) {
        form.addEventListener("input", function () { dirtyForms.add(form); });
        form.addEventListener("change", function () { dirtyForms.add(form); });
        form.addEventListener("submit", function () { dirtyForms.clear(); });
    }

    window.addEventListener("beforeunload", function (event) {
        if (dirtyForms.size > 0) {
            event.preventDefault();
            event.returnValue = "";
        }
    });

    // <select data-search="搜索…">: a search box above a long picker (a roster of 2,000 people on a phone). Typing keeps
    // the options whose text holds every word typed, in their groups; one match left is chosen. Without script the
    // plain select still works.
    function attachSearch(select) {
        var box = document.createElement("input");
        box.type = "search";
        box.className = "form-control form-control-sm mb-1 picker-search";
        box.placeholder = select.getAttribute("data-search");
        box.setAttribute("aria-label", select.getAttribute("data-search"));
        box.setAttribute("aria-controls", select.id);
        select.parentNode.insertBefore(box, select);
        var groups = Array.prototype.map.call(select.children, function (child) {
            return { node: child, options: child.tagName === "OPTGROUP" ? Array.prototype.slice.call(child.children) : null };
        });
        box.addEventListener("input", function () {
            var words = box.value.trim().toLowerCase().split(/\s+/).filter(Boolean);
            var matches = [];
            function fits(option) {
                var text = option.textContent.toLowerCase();
                // What is chosen in a multiple select stays, or the form would lose it when sent.
                return option.value === "" || (select.multiple && option.selected)
                    || words.every(function (w) { return text.indexOf(w) >= 0; });
            }
            var shown = [];
            groups.forEach(function (g) {
                var kept = (g.options || [g.node]).filter(fits);
                matches = matches.concat(kept.filter(function (o) { return o.value !== ""; }));
                if (g.options === null) {
                    if (kept.length > 0) { shown.push(g.node); }
                } else if (kept.length > 0) {
                    g.node.replaceChildren.apply(g.node, kept);
                    shown.push(g.node);
                }
            });
            select.replaceChildren.apply(select, shown);
            if (!select.multiple && words.length > 0 && matches.length === 1 && select.value !== matches[0].value) {
                select.value = matches[0].value;
                select.dispatchEvent(new Event("change", { bubbles: true }));
            }
        });
    }

    // Tables of three or more columns become cards at phone width (admin.css, table-stack): each cell gets its
    // column's name as data-label, shown before the value.
    function stackTable(table) {
        if (table.dataset.stack === "off" || !table.tHead || table.tHead.rows.length === 0) {
            return;
        }

        var names = [];
        Array.prototype.forEach.call(table.tHead.rows[0].cells, function (cell) {
            for (var i = 0; i < cell.colSpan; i++) {
                names.push(cell.textContent.trim());
            }
        });
        if (names.length < 3) {
            return;
        }

        table.classList.add("table-stack");
        Array.prototype.forEach.call(table.tBodies, function (body) {
            Array.prototype.forEach.call(body.rows, function (row) {
                var column = 0;
                Array.prototype.forEach.call(row.cells, function (cell) {
                    if (!cell.hasAttribute("data-label") && names[column] && cell.colSpan === 1) {
                        cell.setAttribute("data-label", names[column]);
                    }
                    column += cell.colSpan;
                });
            });
        });
    }

    // A table too wide for a phone scrolls inside itself (admin.css); a keyboard user must be able to reach it to
    // scroll it, so it takes part in the tab order while (and only while) it overflows.
    function focusWhenScrolling(table) {
        var scrolls = !table.classList.contains("table-stack") && table.scrollWidth > table.clientWidth + 1;
        if (scrolls && !table.hasAttribute("tabindex")) {
            table.setAttribute("tabindex", "0");
            table.dataset.scrollFocus = "on";
        } else if (!scrolls && table.dataset.scrollFocus === "on") {
            table.removeAttribute("tabindex");
            delete table.dataset.scrollFocus;
        }
    }

    function init() {
        document.querySelectorAll(".admin-main table").forEach(stackTable);
        document.querySelectorAll(".admin-main table").forEach(focusWhenScrolling);
        window.addEventListener("resize", function () {
            document.querySelectorAll(".admin-main table").forEach(focusWhenScrolling);
        });
        document.querySelectorAll("select[data-search]").forEach(attachSearch);
        // Trix may define its element a moment after its script ran: attach once it is defined.
        if (window.customElements) {
            customElements.whenDefined("trix-editor").then(function () {
                document.querySelectorAll("textarea[data-editor=html]").forEach(attachEditor);
            });
        }
        document.querySelectorAll("form[data-unsaved-warning]").forEach(watchForm);
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", init);
    } else {
        init();
    }
})();
