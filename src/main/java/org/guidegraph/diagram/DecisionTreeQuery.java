package org.guidegraph.diagram;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryExecutionFactory;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.ResourceFactory;
import org.guidegraph.query.QueryProblem;
import org.guidegraph.query.SparqlQueries;

/**
 * Reads decision trees from a graph with the named query {@code templates/queries/decision-tree.rq} and turns its
 * rows into {@link DecisionTreeView}s. Nothing here knows any particular guide: trees of any depth and breadth, with
 * shared sub-trees, come out the same way.
 *
 * <p>The graph is expected to have passed {@code guidegraph check} (every path ends in an outcome); an option that
 * leads to something that is neither a question nor an outcome is reported as a {@link DiagramException}.
 */
public final class DecisionTreeQuery {

    /** Where the query lives in a guide (and, built in, in guidegraph's jar). */
    public static final String PATH = "templates/queries/decision-tree.rq";

    private static final String BUILT_IN = "/org/guidegraph/builtin/" + PATH;
    private static final String GG = "https://guidegraph.org/ns#";
    /** The symbols of the two statuses the ontology defines, for graphs loaded without the ontology. */
    private static final Map<String, String> KNOWN_SYMBOLS = Map.of(GG + "Recommended", "✅", GG + "Wait", "⚠️");

    private final Query query;
    private final String text;
    private final String file;

    private DecisionTreeQuery(Query query, String text, String file) {
        this.query = query;
        this.text = text;
        this.file = file;
    }

    /** The query guidegraph ships ({@value #PATH} in its jar), parsed once. */
    public static DecisionTreeQuery builtIn() {
        return BuiltInQuery.QUERY;
    }

    private static final class BuiltInQuery {
        static final DecisionTreeQuery QUERY = readBuiltIn();
    }

    private static DecisionTreeQuery readBuiltIn() {
        try (InputStream in = DecisionTreeQuery.class.getResourceAsStream(BUILT_IN)) {
            if (in == null) {
                throw new IllegalStateException("built-in query missing from the class path: " + BUILT_IN);
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), PATH);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (QueryProblem e) {
            throw new IllegalStateException("built-in query does not parse: " + e.diagnostic().format(), e);
        }
    }

    /**
     * A query from its text, such as a guide's own {@value #PATH}.
     *
     * @param file where the text comes from, for messages ({@code file:line:col})
     * @throws QueryProblem when the text is not SPARQL
     */
    public static DecisionTreeQuery parse(String text, String file) throws QueryProblem {
        return new DecisionTreeQuery(SparqlQueries.parse("", text, file, 1), text, file);
    }

    /** The file the query was read from (the built-in one is {@value #PATH}). */
    public String file() {
        return file;
    }

    /** The query, parsed. */
    public org.apache.jena.query.Query query() {
        return query;
    }

    /** The query as written, comments included (for "the query behind this diagram" links). */
    public String text() {
        return text;
    }

    /** Every decision tree in the dataset, in tree IRI order. */
    public List<DecisionTreeView> all(Dataset dataset) {
        return run(QueryExecutionFactory.create(query, dataset), null);
    }

    /** Every decision tree in the model, in tree IRI order. */
    public List<DecisionTreeView> all(Model model) {
        return all(DatasetFactory.wrap(model));
    }

    /** The decision tree with this IRI, with {@code ?tree} bound to it (the query is not re-written). */
    public Optional<DecisionTreeView> tree(Dataset dataset, String treeIri) {
        QueryExecution qe = QueryExecution.dataset(dataset).query(query)
                .substitution("tree", ResourceFactory.createResource(treeIri)).build();
        return run(qe, treeIri).stream().filter(t -> t.treeIri().equals(treeIri)).findFirst();
    }

    /** The decision tree with this IRI in the model. */
    public Optional<DecisionTreeView> tree(Model model, String treeIri) {
        return tree(DatasetFactory.wrap(model), treeIri);
    }

