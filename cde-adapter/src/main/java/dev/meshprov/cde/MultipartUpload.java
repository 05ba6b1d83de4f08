package dev.meshprov.cde;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

/**
 * {@code PUT /resources/{name}/{file}} as {@code multipart/form-data} with one part named {@code file}, streamed
 * from the artifact with its length known in advance: the body is the part header, the content read straight from
 * the input stream, and the closing boundary — the artifact is never held in memory. Uses the JDK HTTP client
 * directly, since Feign buffers request bodies.
 */
final class MultipartUpload {

    private final HttpClient client;
    private final Duration timeout;

    MultipartUpload(HttpClient client, Duration timeout) {
        this.client = client;
        this.timeout = timeout;
    }

    /** The path of the upload below the jobs API base URL, for logs and the observer. */
    static String path(String resource, String fileName) {
        return "/resources/" + encode(resource) + "/" + encode(fileName);
    }

    HttpAnswer put(
            String apiUrl, String authorization, String resource, String fileName, InputStream content, long length)
            throws IOException, InterruptedException {
        String boundary = "meshprov-" + UUID.randomUUID();
        byte[] head = ("--" + boundary + "\r\n"
                        + "Content-Disposition: form-data; name=\"file\"; filename=\"" + fileName.replace("\"", "%22")
                        + "\"\r\n"
                        + "Content-Type: application/octet-stream\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.fromPublisher(
                HttpRequest.BodyPublishers.concat(
                        HttpRequest.BodyPublishers.ofByteArray(head),
                        HttpRequest.BodyPublishers.ofInputStream(() -> content),
                        HttpRequest.BodyPublishers.ofByteArray(tail)),
                head.length + length + tail.length);
        String base = apiUrl.endsWith("/") ? apiUrl.substring(0, apiUrl.length() - 1) : apiUrl;
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path(resource, fileName)))
                .timeout(timeout)
                .header("Authorization", authorization)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .PUT(body)
                .build();
        HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        return HttpAnswer.of(response.statusCode(), response.headers().map(), response.body());
    }

    private static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
