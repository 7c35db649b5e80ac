package org.guidegraph.render.jbake;

import org.guidegraph.diagnostic.Diagnostic;
import org.guidegraph.diagnostic.SourcePosition;
import org.guidegraph.render.PageSpec;

import freemarker.core.ParseException;
import freemarker.template.TemplateException;

/** Turns a failure inside JBake/Freemarker into a diagnostic naming the template, line and column. */
final class TemplateErrors {

    private TemplateErrors() {
    }

    static Diagnostic diagnose(Throwable e, PageSpec page) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ParseException pe) {
                return Diagnostic.error(new SourcePosition(templatePath(pe.getTemplateName(), page),
                        pe.getLineNumber(), pe.getColumnNumber()), "template syntax: " + firstLine(pe.getEditorMessage()),
                        "fix the template; page " + page.path() + " was not written");
            }
            if (t instanceof TemplateException te) {
                Integer line = te.getLineNumber();
                Integer col = te.getColumnNumber();
                return Diagnostic.error(new SourcePosition(templatePath(te.getTemplateSourceName(), page),
                        line == null ? 0 : line, col == null ? 0 : col),
                        "template error while rendering " + page.path() + ": " + firstLine(te.getMessageWithoutStackTop()),
                        "fix the template or the query it reads");
            }
        }
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return Diagnostic.error(SourcePosition.ofFile("templates/" + page.template()),
                "cannot render " + page.path() + ": " + firstLine(String.valueOf(root.getMessage())),
                "check the template and the queries it reads");
    }

    private static String templatePath(String name, PageSpec page) {
        return "templates/" + (name == null ? page.template() : name);
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        String m = s.strip();
        int nl = m.indexOf('\n');
        return (nl < 0 ? m : m.substring(0, nl)).strip();
    }
}
