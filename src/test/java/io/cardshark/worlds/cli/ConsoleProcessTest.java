package io.cardshark.worlds.cli;

import io.cardshark.worlds.WorldStore;
import io.cardshark.worlds.testing.ChildJvm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console as a person runs it (issue 11, item 7), in a real process with nothing on standard input: it
 * prints its address, stays up until stopped, serves this store and nothing else (no login form, no other
 * path, no other Host), answers one statement at a time read-only, and on SIGTERM closes the store.
 */
class ConsoleProcessTest {

    @TempDir
    Path dir;

    record Reply(int status, String body) {
    }

    /** A raw HTTP/1.1 request: lets the test send any Host header, as a DNS-rebinding page would. */
    private static Reply request(int port, String method, String path, String host, String body) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
            String head = method + " " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n"
                    + (body == null ? "" : "Content-Type: application/x-www-form-urlencoded\r\n")
                    + "Content-Length: " + content.length + "\r\n\r\n";
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(content);
            out.flush();
            InputStream in = socket.getInputStream();
            String reply = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int status = Integer.parseInt(reply.substring(9, 12));
            return new Reply(status, reply.substring(reply.indexOf("\r\n\r\n") + 4));
        }
    }

    @Test
    void theConsoleServesItsOwnSessionUntilStopped() throws Exception {
        Path store = dir.resolve("store");
        assertThat(CliRun.of("example", "--store", store.toString()).code()).isZero();
        try (ChildJvm console = ChildJvm.start(Main.class, "console", "--no-browser", "--store", store.toString())) {
            String line = console.awaitLine("console on ", 60);
            assertThat(line).endsWith("(read-only); Ctrl-C stops it");
            URI address = URI.create(line.substring("console on ".length(), line.indexOf(' ', "console on ".length())));
            int port = address.getPort();
            String host = "127.0.0.1:" + port;
            String base = address.getPath();
            assertThat(address.getHost()).isEqualTo("127.0.0.1");
            assertThat(base).matches("/[0-9a-f]{32}/");

            assertThat(request(port, "GET", base, host, null).body()).contains("cardshark-worlds");
            assertThat(request(port, "GET", "/", host, null).status()).as("no page outside the token").isEqualTo(404);
            assertThat(request(port, "GET", "/login.jsp", host, null).status()).isEqualTo(404);
            assertThat(request(port, "POST", "/login.do", host, "url=jdbc:h2:mem:x").status()).isEqualTo(404);
            assertThat(request(port, "GET", base + "login.do", host, null).status()).as("no login form").isEqualTo(404);
            assertThat(request(port, "GET", "/" + "0".repeat(32) + "/", host, null).status()).isEqualTo(404);
            assertThat(request(port, "GET", base, "evil.example:" + port, null).status()).as("another Host").isEqualTo(403);

            Reply count = request(port, "POST", base + "query", host, "sql=" + URLEncoder.encode(
                    "SELECT COUNT(*) AS N FROM WORLD", StandardCharsets.UTF_8));
            assertThat(count.body()).contains("<th>N</th>").contains("<td>1</td>");
            Reply delete = request(port, "POST", base + "query", host, "sql=" + URLEncoder.encode(
                    "DELETE FROM WORLD", StandardCharsets.UTF_8));
            assertThat(delete.body()).contains("class=\"error\"").contains("read-only");
            Reply two = request(port, "POST", base + "query", host, "sql=" + URLEncoder.encode(
                    "SELECT 1; DELETE FROM WORLD", StandardCharsets.UTF_8));
            assertThat(two.body()).contains("expected one statement, found 2");

            Thread.sleep(1500);
            assertThat(console.output()).as("still serving with nothing on standard input")
                    .noneMatch(l -> l.startsWith("error"));
            console.stop();
            assertThat(console.waitFor(30)).as("ends on SIGTERM").isIn(0, 143);
        }
        assertThat(store.resolve("worlds.inspect")).as("no inspection address is left behind").doesNotExist();
        try (WorldStore s = WorldStore.configure().dataDir(store).open()) {
            assertThat(s.worlds().list()).as("the store is closed and whole").hasSize(1);
        }
    }
}
