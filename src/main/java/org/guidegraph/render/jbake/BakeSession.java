package org.guidegraph.render.jbake;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.guidegraph.render.PageModel;
import org.guidegraph.render.PageSpec;
import org.guidegraph.render.SiteContext;

/** The state of one bake that JBake's SPI-created objects (renderer, markup engine) need to reach. */
final class BakeSession {

    private final SiteContext site;
    private final Map<String, PageModel> models = new ConcurrentHashMap<>();
    private final java.util.Set<String> only;
    private final java.util.function.BiConsumer<String, String> onPage;
    private final java.util.concurrent.atomic.AtomicInteger rendered = new java.util.concurrent.atomic.AtomicInteger();
    private final FreemarkerPages pages;
    private final java.nio.file.Path destination;

    /** A session that renders only the pages in {@code only} (null: all), telling {@code onPage} each one written. */
    BakeSession(SiteContext site, java.util.Set<String> only, java.util.function.BiConsumer<String, String> onPage, java.nio.file.Path destination,
            FreemarkerPages.Templates templates) {
        this.destination = destination;
        this.onPage = onPage;
        this.site = site;
        this.only = only;
        this.pages = new FreemarkerPages(site, templates);
    }

    /** True if the page is to be rendered in this bake. */
    boolean renders(String path) {
        return only == null || only.contains(path);
    }

    SiteContext site() {
        return site;
    }

    PageSpec page(String path) {
        return site.plan().page(path);
    }

    /** The page model of a page, made once and kept (it records what the page read). */
    PageModel model(String path) {
        PageSpec spec = site.plan().page(path);
        if (spec == null) {
            return null;
        }
        return models.computeIfAbsent(path, p -> new PageModel(site, spec));
    }

    Map<String, PageModel> models() {
        return models;
    }

    /** Renders the pages (on every core), counting those written. */
    int renderAll(java.util.List<FreemarkerPages.Job> jobs) {
        int n = pages.renderAll(jobs, destination, onPage);
        rendered.addAndGet(n);
        return n;
    }

    int rendered() {
        return rendered.get();
    }
}
