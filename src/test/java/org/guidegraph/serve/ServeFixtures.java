package org.guidegraph.serve;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** A tiny built site (a graph, a few pages) to serve without running a build, and an HTTP client for it. */
final class ServeFixtures {

    static final String NS = "https://example.org/tiny/";

    static final String GRAPH = """
            @prefix gg: <https://guidegraph.org/ns#> .
            @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
            @prefix dcterms: <http://purl.org/dc/terms/> .
            @prefix approach: <https://example.org/tiny/approach/> .
            @prefix feature: <https://example.org/tiny/feature/> .

            <https://example.org/tiny/> a gg:Guide ; dcterms:title "Tiny" .
            approach:alpha a gg:Approach ; rdfs:label "Alpha" ; gg:order 1 ;
                gg:step [ rdfs:label "first step" ; gg:order 1 ] .
            approach:beta a gg:Approach ; rdfs:label "Beta" ; gg:order 2 .
            approach:gamma a gg:Approach ; rdfs:label "Gamma" ; gg:order 3 .
            feature:speed a gg:Feature ; rdfs:label "Speed" .
            """;

    private ServeFixtures() {
    }

    /** Writes the tiny site into {@code dir}; alpha has a page, beta and gamma do not. */
    static Path site(Path dir) throws IOException {
        Files.createDirectories(dir.resolve("approach"));
        Files.writeString(dir.resolve("graph.ttl"), GRAPH);
        Files.writeString(dir.resolve("index.html"), page("Tiny guide", "Autoscaling and routing for everyone."));
        Files.writeString(dir.resolve("approach/alpha.html"), page("Alpha", "Alpha routes requests by prefix."));
        Files.writeString(dir.resolve("404.html"), page("Not found", "No such page."));
        Files.writeString(dir.resolve("style.css"), "body { color: black; }\n");
        return dir;
    }

    static String page(String title, String text) {
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><title>" + title + "</title></head><body><main><h1>" + title
                + "</h1><p>" + text + "</p></main></body></html>\n";
    }

    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    static HttpResponse<String> get(String url, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET();
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> post(String url, String contentType, String body, String... headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