    /** Runs the query; {@code boundTree} stands for {@code ?tree} in rows that do not give it back. */
    private List<DecisionTreeView> run(QueryExecution qe, String boundTree) {
        Map<String, TreeRows> trees = new TreeMap<>();
        try (qe) {
            ResultSet rs = qe.execSelect();
            while (rs.hasNext()) {
                QuerySolution s = rs.next();
                String tree = iri(s, "tree");
                if (tree == null) {
                    tree = boundTree;
                }
                if (tree == null) {
                    continue;
                }
                trees.computeIfAbsent(tree, TreeRows::new).add(s);
            }
        }
        List<DecisionTreeView> out = new ArrayList<>();
        for (TreeRows t : trees.values()) {
            out.add(t.view(file));
        }
        return out;
    }

    /** The rows of one tree, gathered; the first value seen for a field wins (rows come in a fixed order). */
    private static final class TreeRows {
        final String tree;
        String label;
        String root;
        final Map<String, String> questionText = new LinkedHashMap<>();
        final Map<String, Set<OptionView>> options = new LinkedHashMap<>();
        final Map<String, String> targetTypes = new LinkedHashMap<>();
        final Map<String, OutcomeRows> outcomes = new LinkedHashMap<>();

        TreeRows(String tree) {
            this.tree = tree;
        }

        void add(QuerySolution s) {
            label = first(label, text(s, "treeLabel"));
            root = first(root, node(s, "root", "gg:root of " + tree));
            String row = text(s, "row");
            if (row == null) {
                return;
            }
            switch (row) {
                case "option" -> addOption(s);
                case "outcome" -> outcome(s).addFields(s);
                case "resource" -> outcome(s).addResource(s);
                case "reason" -> outcome(s).addReason(s);
                default -> {
                    // another row kind, from a guide's own query: not ours to read
                }
            }
        }

        private void addOption(QuerySolution s) {
            String q = node(s, "question", "question of " + tree);
            String target = node(s, "target", "gg:leadsTo target in question " + q);
            questionText.merge(q, orEmpty(text(s, "questionText")), (a, b) -> a.isEmpty() ? b : a);
            String optionLabel = text(s, "optionLabel");
            options.computeIfAbsent(q, k -> new LinkedHashSet<>())
                    .add(new OptionView(optionLabel == null ? localName(target) : optionLabel,
                            integer(s, "optionOrder"), target));
            String type = text(s, "targetType");
            if (type != null) {
                targetTypes.putIfAbsent(target, type);
            }
        }

        private OutcomeRows outcome(QuerySolution s) {
            String o = node(s, "outcome", "outcome of " + tree);
            return outcomes.computeIfAbsent(o, OutcomeRows::new);
        }

        DecisionTreeView view(String file) {
            if (root == null || !options.containsKey(root)) {
                throw new DiagramException("decision tree " + tree + ": its gg:root " + root
                        + " is not a gg:Question with options (" + file + " found none); run guidegraph check");
            }
            List<QuestionView> questions = new ArrayList<>();
            List<OutcomeView> outs = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            Deque<String> queue = new ArrayDeque<>();
            queue.add(root);
            seen.add(root);
            while (!queue.isEmpty()) {
                String node = queue.removeFirst();
                if (options.containsKey(node)) {
                    List<OptionView> opts = new ArrayList<>(options.get(node));
                    opts.sort(OPTION_ORDER);
                    questions.add(new QuestionView(node, questionText(node), opts));
                    for (OptionView o : opts) {
                        if (seen.add(o.targetIri())) {
                            queue.addLast(o.targetIri());
                        }
                    }
                } else if (outcomes.containsKey(node)) {
                    outs.add(outcomes.get(node).view());
                } else {
                    String type = targetTypes.getOrDefault(node, "unknown");
                    throw new DiagramException("decision tree " + tree + ": an option leads to " + node
                            + (type.equals("question") ? ", a gg:Question without options"
                                    : ", which is neither a gg:Question nor a gg:Outcome")
                            + "; every path must end in a gg:Outcome (run guidegraph check)");
                }
            }
            return new DecisionTreeView(tree, questions.get(0), questions, outs, label);
        }

        private String questionText(String q) {
            String t = questionText.get(q);
            return t == null || t.isEmpty() ? localName(q) : t;
        }
    }

    private static final Comparator<OptionView> OPTION_ORDER = Comparator
            .comparingInt((OptionView o) -> o.order() == 0 ? Integer.MAX_VALUE : o.order())
            .thenComparing(OptionView::label).thenComparing(OptionView::targetIri);

