package org.guidegraph.serve;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.tdb2.TDB2Factory;

/**
 * A Fuseki server over a TDB2 store, updatable, for tests to start as a separate process:
 * {@code StandaloneFuseki PORT TDB2_FOLDER NAME}. (Fuseki main's own command line would do, but it probes for
 * log4j 2, which only part of this project's test class path has.)
 */
public final class StandaloneFuseki {

    private StandaloneFuseki() {
    }

    public static void main(String[] args) {
        FusekiServer.create()
                .port(Integer.parseInt(args[0]))
                .loopback(true)
                .add("/" + args[2], TDB2Factory.connectDataset(args[1]), true)
                .build()
                .start()
                .join();
    }
}
