package org.guidegraph.gates;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import nu.validator.validation.SimpleDocumentValidator;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * The HTML validity gate: the Nu HTML Checker (the engine behind the W3C's validator), run in
 * process over each page.
 *
 * <p>Errors and fatal errors are problems; warnings and informational messages are not. One
 * instance checks pages one after another (it is not thread-safe); setting it up costs about half a
 * second, each page then a few milliseconds.
 */
public final class HtmlValidity {

    /** The checker's full HTML schema (HTML + SVG + MathML + ITS + RDFa Lite), resolved from its own jar. */
    private static final String SCHEMA = "http://s.validator.nu/html5-all.rnc";

    private final SimpleDocumentValidator validator;
    private final Collector collector = new Collector();

    /** Loads the checker's schema; throws {@link IllegalStateException} if the checker cannot start. */
    public HtmlValidity() {
        // The checker's constructor sets a JVM-wide system property (language detection, here off)
        // and configures log4j 1.x for itself; this is the one place that lets it.
        validator = new SimpleDocumentValidator(true, false, false);
        try {
            validator.setUpMainSchema(SCHEMA, collector);
            validator.setUpValidatorAndParsers(collector, false, false);
        } catch (Exception e) {
            throw new IllegalStateException("the Nu HTML Checker could not load its schema " + SCHEMA, e);
        }
        List<Problem> setup = collector.finish();
        if (!setup.isEmpty()) {
            throw new IllegalStateException("the Nu HTML Checker reported errors in its own schema: " + setup);
        }
    }

    /** Every error in every page of the site, in page, line, column order. */
    public List<Problem> check(Site site) {
        List<Problem> problems = new ArrayList<>();
        for (String page : site.pages()) {
            problems.addAll(check(site, page));
        }
        return problems;
    }

    /** Every error in one page ({@code page:line:col: message}), in line, column order. */
    public List<Problem> check(Site site, String page) {
        collector.start(page);
        try {
            validator.checkHtmlFile(site.file(page).toFile(), true);
        } catch (SAXParseException e) {
            collector.fatalError(e);
        } catch (SAXException e) {
            collector.add(Problem.in(page, "the checker stopped: " + e.getMessage()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + page + " in " + site, e);
        }
        return collector.finish();
    }

    /** Receives the checker's messages for the page being checked. */
    private static final class Collector implements ErrorHandler {
        private String page = "(schema)";
        private List<Problem> problems = new ArrayList<>();

        void start(String page) {
            this.page = page;
            this.problems = new ArrayList<>();
        }

        List<Problem> finish() {
            List<Problem> found = problems.stream().distinct().sorted(Problem.ORDER).toList();
            problems = new ArrayList<>();
            return found;
        }

        void add(Problem problem) {
            problems.add(problem);
        }

        @Override
        public void warning(SAXParseException e) {
            // Warnings and "info" messages do not fail the gate.
        }

        @Override
        public void error(SAXParseException e) {
            problems.add(new Problem(page, Math.max(e.getLineNumber(), 0), Math.max(e.getColumnNumber(), 0), e.getMessage()));
        }

        @Override
        public void fatalError(SAXParseException e) {
            problems.add(new Problem(page, Math.max(e.getLineNumber(), 0), Math.max(e.getColumnNumber(), 0),
                    "fatal: " + e.getMessage()));
        }
    }
}
