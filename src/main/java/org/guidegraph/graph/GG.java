package org.guidegraph.graph;

import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;

/** The guidegraph vocabulary terms the code relies on; the ontology in {@code ontology/} documents them. */
public final class GG {

    /** The vocabulary namespace. */
    public static final String NS = "https://guidegraph.org/ns#";

    public static final Resource Guide = resource("Guide");
    public static final Resource Approach = resource("Approach");
    public static final Resource Feature = resource("Feature");
    public static final Resource Assessment = resource("Assessment");
    public static final Resource DecisionTree = resource("DecisionTree");
    public static final Resource Question = resource("Question");
    public static final Resource Option = resource("Option");
    public static final Resource Outcome = resource("Outcome");
    public static final Resource Need = resource("Need");
    public static final Resource NeedDetail = resource("NeedDetail");

    public static final Property approach = property("approach");
    public static final Property feature = property("feature");
    public static final Property level = property("level");
    public static final Property value = property("value");
    public static final Property note = property("note");
    public static final Property order = property("order");
    public static final Property root = property("root");
    public static final Property option = property("option");
    public static final Property leadsTo = property("leadsTo");
    public static final Property text = property("text");
    public static final Property detail = property("detail");
    public static final Property point = property("point");
    public static final Property decisionTree = property("decisionTree");

    private GG() {
    }

    private static Resource resource(String local) {
        return ResourceFactory.createResource(NS + local);
    }

    private static Property property(String local) {
        return ResourceFactory.createProperty(NS + local);
    }
}
