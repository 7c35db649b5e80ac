package org.guidegraph.render.jbake;

import org.guidegraph.render.ProsePage;
import org.jbake.parser.MarkupEngine;
import org.jbake.parser.ParserContext;

/** JBake's markup engine for {@code .md}, backed by commonmark-java (with live SPARQL views). */
public final class CommonmarkEngine extends MarkupEngine {

    @Override
    public void processBody(ParserContext context) {
        BakeSession session = GuideBake.session();
        Object path = context.getDocumentModel().get("ggpath");
        if (session == null || path == null) {
            context.setBody(new org.guidegraph.render.Markdown().render(context.getBody(), null));
            return;
        }
        ProsePage prose = session.site().prose().get(path.toString());
        context.setBody(session.model(path.toString()) == null || prose == null ? ""
                : session.model(path.toString()).getProse());
    }
}
