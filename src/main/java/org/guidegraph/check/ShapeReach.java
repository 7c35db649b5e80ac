package org.guidegraph.check;

import java.util.Collection;
import java.util.List;

import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.engine.Target;
import org.apache.jena.shacl.engine.TargetType;
import org.apache.jena.shacl.engine.constraint.CardinalityConstraint;
import org.apache.jena.shacl.engine.constraint.ClassConstraint;
import org.apache.jena.shacl.engine.constraint.ClosedConstraint;
import org.apache.jena.shacl.engine.constraint.ConstraintOp1;
import org.apache.jena.shacl.engine.constraint.ConstraintOpN;
import org.apache.jena.shacl.engine.constraint.ConstraintPairwise;
import org.apache.jena.shacl.engine.constraint.ConstraintTerm;
import org.apache.jena.shacl.engine.constraint.HasValueConstraint;
import org.apache.jena.shacl.engine.constraint.InConstraint;
import org.apache.jena.shacl.engine.constraint.UniqueLangConstraint;
import org.apache.jena.shacl.parser.Constraint;
import org.apache.jena.shacl.parser.NodeShape;
import org.apache.jena.shacl.parser.PropertyShape;
import org.apache.jena.shacl.parser.Shape;
import org.apache.jena.sparql.path.P_Link;

/**
 * How far from a focus node a set of shapes looks. The shapes are <em>local</em> when validating a node reads only
 * its own triples (as subject, through single-predicate paths) and the types of the nodes they point at
 * ({@code sh:class}); targets are classes, subjects or objects of a predicate, or given nodes. Then a change to the
 * graph can only change the results of the subjects and objects of the changed triples and, when a type changed,
 * of the nodes pointing at the retyped node. {@code sh:node}, qualified shapes, SPARQL constraints, property
 * shapes on value nodes and longer paths look further: shapes using them are validated whole after every change.
 */
final class ShapeReach {

    /** Where a constraint is evaluated. */
    private enum At { FOCUS, PROPERTY, VALUE }

    private static final List<TargetType> LOCAL_TARGETS = List.of(TargetType.targetClass, TargetType.implicitClass,
            TargetType.targetNode, TargetType.targetSubjectsOf, TargetType.targetObjectsOf);

    private ShapeReach() {
    }

    /** True if validating any node against these shapes reads no further than described above. */
    static boolean local(Shapes shapes) {
        for (Shape s : shapes) {
            for (Target t : s.getTargets()) {
                if (!LOCAL_TARGETS.contains(t.getTargetType())) {
                    return false;
                }
            }
            if (!local(s, true)) {
                return false;
            }
        }
        return true;
    }

    /** A shape evaluated on a focus node ({@code onFocus}) or on a value node of one. */
    private static boolean local(Shape s, boolean onFocus) {
        if (s instanceof PropertyShape p) {
            return onFocus && p.getPath() instanceof P_Link && allLocal(p.getConstraints(), At.PROPERTY)
                    && p.getPropertyShapes().isEmpty();
        }
        if (!(s instanceof NodeShape)) {
            return false;
        }
        if (!allLocal(s.getConstraints(), onFocus ? At.FOCUS : At.VALUE)) {
            return false;
        }
        for (PropertyShape p : s.getPropertyShapes()) {
            if (!local(p, onFocus)) {
                return false;
            }
        }
        return true;
    }

    private static boolean allLocal(Collection<Constraint> constraints, At at) {
        for (Constraint c : constraints) {
            if (!local(c, at)) {
                return false;
            }
        }
        return true;
    }

    private static boolean local(Constraint c, At at) {
        if (c instanceof ConstraintTerm || c instanceof ClassConstraint || c instanceof HasValueConstraint
                || c instanceof InConstraint) {
            return true; // the node's own term, or its types
        }
        if (c instanceof CardinalityConstraint || c instanceof UniqueLangConstraint) {
            return at == At.PROPERTY;
        }
        if (c instanceof ConstraintPairwise) {
            return at != At.VALUE; // compares with other values of the focus node
        }
        if (c instanceof ClosedConstraint) {
            return at == At.FOCUS;
        }
        // Logical constraints apply their shapes to the focus node in a node shape, to each value in a property shape.
        boolean membersOnFocus = at == At.FOCUS;
        if (c instanceof ConstraintOpN n) {
            for (Shape s : n.getOthers()) {
                if (!local(s, membersOnFocus)) {
                    return false;
                }
            }
            return true;
        }
        if (c instanceof ConstraintOp1 o) {
            return local(o.getOther(), membersOnFocus);
        }
        return false;
    }
}
