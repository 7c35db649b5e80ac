package org.guidegraph.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.guidegraph.TestGuides;
import org.guidegraph.diagnostic.Diagnostics;
import org.guidegraph.graph.GuideGraph;
import org.guidegraph.graph.GuideLoader;
import org.guidegraph.source.GuideSources;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A build keeps the last good build's page plan while no change can reach it, and plans anew otherwise. */
class PagePlanReuseTest {

    @TempDir
    Path guide;

    @Test
    void aChangedNoteKeepsThePlanAndAChangedLabelMakesANewOne() throws IOException {
        TestGuides.copyProject(guide);
        GuideLoader.Reuse files = new GuideLoader.Reuse();
        GuideGraph base = GuideLoader.load(GuideSources.read(guide), files);
        PagePlan first = PagePlan.plan(base, List.of(), new Diagnostics(), null);
        files.commit(base);

        PagePlan afterNote = PagePlan.plan(edit(files, "content/graph/matrix.ttl", "gg:note \"Alpha\" ;",
                "gg:note \"Alpha, changed\" ;"), List.of(), new Diagnostics(), first);
        assertSame(first, afterNote);

        GuideGraph relabelled = edit(files, "content/graph/approaches.ttl", "rdfs:label \"llm-d Project\"",
                "rdfs:label \"llm-d Project, renamed\"");
        PagePlan afterLabel = PagePlan.plan(relabelled, List.of(), new Diagnostics(), first);
        assertNotSame(first, afterLabel);
        assertEquals(PagePlan.plan(GuideLoader.load(GuideSources.read(guide)), List.of(), new Diagnostics())
                .pages(), afterLabel.pages());
        assertEquals("llm-d Project, renamed", afterLabel.page("approach/llm-d.html").title());
    }

    private GuideGraph edit(GuideLoader.Reuse files, String file, String from, String to) throws IOException {
        Path p = guide.resolve(file);
        String text = Files.readString(p);
        if (!text.contains(from)) {
            throw new IllegalStateException(file + " lacks " + from);
        }
        Files.writeString(p, text.replace(from, to));
        return GuideLoader.load(GuideSources.read(guide), files);
    }
}
