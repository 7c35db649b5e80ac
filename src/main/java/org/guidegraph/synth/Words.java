package org.guidegraph.synth;

import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * A deterministic source of words, names and prose for synthetic guides. {@link Random} is specified to give the
 * same sequence for the same seed on every JVM, so the text depends on the seed alone. Names come from fixed word
 * lists combined by index (mixed radix), so the n-th name of a kind is unique without any bookkeeping.
 */
final class Words {

    private static final List<String> ADJECTIVES = List.of("Adaptive", "Batched", "Cached", "Distributed",
            "Elastic", "Federated", "Graceful", "Hybrid", "Incremental", "Joint", "Kernel", "Layered", "Managed",
            "Native", "Offline", "Pooled", "Quantized", "Replicated", "Sharded", "Tiered", "Unified", "Versioned",
            "Weighted", "Zonal", "Streaming", "Speculative", "Regional", "Paged", "Multi-Tenant", "Lazy", "Isolated",
            "Guarded", "Fused", "Encrypted", "Dynamic", "Continuous", "Bounded", "Audited", "Warm", "Static");
    private static final List<String> NOUNS = List.of("Batch", "Cache", "Token", "Prefix", "Model", "Adapter",
            "Gateway", "Queue", "Replica", "Shard", "Kernel", "Tensor", "Weight", "Request", "Session", "Route",
            "Quota", "Policy", "Metric", "Trace", "Checkpoint", "Snapshot", "Volume", "Node", "Pool", "Scheduler",
            "Endpoint", "Runtime", "Pipeline", "Operator", "Profile", "Rollout", "Canary", "Tenant", "Secret",
            "Config", "Log", "Budget", "Lease", "Window");
    private static final List<String> ASPECTS = List.of("Scheduling", "Routing", "Scaling", "Eviction", "Reuse",
            "Isolation", "Recovery", "Monitoring", "Placement", "Compression", "Validation", "Migration", "Sharing",
            "Balancing", "Throttling", "Warmup", "Failover", "Tracing", "Tuning", "Accounting");
    private static final List<String> AREAS = List.of("Operations", "Performance", "Security", "Observability",
            "Networking", "Storage", "Scheduling", "Maturity", "Community", "Integration", "Compliance", "Cost",
            "Reliability", "Developer Experience", "Hardware", "Deployment");
    private static final List<String> AREA_PREFIXES = List.of("Core", "Advanced", "Cluster", "Edge", "Team",
            "Platform", "Runtime", "Data", "Fleet", "Service");
    private static final List<String> SYLLABLES = List.of("kes", "nor", "val", "tem", "sol", "ar", "bri", "cor",
            "dal", "fen", "hal", "ion", "lum", "mer", "ost", "pyr", "quin", "ryl", "syl", "tor");
    private static final List<String> ENDINGS = List.of("tra", "vane", "ex", "ora", "ium", "ant", "eus", "ix");
    private static final List<String> PRODUCT = List.of("Serve", "Stack", "Engine", "Platform", "Runtime");
    private static final List<String> VENDORS = List.of("Arcturus", "Boreal", "Cygnus", "Draco", "Eridan",
            "Fornax", "Grus", "Hydra", "Indus", "Lyra", "Mensa", "Norma", "Orion", "Pavo", "Sagitta", "Vela");
    private static final List<String> FAMILIES = List.of("GPUs", "NPUs", "TPUs", "FPGAs", "Inference Cards",
            "Vector Units");
    private static final List<String> AUDIENCES = List.of("Small Teams", "Enterprises", "Research Labs",
            "Startups", "Regulated Industries", "Edge Sites", "Internal Platforms", "Hobbyists", "Universities",
            "Public Sector");
    private static final List<String> WORKLOADS = List.of("Chat", "Batch", "Agent", "Embedding", "Vision",
            "Speech", "Code", "Search", "Summarization", "Translation", "Reranking", "Classification");

    /** Common English and domain words that prose is made of. */
    private static final List<String> PROSE = List.of("the", "a", "of", "to", "and", "in", "for", "with", "on",
            "when", "each", "every", "most", "some", "many", "your", "its", "their", "this", "that", "it", "is",
            "are", "can", "will", "should", "may", "must", "runs", "serves", "keeps", "needs", "uses", "supports",
            "scales", "routes", "stores", "handles", "reduces", "adds", "starts", "stops", "measures", "exposes",
            "model", "models", "request", "requests", "cluster", "clusters", "node", "nodes", "cache", "latency",
            "throughput", "memory", "replica", "replicas", "gateway", "operator", "team", "teams", "workload",
            "workloads", "deployment", "deployments", "token", "tokens", "batch", "queue", "policy", "budget",
            "upgrade", "release", "version", "feature", "option", "default", "setting", "metric", "dashboard",
            "alert", "trace", "log", "quickly", "safely", "reliably", "easily", "without", "before", "after",
            "under", "load", "peak", "traffic", "small", "large", "new", "existing", "simple", "complex", "shared",
            "dedicated", "stable", "experimental", "recommended", "production", "staging", "cost", "price",
            "hardware", "accelerator", "accelerators", "storage", "network", "region", "zone", "tenant", "user",
            "users", "service", "services", "configuration", "template", "manifest", "pipeline", "rollout");

