package dev.meshprov.cde;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Random;

/**
 * An S3-protocol endpoint (path-style {@code HeadObject} and {@code GetObject}) serving one large object generated
 * on the fly: {@code blocks} repetitions of a 64 KiB pseudo-random block. Nothing of the object is ever held in
 * memory beyond that block.
 */
final class GeneratedObjectServer extends LoopbackServer {

    static final int BLOCK = 64 * 1024;

    private GeneratedObjectServer(String path, int blocks) {
        super(exchange -> serve(exchange, path, blocks));
    }

    static GeneratedObjectServer serving(String bucket, String key, int blocks) {
        return new GeneratedObjectServer("/" + bucket + "/" + key, blocks);
    }

    static byte[] block() {
        byte[] block = new byte[BLOCK];
        new Random(42).nextBytes(block);
        return block;
    }

    private static void serve(HttpExchange exchange, String path, int blocks) throws IOException {
        if (!exchange.getRequestURI().getPath().equals(path)) {
            exchange.getResponseHeaders().set("Content-Type", "application/xml");
            byte[] body = "<Error><Code>NoSuchKey</Code><Message>no such key</Message></Error>".getBytes();
            exchange.sendResponseHeaders(404, exchange.getRequestMethod().equals("HEAD") ? -1 : body.length);
            if (!exchange.getRequestMethod().equals("HEAD")) {
                exchange.getResponseBody().write(body);
            }
            return;
        }
        long length = (long) BLOCK * blocks;
        exchange.getResponseHeaders().set("ETag", "\"generated-" + blocks + "\"");
        exchange.getResponseHeaders().set("Content-Type", "application/octet-stream");
        exchange.getResponseHeaders()
                .set("Last-Modified", DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC)));
        if (exchange.getRequestMethod().equals("HEAD")) {
            exchange.getResponseHeaders().set("Content-Length", String.valueOf(length));
            exchange.sendResponseHeaders(200, -1);
            return;
        }
        exchange.sendResponseHeaders(200, length);
        byte[] block = block();
        try (OutputStream out = exchange.getResponseBody()) {
            for (int i = 0; i < blocks; i++) {
                out.write(block);
            }
        }
    }
}
