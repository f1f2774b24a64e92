package dev.marketplace.app.support;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * HTTP/1.1 written by hand on a socket, so the request target reaches the server exactly as given: HTTP clients
 * normalise paths ({@code //graphql}, {@code /%67raphql}) before they send them.
 */
public final class RawHttp {

    private final int port;

    public RawHttp(int port) {
        this.port = port;
    }

    /** A response's status code and body. */
    public record Response(int status, String body) {
    }

    /** Sends {@code POST target} with {@code body} and these headers (Host and Connection: close are added). */
    public Response post(String target, Map<String, String> headers, byte[] body) throws IOException {
        StringBuilder head = new StringBuilder("POST " + target + " HTTP/1.1\r\nHost: 127.0.0.1:" + port
                                               + "\r\nConnection: close\r\n");
        headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        head.append("\r\n");
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().write(body);
            socket.getOutputStream().flush();
            String response = new String(readAll(socket.getInputStream()), StandardCharsets.UTF_8);
            int status = Integer.parseInt(response.substring(9, 12));
            int bodyStart = response.indexOf("\r\n\r\n");
            return new Response(status, bodyStart < 0 ? "" : response.substring(bodyStart + 4));
        }
    }

    /** A JSON POST with a declared length. */
    public Response postJson(String target, String token, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        Map<String, String> headers = new java.util.LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("Content-Length", Integer.toString(body.length));
        if (token != null) {
            headers.put("Authorization", "Bearer " + token);
        }
        return post(target, headers, body);
    }

    private static byte[] readAll(InputStream in) throws IOException {
        return in.readAllBytes();
    }
}
