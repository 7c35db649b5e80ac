package org.guidegraph.render.jbake;

import java.util.List;
import java.util.Map;

import org.jbake.app.ContentStore;
import org.jbake.template.ModelExtractor;

/**
 * Hands templates the page's view model as {@code gg} (a one-element sequence, since JBake's Freemarker adapter
 * treats extracted values as collections: templates write {@code <#assign gg = gg?first>}).
 */
public final class GuideModelExtractor implements ModelExtractor<List<Object>> {

    @Override
    public List<Object> get(ContentStore db, Map model, String key) {
        BakeSession session = GuideBake.session();
        if (session == null) {
            return List.of();
        }
        Object content = model.get("content");
        Object path = content instanceof Map<?, ?> m ? m.get("ggpath") : null;
        if (path == null && content instanceof Map<?, ?> m) {
            path = m.get("uri");
        }
        Object pm = path == null ? null : session.model(path.toString());
        return pm == null ? List.of() : List.of(pm);
    }
}
