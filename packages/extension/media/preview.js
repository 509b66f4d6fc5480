// Runs inside the plan preview webview. The extension posts `{type: 'render', html, version, uri}`
// (Markdown already turned into HTML); this script shows it, draws each `pre.mermaid` block with the
// bundled Mermaid in the editor's theme and answers `{type: 'rendered', version, diagrams, errors}`.
// `{type: 'library', ...}` shows that the file is a library and links the playbooks importing it;
// `{type: 'error', message}` shows a banner. The words come from the extension (`data-strings`).
// @ts-check
(function () {
    // biome-ignore lint/correctness/noUndeclaredVariables: provided by VS Code in webviews
    const vscode = acquireVsCodeApi();
    const content = /** @type {HTMLElement} */ (document.getElementById('content'));
    const banner = /** @type {HTMLElement} */ (document.getElementById('banner'));
    /** @type {any} */
    const mermaid = /** @type {any} */ (window).mermaid;
    /** @type {Record<string, string>} */
    const strings = JSON.parse(document.body.dataset.strings || '{}');
    /** @param {string} key @param {string} fallback */
    const word = (key, fallback) => strings[key] || fallback;

    // ---- theme: Mermaid follows the editor (light, dark, high contrast) ----

    /** The kind of theme VS Code gives the page, by the class of <body>. */
    function themeKind() {
        const classes = document.body.classList;
        if (classes.contains('vscode-high-contrast-light')) return 'hc-light';
        if (classes.contains('vscode-high-contrast')) return 'hc-dark';
        if (classes.contains('vscode-dark')) return 'dark';
        return 'light';
    }

    /** A CSS variable of the editor's theme, or a fallback when the page has none (outside VS Code). */
    function cssColor(/** @type {string} */ name, /** @type {string} */ fallback) {
        const value = getComputedStyle(document.body).getPropertyValue(name).trim();
        return /^#[0-9a-f]{3,8}$/i.test(value) || /^rgba?\(/i.test(value) ? value : fallback;
    }

    /**
     * Mermaid's configuration for the current theme: its `dark` theme in dark themes, `default` in light
     * ones, and in every case the text, lines and legends in the editor's own foreground on its own
     * background, so the pie legend, the timeline's labels and the arrows stay readable.
     */
    function mermaidConfig() {
        const kind = themeKind();
        const dark = kind === 'dark' || kind === 'hc-dark';
        const contrast = kind === 'hc-dark' || kind === 'hc-light';
        const foreground = cssColor('--vscode-editor-foreground', dark ? '#cccccc' : '#333333');
        const background = cssColor('--vscode-editor-background', dark ? '#1e1e1e' : '#ffffff');
        const border = contrast ? cssColor('--vscode-contrastBorder', foreground) : foreground;
        const themeVariables = {
            darkMode: dark,
            background,
            fontFamily: getComputedStyle(document.body).fontFamily || 'sans-serif',
            textColor: foreground,
            titleColor: foreground,
            lineColor: border,
            primaryTextColor: foreground,
            secondaryTextColor: foreground,
            tertiaryTextColor: foreground,
            nodeTextColor: foreground,
            edgeLabelBackground: background,
            pieTitleTextColor: foreground,
            pieLegendTextColor: foreground,
            pieSectionTextColor: dark ? '#000000' : '#ffffff',
            pieStrokeColor: background,
            pieOuterStrokeColor: border,
            taskTextOutsideColor: foreground,
            taskTextDarkColor: foreground,
            gridColor: dark ? '#5a5a5a' : '#cccccc',
            sectionBkgColor: dark ? '#2d2d30' : '#f4f4f4',
            altSectionBkgColor: background,
            todayLineColor: dark ? '#f14c4c' : '#d13438'
        };
        if (contrast) {
            Object.assign(themeVariables, {
                primaryColor: background,
                primaryBorderColor: border,
                secondaryColor: background,
                tertiaryColor: background,
                mainBkg: background,
                nodeBorder: border,
                clusterBkg: background,
                clusterBorder: border,
                taskBkgColor: background,
                taskBorderColor: border,
                taskTextColor: foreground,
                doneTaskBkgColor: background,
                activeTaskBkgColor: background
            });
        }
        return { startOnLoad: false, securityLevel: 'strict', theme: contrast ? 'base' : dark ? 'dark' : 'default', themeVariables };
    }

    let themeKey = '';
    function applyTheme() {
        const config = mermaidConfig();
        const key = JSON.stringify(config);
        if (key === themeKey) return false;
        themeKey = key;
        if (mermaid) mermaid.initialize(config);
        return true;
    }
    applyTheme();

    // ---- diagrams: drawn once per text and theme; large ones zoom and pan ----

    /** @type {Map<string, string>} */
    const drawnDiagrams = new Map();
    let diagramCounter = 0;
    const MIN_SCALE = 0.25;
    const MAX_SCALE = 4;

    /** Buttons to zoom out, zoom in and fit; Ctrl/Cmd + wheel zooms; dragging pans. */
    function makeZoomable(/** @type {HTMLElement} */ figure) {
        const svg = figure.querySelector('svg');
        if (!svg) return;
        const viewBox = svg.viewBox && svg.viewBox.baseVal;
        const naturalWidth = viewBox && viewBox.width ? viewBox.width : svg.getBoundingClientRect().width;
        if (!naturalWidth) return;
        const viewport = document.createElement('div');
        viewport.className = 'diagram-viewport';
        svg.replaceWith(viewport);
        viewport.appendChild(svg);
        svg.removeAttribute('height');
        svg.style.maxWidth = 'none';
        let scale = 1;
        const fitScale = () => Math.min(1, (viewport.clientWidth - 2) / naturalWidth) || 1;
        const zoomTo = (/** @type {number} */ next, /** @type {number} */ originX = viewport.clientWidth / 2) => {
            const clamped = Math.max(MIN_SCALE, Math.min(MAX_SCALE, next));
            const anchor = (viewport.scrollLeft + originX) / (naturalWidth * scale);
            scale = clamped;
            svg.style.width = `${Math.round(naturalWidth * scale)}px`;
            viewport.scrollLeft = anchor * naturalWidth * scale - originX;
            figure.dataset.scale = String(Math.round(scale * 100) / 100);
        };
        const toolbar = document.createElement('div');
        toolbar.className = 'diagram-toolbar';
        const button = (/** @type {string} */ label, /** @type {string} */ title, /** @type {() => void} */ action) => {
            const element = document.createElement('button');
            element.type = 'button';
            element.textContent = label;
            element.title = title;
            element.setAttribute('aria-label', title);
            element.addEventListener('click', action);
            toolbar.appendChild(element);
        };
        button('−', word('zoomOut', 'Zoom out'), () => zoomTo(scale / 1.25));
        button('+', word('zoomIn', 'Zoom in'), () => zoomTo(scale * 1.25));
        button('⤢', word('fit', 'Fit to width'), () => zoomTo(fitScale(), 0));
        figure.prepend(toolbar);
        viewport.addEventListener('wheel', (event) => {
            if (!event.ctrlKey && !event.metaKey) return;
            event.preventDefault();
            const box = viewport.getBoundingClientRect();
            zoomTo(scale * (event.deltaY < 0 ? 1.1 : 1 / 1.1), event.clientX - box.left);
        }, { passive: false });
        /** @type {{x: number, y: number, left: number, top: number} | undefined} */
        let drag;
        viewport.addEventListener('pointerdown', (event) => {
            if (event.button !== 0) return;
            drag = { x: event.clientX, y: event.clientY, left: viewport.scrollLeft, top: viewport.scrollTop };
            viewport.setPointerCapture(event.pointerId);
            viewport.classList.add('dragging');
        });
        viewport.addEventListener('pointermove', (event) => {
            if (!drag) return;
            viewport.scrollLeft = drag.left - (event.clientX - drag.x);
            viewport.scrollTop = drag.top - (event.clientY - drag.y);
        });
        const stop = () => {
            drag = undefined;
            viewport.classList.remove('dragging');
        };
        viewport.addEventListener('pointerup', stop);
        viewport.addEventListener('pointercancel', stop);
        zoomTo(fitScale(), 0);
    }

    async function drawDiagrams() {
        const blocks = Array.from(content.querySelectorAll('pre.mermaid'));
        let drawn = 0;
        /** @type {string[]} */
        const errors = [];
        for (const block of blocks) {
            const source = block.textContent || '';
            const key = `${themeKey}\n${source}`;
            try {
                if (!mermaid) throw new Error('Mermaid did not load in the preview');
                let svg = drawnDiagrams.get(key);
                if (svg === undefined) {
                    diagramCounter += 1;
                    svg = (await mermaid.render(`opsbook-diagram-${diagramCounter}`, source)).svg;
                    if (drawnDiagrams.size > 50) drawnDiagrams.clear();
                    drawnDiagrams.set(key, svg);
                }
                const figure = document.createElement('div');
                figure.className = 'diagram';
                figure.innerHTML = svg;
                block.replaceWith(figure);
                makeZoomable(figure);
                drawn += 1;
            } catch (error) {
                const message = String((error && /** @type {Error} */ (error).message) || error);
                errors.push(message);
                const note = document.createElement('p');
                note.className = 'diagram-error';
                note.textContent = `${word('diagramError', 'This diagram could not be drawn:')} ${message}`;
                block.before(note);
            }
        }
        return { drawn, errors };
    }

    // ---- a library file: what it is, and the playbooks to open instead ----

    /** @param {{title?: string, text?: string, none?: string, playbooks?: {uri: string, name: string}[]}} library */
    function showLibrary(library) {
        content.replaceChildren();
        const box = document.createElement('section');
        box.className = 'library';
        const heading = document.createElement('h2');
        heading.textContent = library.title || '';
        const text = document.createElement('p');
        text.textContent = library.text || '';
        box.append(heading, text);
        const playbooks = library.playbooks || [];
        if (playbooks.length === 0) {
            const none = document.createElement('p');
            none.className = 'placeholder';
            none.textContent = library.none || '';
            box.append(none);
        } else {
            const list = document.createElement('ul');
            for (const playbook of playbooks) {
                const item = document.createElement('li');
                const link = document.createElement('a');
                link.href = '#';
                link.dataset.uri = playbook.uri;
                link.textContent = playbook.name;
                item.append(link);
                list.append(item);
            }
            box.append(list);
        }
        content.append(box);
    }

    content.addEventListener('click', (event) => {
        const link = /** @type {HTMLElement | null} */ (event.target instanceof Element ? event.target.closest('a[data-uri]') : null);
        if (!link) return;
        event.preventDefault();
        vscode.postMessage({ type: 'openPlaybook', uri: link.dataset.uri });
    });

    // ---- messages ----

    /** @type {any} */
    let lastRender;

    /** @param {{type: string, html?: string, version?: number, uri?: string, message?: string, library?: any}} message */
    async function onMessage(message) {
        if (message.type === 'render') {
            lastRender = message;
            const scroll = window.scrollY;
            applyTheme();
            content.innerHTML = message.html || '';
            banner.hidden = true;
            vscode.setState({ uri: message.uri });
            const result = await drawDiagrams();
            window.scrollTo(0, scroll);
            vscode.postMessage({ type: 'rendered', version: message.version, diagrams: result.drawn, errors: result.errors, theme: themeKind() });
        } else if (message.type === 'library') {
            lastRender = undefined;
            banner.hidden = true;
            vscode.setState({ uri: message.uri });
            showLibrary(message.library || {});
            vscode.postMessage({ type: 'rendered', version: message.version, diagrams: 0, errors: [], library: true, theme: themeKind() });
        } else if (message.type === 'error') {
            banner.textContent = message.message || '';
            banner.hidden = false;
        }
    }

    // Render messages are handled one at a time, in order, so a slow diagram never shows old text last.
    let queue = Promise.resolve();
    const enqueue = (/** @type {any} */ message) => {
        queue = queue.then(() => onMessage(message)).catch((error) => {
            vscode.postMessage({ type: 'rendered', version: -1, diagrams: 0, errors: [String(error)] });
        });
    };
    window.addEventListener('message', (event) => enqueue(event.data));

    // The user switches the color theme: VS Code changes the class of <body>; draw the diagrams again.
    // (Another theme of the same kind changes only the CSS variables on <html>.)
    const themeWatch = new MutationObserver(() => {
        if (applyTheme() && lastRender) enqueue(lastRender);
    });
    themeWatch.observe(document.body, { attributes: true, attributeFilter: ['class'] });
    themeWatch.observe(document.documentElement, { attributes: true, attributeFilter: ['style'] });

    vscode.postMessage({ type: 'ready' });
})();
