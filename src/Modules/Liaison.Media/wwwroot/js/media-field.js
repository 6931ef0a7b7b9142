// The MediaField editor: uploads the chosen image with the form's antiforgery token, then adds a row holding the
// stored path (hidden) and an alternative-text input. Loaded once per field; each field is set up only once.
(function () {
    'use strict';

    function setUp(field) {
        if (field.dataset.mediaReady) { return; }
        field.dataset.mediaReady = 'true';
        var input = field.querySelector('[data-media-input]');
        var items = field.querySelector('[data-media-items]');
        var template = field.querySelector('[data-media-template]');
        var status = field.querySelector('[data-media-status]');
        var counter = 0;

        field.addEventListener('click', function (e) {
            var remove = e.target.closest('[data-media-remove]');
            if (remove) { remove.closest('[data-media-item]').remove(); }
        });

        input.addEventListener('change', function () {
            var file = input.files && input.files[0];
            if (!file) { return; }
            var form = field.closest('form');
            var token = form && form.querySelector('input[name="__RequestVerificationToken"]');
            var body = new FormData();
            body.append('file', file);
            status.textContent = field.dataset.uploading;
            fetch(field.dataset.uploadUrl, {
                method: 'POST',
                body: body,
                credentials: 'same-origin',
                headers: token ? { 'RequestVerificationToken': token.value } : {}
            }).then(function (response) {
                return response.json().catch(function () { return {}; }).then(function (json) {
                    if (!response.ok || !json.path) { throw new Error(json.error || field.dataset.uploadFailed); }
                    return json;
                });
            }).then(function (json) {
                if (field.dataset.multiple !== 'true') { items.innerHTML = ''; }
                var row = template.content.firstElementChild.cloneNode(true);
                row.querySelector('img').src = json.url;
                row.querySelector('input[type="hidden"]').value = json.path;
                var alt = row.querySelector('input[type="text"]');
                if (alt) {
                    alt.id = input.id + '_new_' + (++counter);
                    row.querySelector('label').htmlFor = alt.id;
                }
                items.appendChild(row);
                status.textContent = '';
                input.value = '';
                if (alt) { alt.focus(); }
            }).catch(function (error) {
                status.textContent = error.message || field.dataset.uploadFailed;
                input.value = '';
            });
        });
    }

    function setUpAll() { document.querySelectorAll('[data-media-field]').forEach(setUp); }
    if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', setUpAll); } else { setUpAll(); }
}());
