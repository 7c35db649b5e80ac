package org.guidegraph.render.jbake;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.commons.configuration2.CompositeConfiguration;
import org.guidegraph.render.PageSpec;
import org.guidegraph.render.PagePlan;
import org.jbake.app.ContentStore;
import org.jbake.app.DocumentList;
import org.jbake.app.Renderer;
import org.jbake.app.configuration.JBakeConfiguration;
import org.jbake.model.DocumentModel;
import org.jbake.render.RenderingTool;

/**
 * JBake's rendering step for a guide: graph pages directly from the plan, prose pages from JBake's content store
 * (headers parsed, body rendered by the markup engine), each listed once and rendered with {@link FreemarkerPages}.
 * (JBake's stock documents renderer reloads all documents of a type for every page to find previous/next links,
 * which is quadratic; these pages have no such links.) Every failure is recorded and rendering goes on, so one run
 * reports all broken templates.
 */
public final class GuidePagesRenderer implements RenderingTool {

    @Override
    public int render(Renderer renderer, ContentStore db, JBakeConfiguration config) {
        BakeSession session = GuideBake.session();
        if (session == null) {
            return 0;
        }
        List<FreemarkerPages.Job> jobs = new ArrayList<>();
        for (PageSpec p : session.site().pages()) {
            if (PagePlan.PROSE_TEMPLATE.equals(p.template()) || !session.renders(p.path())) {
                continue;
            }
            jobs.add(new FreemarkerPages.Job(p, session.model(p.path()), FreemarkerPages.content(p)));
        }
        List<DocumentModel> stored = new ArrayList<>();
        DocumentList<DocumentModel> unrendered = db.getUnrenderedContent();
        unrendered.forEach(stored::add);
        for (DocumentModel doc : stored) {
            Object path = doc.get("ggpath");
            PageSpec p = path == null ? null : session.page(path.toString());
            if (p != null && session.renders(p.path())) {
                Map<String, Object> content = new TreeMap<>(doc);
                content.put("uri", p.path());
                content.put("rootpath", p.root());
                jobs.add(new FreemarkerPages.Job(p, session.model(p.path()), content));
            }
            if (p != null) {
                db.markContentAsRendered(doc);
            }
        }
        return session.renderAll(jobs);
    }

    @Override
    public int render(Renderer renderer, ContentStore db, File destination, File templatesPath,
            CompositeConfiguration config) {
        return render(renderer, db, null);
    }
}
