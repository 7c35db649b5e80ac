package org.guidegraph.render.jbake;

import java.util.List;
import java.util.Map;

import org.guidegraph.render.PageModel;

import freemarker.ext.util.WrapperTemplateModel;
import freemarker.template.AdapterTemplateModel;
import freemarker.template.ObjectWrapper;
import freemarker.template.TemplateCollectionModel;
import freemarker.template.TemplateHashModelEx;
import freemarker.template.TemplateMethodModelEx;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;
import freemarker.template.TemplateScalarModel;
import freemarker.template.utility.DeepUnwrap;

/**
 * A page's {@code gg} as templates see it: its most used methods and values called directly, the rest through
 * Freemarker's bean wrapper. A page calls {@code gg} hundreds of times (a link, a query, a group per table cell);
 * through the wrapper each call looks the method up by name and invokes it by reflection. Results are wrapped by the
 * same object wrapper either way, so a template cannot tell the difference.
 */
final class ViewModel implements TemplateHashModelEx, AdapterTemplateModel, WrapperTemplateModel {

    /** One method of {@link PageModel}, given its arguments as templates pass them. */
    private interface Call {
        Object call(PageModel m, List<?> args) throws TemplateModelException;
    }

    private static final Map<String, Call> CALLS = Map.ofEntries(
            Map.entry("query", (m, a) -> m.query(string(a, 0, "query", 1))),
            Map.entry("queryFor", (m, a) -> m.queryFor(string(a, 0, "queryFor", 2), string(a, 1, "queryFor", 2))),
            Map.entry("queryWhere", (m, a) -> a.size() == 5
                    ? m.queryWhere(string(a, 0, "queryWhere", 5), string(a, 1, "queryWhere", 5),
                            string(a, 2, "queryWhere", 5), string(a, 3, "queryWhere", 5),
                            string(a, 4, "queryWhere", 5))
                    : m.queryWhere(string(a, 0, "queryWhere", 3), string(a, 1, "queryWhere", 3),
                            string(a, 2, "queryWhere", 3))),
            Map.entry("queryFirst", (m, a) -> m.queryFirst(string(a, 0, "queryFirst", 2),
                    string(a, 1, "queryFirst", 2))),
            Map.entry("groups", (m, a) -> a.size() == 3
                    ? m.groups(string(a, 0, "groups", 3), string(a, 1, "groups", 3), string(a, 2, "groups", 3))
                    : m.groups(string(a, 0, "groups", 2), string(a, 1, "groups", 2))),
            Map.entry("count", (m, a) -> m.count(rows(a, 0, "count", 2), string(a, 1, "count", 2))),
            Map.entry("countBy", (m, a) -> m.countBy(rows(a, 0, "countBy", 3), string(a, 1, "countBy", 3),
                    string(a, 2, "countBy", 3))),
            Map.entry("where", (m, a) -> m.where(rows(a, 0, "where", 3), string(a, 1, "where", 3),
                    strings(a, 2, "where", 3))),
            Map.entry("link", (m, a) -> m.link(string(a, 0, "link", 1))),
            Map.entry("hasPage", (m, a) -> m.hasPage(string(a, 0, "hasPage", 1))),
            Map.entry("queryLink", (m, a) -> m.queryLink(string(a, 0, "queryLink", 1))),
            Map.entry("md", (m, a) -> m.md(string(a, 0, "md", 1))),
            Map.entry("seen", (m, a) -> {
                arity(a, "seen", 0);
                return m.seen();
            }));

    private final PageModel model;
    private final ObjectWrapper wrapper;
    private TemplateHashModelEx beans;

    ViewModel(PageModel model, ObjectWrapper wrapper) {
        this.model = model;
        this.wrapper = wrapper;
    }

    @Override
    public TemplateModel get(String key) throws TemplateModelException {
        Call call = CALLS.get(key);
        if (call != null) {
            return (TemplateMethodModelEx) args -> wrapper.wrap(call.call(model, args));
        }
        return switch (key) {
            case "root" -> wrapper.wrap(model.getRoot());
            case "title" -> wrapper.wrap(model.getTitle());
            case "site" -> wrapper.wrap(model.getSite());
            case "entity" -> wrapper.wrap(model.getEntity());
            case "path" -> wrapper.wrap(model.getPath());
            default -> beans().get(key);
        };
    }

    private TemplateHashModelEx beans() throws TemplateModelException {
        if (beans == null) {
            beans = (TemplateHashModelEx) wrapper.wrap(model);
        }
        return beans;
    }

    @Override
    public boolean isEmpty() throws TemplateModelException {
        return beans().isEmpty();
    }

    @Override
    public int size() throws TemplateModelException {
        return beans().size();
    }

    @Override
    public TemplateCollectionModel keys() throws TemplateModelException {
        return beans().keys();
    }

    @Override
    public TemplateCollectionModel values() throws TemplateModelException {
        return beans().values();
    }

    @Override
    public Object getAdaptedObject(Class<?> hint) {
        return model;
    }

    @Override
    public Object getWrappedObject() {
        return model;
    }

    private static void arity(List<?> args, String method, int n) throws TemplateModelException {
        if (args.size() != n) {
            throw new TemplateModelException("gg." + method + " takes " + n + " argument" + (n == 1 ? "" : "s")
                    + ", not " + args.size());
        }
    }

    private static String string(List<?> args, int i, String method, int n) throws TemplateModelException {
        arity(args, method, n);
        Object a = args.get(i);
        if (a instanceof TemplateScalarModel s) {
            return s.getAsString();
        }
        throw new TemplateModelException("gg." + method + ": argument " + (i + 1) + " must be a string, not "
                + (a == null ? "missing" : a.getClass().getSimpleName()));
    }

    private static List<String> strings(List<?> args, int i, String method, int n) throws TemplateModelException {
        arity(args, method, n);
        if (args.get(i) instanceof freemarker.template.TemplateSequenceModel seq) {
            List<String> out = new java.util.ArrayList<>(seq.size());
            for (int k = 0; k < seq.size(); k++) {
                if (!(seq.get(k) instanceof TemplateScalarModel s)) {
                    throw new TemplateModelException("gg." + method + ": argument " + (i + 1)
                            + " must be a list of strings");
                }
                out.add(s.getAsString());
            }
            return out;
        }
        throw new TemplateModelException("gg." + method + ": argument " + (i + 1) + " must be a list of strings");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Map<String, Object>>> rows(List<?> args, int i, String method, int n)
            throws TemplateModelException {
        arity(args, method, n);
        Object a = args.get(i);
        Object rows = a instanceof AdapterTemplateModel adapter ? adapter.getAdaptedObject(List.class)
                : a instanceof TemplateModel t ? DeepUnwrap.unwrap(t) : null;
        if (rows instanceof List<?> list) {
            return (List<Map<String, Map<String, Object>>>) list;
        }
        throw new TemplateModelException("gg." + method + ": argument " + (i + 1) + " must be a list of rows");
    }
}
