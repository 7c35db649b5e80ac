package org.guidegraph.render.jbake;

import java.io.File;
import java.util.ArrayList;
import java.util.List;

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
 * Renders every page of the plan through JBake's {@link Renderer}: graph pages directly from the plan, prose pages
 * from JBake's content store, each listed once. (JBake's stock documents renderer reloads all documents of a type
 * for every page to find previous/next links, which is quadratic; these pages have no such links.) Every failure is
 * recorded and rendering goes on, so one run reports all broken templates.
 */
public final class GuidePagesRenderer implements RenderingTool {

    @Override
    public int render(Renderer renderer, ContentStore db, JBakeConfiguration config) {
        BakeSession session = GuideBake.session();
        if (session == null) {
            return 0;
        }
        int count = 0;
        for (PageSpec p : session.site().pages()) {
            if (PagePlan.PROSE_TEMPLATE.equals(p.template()) || !session.renders(p.path())) {
                continue;
            }
            DocumentModel doc = new DocumentModel();
            doc.setType(session.typeOf(p.template()));
            doc.setUri(p.path());
            doc.setStatus("published");
            doc.setTitle(p.title());
            doc.setRootPath(p.root());
            doc.put("ggpath", p.path());
            if (renderOne(renderer, doc, p, session)) {
                count++;
            }
        }
        List<DocumentModel> stored = new ArrayList<>();
        DocumentList<DocumentModel> unrendered = db.getUnrenderedContent();
        unrendered.forEach(stored::add);
        for (DocumentModel doc : stored) {
            Object path = doc.get("ggpath");
            PageSpec p = path == null ? null : session.page(path.toString());
            if (p == null) {
                continue;
            }
            if (!session.renders(p.path())) {
                db.markContentAsRendered(doc);
                continue;
            }
            doc.setRootPath(p.root());
            if (renderOne(renderer, doc, p, session)) {
                count++;
            }
            db.markContentAsRendered(doc);
        }
        return count;
    }

    private static boolean renderOne(Renderer renderer, DocumentModel doc, PageSpec p, BakeSession session) {
        try {
            renderer.render(doc);
            session.countRendered();
            return true;
        } catch (Exception e) {
            session.site().diagnostics().add(TemplateErrors.diagnose(e, p));
            return false;
        }
    }

    @Override
    public int render(Renderer renderer, ContentStore db, File destination, File templatesPath,
            CompositeConfiguration config) {
        return render(renderer, db, null);
    }
}