    private final Random rng;

    Words(long seed) {
        this.rng = new Random(seed);
    }

    Random rng() {
        return rng;
    }

    int between(int lo, int hi) {
        return lo + rng.nextInt(hi - lo + 1);
    }

    boolean chance(double p) {
        return rng.nextDouble() < p;
    }

    <T> T pick(List<T> list) {
        return list.get(rng.nextInt(list.size()));
    }

    /** The i-th approach name: an invented product name ("Kestra Serve"). */
    static String approachName(int i) {
        return mixed(i, SYLLABLES, ENDINGS, PRODUCT, "", true);
    }

    /** The i-th feature name ("Adaptive Batch Scheduling"). */
    static String featureName(int i) {
        return mixed(i, ADJECTIVES, NOUNS, ASPECTS, " ", false);
    }

    /** The i-th feature category name ("Core Operations"). */
    static String categoryName(int i) {
        return mixed(i, AREAS, AREA_PREFIXES, List.of(""), " ", false).strip();
    }

    /** The i-th accelerator family ("Arcturus GPUs") and its vendor. */
    static String acceleratorName(int i) {
        return mixed(i, VENDORS, FAMILIES, List.of(""), " ", false).strip();
    }

    static String vendorOf(int i) {
        return VENDORS.get(i % VENDORS.size());
    }

    /** The i-th use case name ("Chat Serving for Small Teams"). */
    static String useCaseName(int i) {
        int w = i % WORKLOADS.size();
        int rest = i / WORKLOADS.size();
        int a = rest % AUDIENCES.size();
        int n = rest / AUDIENCES.size();
        String base = WORKLOADS.get(w) + " Serving for " + AUDIENCES.get(a);
        return n == 0 ? base : base + " " + roman(n + 1);
    }

    private static String mixed(int i, List<String> first, List<String> second, List<String> third, String sep,
            boolean product) {
        int a = i % first.size();
        int rest = i / first.size();
        int b = rest % second.size();
        rest /= second.size();
        int c = rest % third.size();
        int n = rest / third.size();
        String name = product
                ? capitalize(first.get(a) + second.get(b)) + " " + third.get(c)
                : first.get(a) + sep + second.get(b) + sep + third.get(c);
        name = name.strip();
        return n == 0 ? name : name + " " + roman(n + 1);
    }

    /** A lower-case slug of letters, digits and hyphens. */
    static String slug(String label) {
        String s = label.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
        return s.replaceAll("^-+|-+$", "");
    }

    static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static String roman(int n) {
        String[] m = {"M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"};
        int[] v = {1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1};
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < v.length; k++) {
            while (n >= v[k]) {
                sb.append(m[k]);
                n -= v[k];
            }
        }
        return sb.toString();
    }

    /** A phrase of {@code min}..{@code max} prose words, capitalised, without a full stop. */
    String phrase(int min, int max) {
        int n = between(min, max);
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < n; k++) {
            if (k > 0) {
                sb.append(' ');
            }
            sb.append(pick(PROSE));
        }
        return capitalize(sb.toString());
    }

    /** A sentence: a phrase, sometimes with a comma or an inline code span, ending with a full stop. */
    String sentence() {
        String s = phrase(6, 16);
        if (chance(0.2)) {
            int cut = s.indexOf(' ', s.length() / 2);
            if (cut > 0) {
                s = s.substring(0, cut) + "," + s.substring(cut);
            }
        }
        if (chance(0.1)) {
            s = s + " with `" + pick(NOUNS).toLowerCase(Locale.ROOT) + "-" + pick(ASPECTS).toLowerCase(Locale.ROOT)
                    + "`";
        }
        return s + ".";
    }

    /** A paragraph of {@code min}..{@code max} sentences. */
    String paragraph(int min, int max) {
        int n = between(min, max);
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < n; k++) {
            if (k > 0) {
                sb.append(' ');
            }
            sb.append(sentence());
        }
        return sb.toString();
    }

    /** A short word for a matrix cell or a version ("v2.3"). */
    String version() {
        return "v" + between(0, 4) + "." + between(0, 19);
    }

    String workloadWord() {
        return pick(WORKLOADS).toLowerCase(Locale.ROOT);
    }

    String noun() {
        return pick(NOUNS);
    }
}
