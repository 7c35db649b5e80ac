package org.guidegraph.render.jbake;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.BiConsumer;

import org.guidegraph.diagnostic.Diagnostic;
import org.guidegraph.internal.Workers;
import org.guidegraph.render.PageModel;
import org.guidegraph.render.PageSpec;
import org.guidegraph.render.SiteContext;
import org.guidegraph.source.SourceFile;
import org.guidegraph.source.SourceKind;

import freemarker.cache.TemplateLoader;
import freemarker.template.Configuration;
import freemarker.template.DefaultObjectWrapperBuilder;
import freemarker.template.Template;
import freemarker.template.TemplateExceptionHandler;

/**
 * Renders pages with Freemarker the way JBake's Freemarker engine does — the page's {@code gg} view model (a
 * one-element sequence) and its {@code content} (title, body, uri, type) — from the guide's templates held in
 * memory. One configuration serves every page of a build, templates are parsed once, containers are adapted rather
 * than copied, and pages render on every core: output does not depend on the order or the thread.
 */
public final class FreemarkerPages {

    /** Freemarker's behaviour level, pinned so that an upgrade cannot change the site's bytes unnoticed. */
    private static final freemarker.template.Version LEVEL = Configuration.VERSION_2_3_34;

    private final SiteContext site;
    private final Configuration cfg;
    /** The folders made so far: each made once, not once per page (a thread waits while another makes it). */
    private final Map<Path, Boolean> folders = new java.util.concurrent.ConcurrentHashMap<>();

    /** A renderer of the site's pages from the templates among the site's sources. */
    public FreemarkerPages(SiteContext site) {
        this(site, new Templates());
    }

    /** As {@link #FreemarkerPages(SiteContext)}, reusing the templates parsed last time if they did not change. */
    public FreemarkerPages(SiteContext site, Templates reuse) {
        this.site = site;
        Map<String, String> templates = new LinkedHashMap<>();
        for (SourceFile f : site.graph().sources().ofKind(SourceKind.TEMPLATE)) {
            templates.put(f.path().substring("templates/".length()), f.text());
        }
        this.cfg = reuse.configuration(templates);
    }

    /**
     * A Freemarker configuration with the templates it has parsed, kept from one build to the next of the same
     * guide (a regeneration): it is made again only when a template changed.
     */
    public static final class Templates {
        private Map<String, String> texts;
        private Configuration configuration;

        synchronized Configuration configuration(Map<String, String> templates) {
            if (!templates.equals(texts)) {
                configuration = newConfiguration(templates);
                texts = Map.copyOf(templates);
            }
            return configuration;
        }
    }

    private static Configuration newConfiguration(Map<String, String> templates) {
        Configuration c = new Configuration(LEVEL);
        c.setTemplateLoader(new MemoryLoader(Map.copyOf(templates)));
        c.setDefaultEncoding("UTF-8");
        c.setOutputEncoding("UTF-8");
        c.setLocale(Locale.ROOT);
        c.setTimeZone(TimeZone.getTimeZone("UTC"));
        c.setObjectWrapper(new DefaultObjectWrapperBuilder(LEVEL).build());
        c.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        c.setLogTemplateExceptions(false);
        c.setWrapUncheckedExceptions(true);
        c.setFallbackOnNullLoopVariable(false);
        // templates never change under a configuration: check once, keep for good
        c.setTemplateUpdateDelayMilliseconds(Long.MAX_VALUE);
        return c;
    }

    /**
     * Renders one page to its path under {@code destination}. A failure becomes a diagnostic naming template, line
     * and column, and the page is not written.
     *
     * @param model the page's view model (it records what the page reads)
     * @param content JBake's document values for the page: at least {@code title}; {@code body} for prose pages
     * @param onPage told the page's path and text once the page is written
     * @return null if the page was written, else what went wrong
     */
    public Diagnostic render(PageSpec page, PageModel model, Map<String, Object> content, Path destination,
            BiConsumer<String, String> onPage) {
        try {
            Template template = cfg.getTemplate(page.template());
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("gg", List.of(new ViewModel(model, cfg.getObjectWrapper())));
            data.put("content", content);
            Path target = destination.resolve(page.path());
            folder(target.getParent());
            // rendered in memory, so that a page that fails writes nothing and the page's text reaches onPage
            StringBuilder html = new StringBuilder(32 * 1024);
            template.process(data, new StringBuilderWriter(html));
            String text = html.toString();
            Files.write(target, text.getBytes(StandardCharsets.UTF_8));
            onPage.accept(page.path(), text);
            return null;
        } catch (Exception e) {
            return TemplateErrors.diagnose(e, page);
        }
    }

    private void folder(Path dir) throws IOException {
        try {
            folders.computeIfAbsent(dir, d -> {
                try {
                    Files.createDirectories(d);
                    return Boolean.TRUE;
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** The document values of a page rendered from the plan alone (no markdown source). */
    public static Map<String, Object> content(PageSpec page) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("title", page.title());
        c.put("uri", page.path());
        c.put("rootpath", page.root());
        c.put("status", "published");
        return c;
    }

    /** One page's rendering, for {@link #renderAll}. */
    public record Job(PageSpec page, PageModel model, Map<String, Object> content) {
    }

    /**
     * Renders pages on every core, telling {@code onPage} each page written (its path and text, on the thread that
     * rendered it). Failures go to the site's diagnostics in the order of {@code jobs}, whatever the order the pages
     * finished in.
     *
     * @return the number of pages written
     */
    public int renderAll(List<Job> jobs, Path destination, BiConsumer<String, String> onPage) {
        int threads = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), jobs.size() / 8));
        List<Diagnostic> failures = new ArrayList<>();
        if (threads == 1) {
            for (Job j : jobs) {
                failures.add(render(j.page(), j.model(), j.content(), destination, onPage));
            }
            return record(failures);
        }
        ExecutorService pool = Workers.pool("render", threads);
        try {
            List<Future<Diagnostic>> done = new ArrayList<>(jobs.size());
            for (Job j : jobs) {
                done.add(pool.submit(() -> render(j.page(), j.model(), j.content(), destination, onPage)));
            }
            for (Future<Diagnostic> f : done) {
                failures.add(f.get());
            }
            return record(failures);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("rendering interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("rendering failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** Adds the failures to the site's diagnostics; returns the number of pages written. */
    private int record(List<Diagnostic> failures) {
        int written = 0;
        for (Diagnostic d : failures) {
            if (d == null) {
                written++;
            } else {
                site.diagnostics().add(d);
            }
        }
        return written;
    }

    /** Templates by name, from memory. */
    private record MemoryLoader(Map<String, String> templates) implements TemplateLoader {

        @Override
        public Object findTemplateSource(String name) {
            return templates.containsKey(name) ? name : null;
        }

        @Override
        public long getLastModified(Object source) {
            return 0;
        }

        @Override
        public Reader getReader(Object source, String encoding) {
            return new StringReader(templates.get((String) source));
        }

        @Override
        public void closeTemplateSource(Object source) {
        }
    }

    /** A writer into a StringBuilder without StringWriter's synchronisation. */
    private static final class StringBuilderWriter extends Writer {
        private final StringBuilder sb;

        StringBuilderWriter(StringBuilder sb) {
            this.sb = sb;
        }

        @Override
        public void write(char[] cbuf, int off, int len) {
            sb.append(cbuf, off, len);
        }

        @Override
        public void write(String str, int off, int len) {
            sb.append(str, off, off + len);
        }

        @Override
        public void write(int c) {
            sb.append((char) c);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
