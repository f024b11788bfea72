package io.cardshark.worlds.internal.console;

/** The console's page and script: plain HTML and a few lines of JavaScript, no outside resources. */
final class ConsolePage {

    private ConsolePage() {
    }

    static String html(boolean writable) {
        return """
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><title>cardshark-worlds console</title>
                <style>
                body { font-family: sans-serif; margin: 1em; }
                #side { float: left; width: 16em; }
                #main { margin-left: 17em; }
                textarea { width: 100%%; height: 8em; font-family: monospace; }
                table { border-collapse: collapse; font-family: monospace; font-size: 90%%; }
                td, th { border: 1px solid #ccc; padding: 2px 6px; vertical-align: top; white-space: pre-wrap; }
                .null { color: #999; } .error { color: #b00; }
                </style></head>
                <body>
                <div id="side"><h3>Tables and views</h3><div id="tables">loading...</div></div>
                <div id="main">
                <h3>cardshark-worlds: SQL (%s)</h3>
                <form id="form"><textarea id="sql" name="sql">SELECT * FROM WORLD_SUMMARY</textarea>
                <p><button type="submit">Run</button> one statement at a time</p></form>
                <div id="result"></div>
                </div>
                <script src="console.js"></script>
                </body></html>
                """.formatted(writable ? "read and write" : "read-only");
    }

    static String script() {
        return """
                const form = document.getElementById('form');
                const sql = document.getElementById('sql');
                const result = document.getElementById('result');
                fetch('tables').then(r => r.text()).then(t => { document.getElementById('tables').innerHTML = t; });
                form.addEventListener('submit', e => {
                  e.preventDefault();
                  result.textContent = 'running...';
                  fetch('query', { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
                                   body: 'sql=' + encodeURIComponent(sql.value) })
                    .then(r => r.text()).then(t => { result.innerHTML = t; })
                    .catch(err => { result.textContent = String(err); });
                });
                """;
    }

    /** Text as HTML: every character that could end an element or an attribute, and control characters. */
    static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    if (c < 0x20 && c != '\n' && c != '\t') {
                        out.append("&#").append((int) c).append(';');
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
