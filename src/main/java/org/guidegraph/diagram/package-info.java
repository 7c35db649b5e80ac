/**
 * Decision trees: from the graph to a diagram and a "help me decide" walk.
 *
 * <ol>
 *   <li>{@link org.guidegraph.diagram.DecisionTreeQuery} runs {@code templates/queries/decision-tree.rq} and builds
 *       immutable {@link org.guidegraph.diagram.DecisionTreeView}s (any depth and breadth);</li>
 *   <li>{@link org.guidegraph.diagram.DotBuilder} turns a view into DOT text, deterministically;</li>
 *   <li>a {@link org.guidegraph.diagram.DiagramRenderer} lays DOT out as embeddable SVG:
 *       {@link org.guidegraph.diagram.GraphvizRenderer} with an engine chosen by name
 *       ({@link org.guidegraph.diagram.DiagramEngine}), behind a content-addressed
 *       {@link org.guidegraph.diagram.CachingRenderer} ({@link org.guidegraph.diagram.Diagrams} wires both);</li>
 *   <li>{@link org.guidegraph.diagram.WizardMarkup} writes the no-JavaScript walk (linked sections) and the text
 *       alternative (a nested list), which {@code templates/assets/wizard.js} enhances into a one-question-at-a-time
 *       wizard.</li>
 * </ol>
 * {@link org.guidegraph.diagram.TreeIds} gives the diagram, the wizard and the script the same ids and slugs.
 */
package org.guidegraph.diagram;