    private static final class OutcomeRows {
        final String iri;
        String label;
        String text;
        String statusIri;
        String statusLabel;
        String statusSymbol;
        String approach;
        String approachLabel;
        String useCase;
        String useCaseLabel;
        String note;
        final Map<String, LinkView> resources = new LinkedHashMap<>();
        final Map<String, Integer> reasons = new LinkedHashMap<>();

        OutcomeRows(String iri) {
            this.iri = iri;
        }

        void addFields(QuerySolution s) {
            label = first(label, text(s, "outcomeLabel"));
            text = first(text, text(s, "outcomeText"));
            statusIri = first(statusIri, iri(s, "status"));
            statusLabel = first(statusLabel, text(s, "statusLabel"));
            statusSymbol = first(statusSymbol, text(s, "statusSymbol"));
            approach = first(approach, iri(s, "approach"));
            approachLabel = first(approachLabel, text(s, "approachLabel"));
            useCase = first(useCase, iri(s, "useCase"));
            useCaseLabel = first(useCaseLabel, text(s, "useCaseLabel"));
            note = first(note, text(s, "note"));
        }

        void addResource(QuerySolution s) {
            String item = iri(s, "item");
            String itemLabel = text(s, "itemLabel");
            String url = text(s, "itemUrl");
            String path = text(s, "itemPath");
            // a blank-node resource has no stable identity: its fields are its key
            String key = item != null ? item : "_:" + itemLabel + "|" + url + "|" + path;
            resources.putIfAbsent(key, new LinkView(item, itemLabel == null ? orEmpty(url != null ? url : path)
                    : itemLabel, url, path, text(s, "itemComment")));
        }

        void addReason(QuerySolution s) {
            String reason = text(s, "itemLabel");
            if (reason != null) {
                reasons.putIfAbsent(reason, integer(s, "itemOrder"));
            }
        }

        OutcomeView view() {
            String status = statusIri == null ? null : localName(statusIri).toLowerCase(Locale.ROOT);
            String symbol = statusSymbol != null ? statusSymbol : statusIri == null ? null
                    : KNOWN_SYMBOLS.get(statusIri);
            String words = statusLabel != null ? statusLabel : statusIri == null ? null : localName(statusIri);
            List<String> why = new ArrayList<>(reasons.keySet());
            // reasons come ordered by gg:order then text; a reason without gg:order goes last
            why.sort(Comparator.comparingInt((String r) -> reasons.get(r) == 0 ? Integer.MAX_VALUE : reasons.get(r)));
            return new OutcomeView(iri, label == null ? localName(iri) : label, text, status, symbol, approach,
                    approachLabel, useCase, useCaseLabel, note, new ArrayList<>(resources.values()), words, why);
        }
    }

    private static String first(String current, String candidate) {
        return current != null ? current : candidate;
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    private static String text(QuerySolution s, String var) {
        RDFNode n = s.get(var);
        if (n == null) {
            return null;
        }
        return n.isLiteral() ? n.asLiteral().getLexicalForm() : n.isURIResource() ? n.asResource().getURI() : null;
    }

    private static String iri(QuerySolution s, String var) {
        RDFNode n = s.get(var);
        return n != null && n.isURIResource() ? n.asResource().getURI() : null;
    }

    /** A question or outcome: these need IRIs, since anchors, ids and links are made from them. */
    private static String node(QuerySolution s, String var, String what) {
        RDFNode n = s.get(var);
        if (n == null) {
            return null;
        }
        if (!n.isURIResource()) {
            throw new DiagramException("decision tree: the " + what + " is a blank node; give it an IRI "
                    + "({guide}decision/{slug}) so its anchor and diagram node are stable");
        }
        return n.asResource().getURI();
    }

    private static int integer(QuerySolution s, String var) {
        RDFNode n = s.get(var);
        if (n == null || !n.isLiteral()) {
            return 0;
        }
        Literal l = n.asLiteral();
        try {
            return Integer.parseInt(l.getLexicalForm().strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** The last segment of an IRI (after '#' or the last '/'), ignoring a trailing '/'. */
    static String localName(String iri) {
        String s = iri.endsWith("/") ? iri.substring(0, iri.length() - 1) : iri;
        int cut = Math.max(s.lastIndexOf('#'), s.lastIndexOf('/'));
        return cut >= 0 && cut < s.length() - 1 ? s.substring(cut + 1) : s;
    }
}
