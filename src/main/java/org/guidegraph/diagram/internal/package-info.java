/** Not API: the wrapper around graphviz-java's global engine and the engines it starts. */
package org.guidegraph.diagram.internal;
