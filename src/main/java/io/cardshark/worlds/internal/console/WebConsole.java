package io.cardshark.worlds.internal.console;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.cardshark.worlds.SqlConsole;
import io.cardshark.worlds.WorldStoreException;
import io.cardshark.worlds.internal.engine.RandomIds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A small web console on one connection of a store: a page with a statement box, the list of tables and
 * views, and results as a table.
 *
 * <p>Why not H2's own console: its login page connects to whatever JDBC URL and user it is given, so while
 * it runs any local process can use it to open other databases with this process's rights (and H2's
 * console has no way to turn the page off). This one serves exactly the connection it was started with:
 * it listens on 127.0.0.1 only, answers only under a path holding a random token (so a page of another
 * site cannot guess where to post), and only when the request's {@code Host} is that address (against DNS
 * rebinding). The statements run on the connection it was given, read-only unless the caller asked for the
 * writer's; one statement per request.
 */
public final class WebConsole implements SqlConsole {

    private static final Logger log = LoggerFactory.getLogger(WebConsole.class);
    private static final int MAX_ROWS = 1000;
    private static final int MAX_REQUEST_BYTES = 1 << 20;

    private final HttpServer server;
    private final ExecutorService executor;
    private final Connection connection;
    private final String token = RandomIds.hex(32);
    private final String host;
    private final boolean writable;
    private volatile boolean open = true;

    private WebConsole(HttpServer server, ExecutorService executor, Connection connection, boolean writable) {
        this.server = server;
        this.executor = executor;
        this.connection = connection;
        this.writable = writable;
        this.host = "127.0.0.1:" + server.getAddress().getPort();
    }

    /** Serves {@code connection} until closed; closing the console closes the connection. */
    public static WebConsole start(Connection connection, boolean writable) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
            // One thread: a JDBC connection serves one statement at a time.
            ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "cardshark-worlds-console");
                t.setDaemon(true);
                return t;
            });
            WebConsole console = new WebConsole(server, executor, connection, writable);
            server.setExecutor(executor);
            server.createContext("/", console::handle);
            server.start();
            log.info("web console on {}", console.host);
            return console;
        } catch (IOException e) {
            throw new WorldStoreException(io.cardshark.worlds.ErrorCode.IO_FAILURE, null,
                    "the web console could not listen on 127.0.0.1: " + e.getMessage(), e);
        }
    }

    @Override
    public URI address() {
        return URI.create("http://" + host + "/" + token + "/");
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    @Override
    public void close() {
        if (!open) {
            return;
        }
        open = false;
        server.stop(0);
        executor.shutdownNow();
        try {
            connection.close();
        } catch (SQLException e) {
            log.debug("closing the console's connection: {}", e.getMessage());
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath();
            String prefix = "/" + token + "/";
            if (!host.equals(exchange.getRequestHeaders().getFirst("Host"))) {
                send(exchange, 403, "text/plain", "forbidden");
            } else if (!path.startsWith(prefix)) {
                send(exchange, 404, "text/plain", "not found");
            } else {
                try {
                    route(exchange, path.substring(prefix.length()));
                } catch (RuntimeException e) {
                    log.warn("web console: {} failed: {}", path, e.toString());
                    send(exchange, 500, "text/plain", "the console failed: " + e);
                }
            }
        }
    }

    private void route(HttpExchange exchange, String page) throws IOException {
        String method = exchange.getRequestMethod();
        switch (page) {
            case "" -> send(exchange, 200, "text/html", ConsolePage.html(writable));
            case "console.js" -> send(exchange, 200, "text/javascript", ConsolePage.script());
            case "tables" -> send(exchange, 200, "text/html", tables());
            case "query" -> {
                if (!method.equals("POST")) {
                    send(exchange, 405, "text/plain", "use POST");
                    return;
                }
                send(exchange, 200, "text/html", query(formField(exchange, "sql")));
            }
            default -> send(exchange, 404, "text/plain", "not found");
        }
    }

    private String tables() {
        return run("SELECT TABLE_NAME, TABLE_TYPE FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'PUBLIC' "
                + "ORDER BY TABLE_TYPE, TABLE_NAME");
    }

    private String query(String sql) {
        try {
            return run(SqlText.single(sql));
        } catch (WorldStoreException e) {
            return "<p class=\"error\">" + ConsolePage.escape(e.getMessage()) + "</p>";
        }
    }

    private String run(String sql) {
        try (Statement st = connection.createStatement()) {
            st.setMaxRows(MAX_ROWS + 1);
            if (!st.execute(sql)) {
                return "<p>" + st.getUpdateCount() + " row(s) changed</p>";
            }
            try (ResultSet rs = st.getResultSet()) {
                return table(rs);
            }
        } catch (SQLException e) {
            String reason = e.getMessage().lines().findFirst().orElse("").replaceFirst(";? ?SQL statement:$", "");
            if (e.getErrorCode() == org.h2.api.ErrorCode.NOT_ENOUGH_RIGHTS_FOR_1
                    || e.getErrorCode() == org.h2.api.ErrorCode.ADMIN_RIGHTS_REQUIRED) {
                reason += writable ? "" : " (this console is read-only)";
            }
            return "<p class=\"error\">" + ConsolePage.escape(reason) + "</p>";
        }
    }

    private static String table(ResultSet rs) throws SQLException {
        ResultSetMetaData md = rs.getMetaData();
        StringBuilder html = new StringBuilder("<table><tr>");
        for (int i = 1; i <= md.getColumnCount(); i++) {
            html.append("<th>").append(ConsolePage.escape(md.getColumnLabel(i))).append("</th>");
        }
        html.append("</tr>");
        int rows = 0;
        while (rs.next() && rows < MAX_ROWS) {
            rows++;
            html.append("<tr>");
            for (int i = 1; i <= md.getColumnCount(); i++) {
                String value = rs.getString(i);
                html.append(value == null ? "<td class=\"null\">null</td>" : "<td>" + ConsolePage.escape(value) + "</td>");
            }
            html.append("</tr>");
        }
        boolean more = rows == MAX_ROWS && rs.next();
        return html.append("</table><p>").append(rows).append(rows == 1 ? " row" : " rows")
                .append(more ? ", more not shown" : "").append("</p>").toString();
    }

    private static String formField(HttpExchange exchange, String name) throws IOException {
        String body;
        try (InputStream in = exchange.getRequestBody()) {
            byte[] bytes = in.readNBytes(MAX_REQUEST_BYTES + 1);
            if (bytes.length > MAX_REQUEST_BYTES) {
                return "";
            }
            body = new String(bytes, StandardCharsets.UTF_8);
        }
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8).equals(name)) {
                return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return "";
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        var headers = exchange.getResponseHeaders();
        headers.set("Content-Type", type + "; charset=utf-8");
        headers.set("Cache-Control", "no-store");
        headers.set("Referrer-Policy", "no-referrer");
        headers.set("X-Frame-Options", "DENY");
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("Content-Security-Policy", "default-src 'self'; style-src 'self' 'unsafe-inline'");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}
