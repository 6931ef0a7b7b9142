// Workflow editor: drag an activity in the diagram to move it. Progressive enhancement only — without this script the
// X and Y fields of each activity do the same; on drop the new place is written into them and the editor is applied.
(function () {
    'use strict';
    var form = document.querySelector('form[data-workflow-editor]');
    var svg = form && form.querySelector('svg[data-workflow-diagram]');
    if (!svg) {
        return;
    }

    function field(id, axis) {
        var box = form.querySelector('[data-activity-editor="' + CSS.escape(id) + '"]');
        return box && box.querySelector(axis === 'x' ? 'input[data-x]' : 'input[data-y]');
    }

    function point(event) {
        var matrix = svg.getScreenCTM();
        return matrix ? { x: (event.clientX - matrix.e) / matrix.a, y: (event.clientY - matrix.f) / matrix.d } : { x: event.clientX, y: event.clientY };
    }

    var drag = null;
    svg.querySelectorAll('g.workflow-activity').forEach(function (g) {
        g.style.cursor = 'move';
        g.style.touchAction = 'none';
        g.addEventListener('pointerdown', function (event) {
            drag = { g: g, start: point(event), dx: 0, dy: 0 };
            g.setPointerCapture(event.pointerId);
            event.preventDefault();
        });
        g.addEventListener('pointermove', function (event) {
            if (!drag || drag.g !== g) {
                return;
            }
            var p = point(event);
            drag.dx = Math.round(p.x - drag.start.x);
            drag.dy = Math.round(p.y - drag.start.y);
            g.setAttribute('transform', 'translate(' + drag.dx + ' ' + drag.dy + ')');
        });
        g.addEventListener('pointerup', function () {
            if (!drag || drag.g !== g) {
                return;
            }
            var moved = drag;
            drag = null;
            if (Math.abs(moved.dx) < 3 && Math.abs(moved.dy) < 3) {
                g.removeAttribute('transform');
                return;
            }
            var id = g.getAttribute('data-activity');
            var x = field(id, 'x');
            var y = field(id, 'y');
            if (!x || !y) {
                return;
            }
            x.value = String((parseInt(x.value, 10) || 0) + moved.dx);
            y.value = String((parseInt(y.value, 10) || 0) + moved.dy);
            var apply = form.querySelector('[data-editor-apply]');
            if (form.requestSubmit && apply) {
                form.requestSubmit(apply);
            }
        });
    });
})();
