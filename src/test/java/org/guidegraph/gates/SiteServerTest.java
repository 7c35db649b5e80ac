package org.guidegraph.gates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SiteServerTest {

    private static final Site GOOD = Fixtures.site("good");
    private static SiteServer server;
    private static final HttpClient CLIENT = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeAll
    static void serve() {
        server = SiteServer.start(GOOD);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void servesTheSiteOnLoopbackUnderTheSubPath() {
        URI base = server.base();
        assertEquals("127.0.0.1", base.getHost());
        assertEquals("/guide/", base.getPath());
    }

    @Test
    void servesPagesWithTheirBytesAndContentType() throws Exception {
        HttpResponse<byte[]> page = get("sub/page.html");
        assertEquals(200, page.statusCode());
        assertEquals("text/html; charset=utf-8", page.headers().firstValue("Content-Type").orElseThrow());
        assertEquals("nosniff", page.headers().firstValue("X-Content-Type-Options").orElseThrow());
        assertEquals(new String(Files.readAllBytes(GOOD.file("sub/page.html"))), new String(page.body()));
        assertEquals("text/css; charset=utf-8", get("css/site.css").headers().firstValue("Content-Type").orElseThrow());
        assertEquals("image/svg+xml", get("img/logo.svg").headers().firstValue("Content-Type").orElseThrow());
    }

    @Test
    void servesTheIndexOfAFolderAndRedirectsAFolderWithoutItsSlash() throws Exception {
        assertEquals(new String(Files.readAllBytes(GOOD.file("index.html"))), new String(get("").body()));
        HttpResponse<byte[]> redirect = get("sub");
        assertEquals(301, redirect.statusCode());
        assertEquals("/guide/sub/", redirect.headers().firstValue("Location").orElseThrow());
    }

    @Test
    void answersNotFoundForMissingFilesAndOutsideTheSubPath() throws Exception {
        assertEquals(404, get("missing.html").statusCode());
        HttpResponse<byte[]> root = send(URI.create("http://127.0.0.1:" + server.base().getPort() + "/index.html"));
        assertEquals(404, root.statusCode());
        assertTrue(new String(root.body()).contains("served under /guide/"));
    }

    @Test
    void refusesPathsThatClimbOutOfTheSite() throws Exception {
        assertEquals(404, send(URI.create(server.base() + "%2e%2e/%2e%2e/%2e%2e/etc/hostname")).statusCode());
        assertEquals(404, send(URI.create(server.base() + "..%2f..%2fetc%2fhostname")).statusCode());
    }

    private static HttpResponse<byte[]> get(String page) throws IOException, InterruptedException {
        return send(Site.resolve(server.base(), page));
    }

    private static HttpResponse<byte[]> send(URI uri) throws IOException, InterruptedException {
        return CLIENT.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
