package org.guidegraph.output;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

import org.apache.jena.graph.Node;
import org.guidegraph.graph.GuideGraph;

/**
 * The files of a site made from its graph: the graph exports ({@link GraphExports}) and one description per entity
 * ({@link EntityDescriptions}). Given what the last published build wrote ({@link WriteReuse}), only what the graph's
 * delta can have changed is written again; the rest is carried over from the previous site, with the bytes a full
 * build writes.
 */
public final class GraphFiles {

    private final WriteReuse.Plan plan;
    private final WriteReuse reuse;
    private final WriteReuse.Entities entities;
    private final CompletableFuture<Void> described;
    private final int written;

    private GraphFiles(WriteReuse.Plan plan, WriteReuse reuse, WriteReuse.Entities entities,
            CompletableFuture<Void> described, int written) {
        this.plan = plan;
        this.reuse = reuse;
        this.entities = entities;
        this.described = described;
        this.written = written;
    }

    /**
     * Starts writing the entity descriptions of {@code g} into {@code site} (tasks on {@code executor}). With
     * {@code reuse} (may be null), those whose entity's triples did not change since the build that left
     * {@code previousSite} are kept from there by {@code keep}. Finish with {@link #finish}.
     */
    public static GraphFiles start(GuideGraph g, Path site, WriteReuse reuse, Path previousSite,
            SiteWriter.Keep keep, Executor executor) throws IOException {
        WriteReuse.Plan plan = reuse == null ? new WriteReuse.Plan(g, null) : reuse.plan(g, previousSite);
        WriteReuse.Entities entities = plan.entities();
        List<String> descriptions = entities.descriptions;
        CompletableFuture<Void> described;
        int written;
        if (plan.descriptionChanges == null) {
            described = EntityDescriptions.write(g, descriptions, site, plan.treeShaped(), executor);
            written = descriptions.size();
        } else {
            // the changed entities' places, found by their paths: the other descriptions are kept in runs
            TreeSet<Integer> changed = new TreeSet<>();
            for (Node r : plan.descriptionChanges) {
                EntityDescriptions.pathOf(plan.namespace, r.getURI()).map(entities::indexOf).filter(i -> i >= 0)
                        .ifPresent(changed::add);
            }
            List<String> again = new ArrayList<>(changed.size());
            List<String> kept = new ArrayList<>(descriptions.size());
            int from = 0;
            for (int i : changed) {
                kept.addAll(descriptions.subList(from, i));
                again.add(descriptions.get(i));
                from = i + 1;
            }
            kept.addAll(descriptions.subList(from, descriptions.size()));
            described = CompletableFuture.allOf(EntityDescriptions.write(g, again, site, plan.treeShaped(), executor),
                    EntityDescriptions.carryOver(g, kept, previousSite, site, keep, executor));
            written = again.size();
        }
        return new GraphFiles(plan, reuse, entities, described, written);
    }

    /** The files written (site-relative): the exports, then the descriptions in path order. */
    public List<String> files() {
        List<String> files = new ArrayList<>(GraphExports.FILES);
        files.addAll(entities.descriptions);
        return List.copyOf(files);
    }

    /** Entity descriptions written (the others were carried over from the previous site). */
    public int descriptionsWritten() {
        return written;
    }

    /**
     * Writes the graph exports (in this thread, with tasks on {@code executor}), waits for the descriptions, and
     * leaves what was written to the {@link WriteReuse} for the next build once {@link WriteReuse#commit} says the
     * site was published.
     */
    public void finish(String baseUrl, String endpointPath, Path site, Executor executor) throws IOException {
        SortedExports.Layout layout = GraphExports.write(plan, site, baseUrl, endpointPath, executor);
        Tasks.join(described);
        if (reuse != null) {
            reuse.offer(new WriteReuse.Written(plan.graph, plan.prefixes, plan.namespace, layout, entities,
                    plan.overlap(), plan.entityCount()));
        }
    }
}
