// Runs inside the plan preview webview. The extension posts `{type: 'render', html, version, uri}`
// (Markdown already turned into HTML); this script shows it, draws each `pre.mermaid` block with the
// bundled Mermaid and answers `{type: 'rendered', version, diagrams, errors}`.
// @ts-check
(function () {
    // biome-ignore lint/correctness/noUndeclaredVariables: provided by VS Code in webviews
    const vscode = acquireVsCodeApi();
    const content = /** @type {HTMLElement} */ (document.getElementById('content'));
    const banner = /** @type {HTMLElement} */ (document.getElementById('banner'));
    /** @type {any} */
    const mermaid = /** @type {any} */ (window).mermaid;

    const dark = () =>
        document.body.classList.contains('vscode-dark') || document.body.classList.contains('vscode-high-contrast');
    let theme = dark() ? 'dark' : 'default';
    if (mermaid) mermaid.initialize({ startOnLoad: false, securityLevel: 'strict', theme });

    // Diagrams whose text did not change are not drawn again while the user types elsewhere.
    /** @type {Map<string, string>} */
    const drawnDiagrams = new Map();
    let diagramCounter = 0;

    async function drawDiagrams() {
        const blocks = Array.from(content.querySelectorAll('pre.mermaid'));
        let drawn = 0;
        /** @type {string[]} */
        const errors = [];
        for (const block of blocks) {
            const source = block.textContent || '';
            const key = `${theme}\n${source}`;
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
                drawn += 1;
            } catch (error) {
                const message = String((error && /** @type {Error} */ (error).message) || error);
                errors.push(message);
                const note = document.createElement('p');
                note.className = 'diagram-error';
                note.textContent = `This diagram could not be drawn: ${message}`;
                block.before(note);
            }
        }
        return { drawn, errors };
    }

    /** @param {{type: string, html?: string, version?: number, uri?: string, message?: string}} message */
    async function onMessage(message) {
        if (message.type === 'render') {
            const scroll = window.scrollY;
            const nowTheme = dark() ? 'dark' : 'default';
            if (nowTheme !== theme && mermaid) {
                theme = nowTheme;
                mermaid.initialize({ startOnLoad: false, securityLevel: 'strict', theme });
            }
            content.innerHTML = message.html || '';
            banner.hidden = true;
            vscode.setState({ uri: message.uri });
            const result = await drawDiagrams();
            window.scrollTo(0, scroll);
            vscode.postMessage({ type: 'rendered', version: message.version, diagrams: result.drawn, errors: result.errors });
        } else if (message.type === 'error') {
            banner.textContent = message.message || '';
            banner.hidden = false;
        }
    }

    // Render messages are handled one at a time, in order, so a slow diagram never shows old text last.
    let queue = Promise.resolve();
    window.addEventListener('message', (event) => {
        queue = queue.then(() => onMessage(event.data)).catch((error) => {
            vscode.postMessage({ type: 'rendered', version: -1, diagrams: 0, errors: [String(error)] });
        });
    });
    vscode.postMessage({ type: 'ready' });
})();
