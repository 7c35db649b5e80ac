package org.guidegraph.graph;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

import org.apache.jena.riot.RiotException;
import org.apache.jena.riot.tokens.Token;
import org.apache.jena.riot.tokens.TokenType;
import org.apache.jena.riot.tokens.Tokenizer;
import org.apache.jena.riot.tokens.TokenizerText;
import org.apache.jena.vocabulary.RDF;
import org.guidegraph.diagnostic.SourcePosition;

/**
 * Reads a Turtle file's tokens to learn where subjects, predicates and IRIs are written. Jena's parser does not
 * report positions of the triples it produces, so this light pass over Jena's own tokenizer fills a
 * {@link SourceIndex}. It stops quietly at the first token it cannot read: the parser reports that error.
 */
final class TurtlePositions {

    private enum Expect { SUBJECT, PREDICATE, OBJECT, AFTER_OBJECT }

    /** One level of nesting: the top level, a {@code [ ... ]} blank node, or a {@code ( ... )} collection. */
    private static final class Frame {
        final boolean collection;
        final String subject;
        String predicate;
        Expect expect;

        Frame(boolean collection, String subject, Expect expect) {
            this.collection = collection;
            this.subject = subject;
            this.expect = expect;
        }
    }

    private final String file;
    private final SourceIndex.Part index = new SourceIndex.Part();
    private final Map<String, String> prefixes = new HashMap<>();

    private TurtlePositions(String file) {
        this.file = file;
    }

    /** The positions written in one file's text. */
    static SourceIndex.Part index(String file, String text) {
        TurtlePositions p = new TurtlePositions(file);
        p.run(text);
        return p.index;
    }

    private void run(String text) {
        Tokenizer tokens = TokenizerText.fromString(text);
        Deque<Frame> stack = new ArrayDeque<>();
        Frame top = new Frame(false, null, Expect.SUBJECT);
        stack.push(top);
        try {
            while (tokens.hasNext()) {
                Token t = tokens.next();
                if (directive(t, tokens)) {
                    continue;
                }
                Frame f = stack.peek();
                switch (t.getType()) {
                    case DOT -> {
                        stack.clear();
                        top = new Frame(false, null, Expect.SUBJECT);
                        stack.push(top);
                    }
                    case SEMICOLON -> f.expect = Expect.PREDICATE;
                    case COMMA -> f.expect = Expect.OBJECT;
                    case LBRACKET -> {
                        if (f.expect == Expect.SUBJECT && stack.size() == 1) {
                            stack.pop();
                            stack.push(new Frame(false, null, Expect.PREDICATE));
                        } else {
                            f.expect = f.collection ? Expect.OBJECT : Expect.AFTER_OBJECT;
                            stack.push(new Frame(false, null, Expect.PREDICATE));
                        }
                    }
                    case RBRACKET, RPAREN -> {
                        if (stack.size() > 1) {
                            stack.pop();
                        }
                    }
                    case LPAREN -> {
                        if (!f.collection) {
                            f.expect = Expect.AFTER_OBJECT;
                        }
                        stack.push(new Frame(true, null, Expect.OBJECT));
                    }
                    default -> term(t, stack);
                }
            }
        } catch (RiotException | IllegalStateException e) {
            // The parser reports this file's syntax error with its position; positions up to here are kept.
        }
    }

    private void term(Token t, Deque<Frame> stack) {
        Frame f = stack.peek();
        String iri = iriOf(t);
        SourcePosition at = new SourcePosition(file, (int) t.getLine(), (int) t.getColumn());
        if (iri != null) {
            index.use(iri, at);
        }
        if (f.collection) {
            return;
        }
        switch (f.expect) {
            case SUBJECT -> {
                stack.pop();
                Frame subjectFrame = new Frame(false, iri, Expect.PREDICATE);
                stack.push(subjectFrame);
                if (iri != null) {
                    index.defineSubject(iri, at);
                }
            }
            case PREDICATE -> {
                String p = t.hasType(TokenType.KEYWORD) && "a".equals(t.getImage()) ? RDF.type.getURI() : iri;
                f.predicate = p;
                f.expect = Expect.OBJECT;
                if (p != null) {
                    index.usePredicate(p, at);
                    if (f.subject != null) {
                        index.pair(f.subject, p, at);
                    }
                }
            }
            case OBJECT, AFTER_OBJECT -> {
                if (iri != null && RDF.type.getURI().equals(f.predicate)) {
                    index.useClass(iri, at);
                }
                f.expect = Expect.AFTER_OBJECT;
            }
            default -> throw new IllegalStateException("unexpected state " + f.expect);
        }
    }

    private boolean directive(Token t, Tokenizer tokens) {
        boolean isDirective = t.hasType(TokenType.DIRECTIVE)
                || t.hasType(TokenType.KEYWORD) && ("PREFIX".equalsIgnoreCase(t.getImage())
                        || "BASE".equalsIgnoreCase(t.getImage()));
        if (!isDirective) {
            return false;
        }
        if ("prefix".equalsIgnoreCase(t.getImage()) && tokens.hasNext()) {
            Token name = tokens.next();
            if (tokens.hasNext()) {
                Token iri = tokens.next();
                if (name.hasType(TokenType.PREFIXED_NAME) && iri.hasType(TokenType.IRI)) {
                    prefixes.put(name.getImage(), iri.getImage());
                }
            }
        } else if (tokens.hasNext()) {
            tokens.next();
        }
        if (t.hasType(TokenType.DIRECTIVE) && tokens.hasNext() && tokens.peek().hasType(TokenType.DOT)) {
            tokens.next();
        }
        return true;
    }

    private String iriOf(Token t) {
        if (t.hasType(TokenType.IRI)) {
            return t.getImage();
        }
        if (t.hasType(TokenType.PREFIXED_NAME)) {
            String ns = prefixes.get(t.getImage());
            return ns == null ? null : ns + t.getImage2();
        }
        return null;
    }
}
