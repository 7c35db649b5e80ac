package org.guidegraph.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.guidegraph.TestGuides;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * One folder per invalid guide under {@code src/test/resources/guides/invalid/}; {@code check}'s whole output for
 * each is compared with the folder's {@code expected.txt}. Run with {@code -Dguidegraph.record=true} to re-record
 * the expected files after a deliberate change of messages (and review the diff).
 */
class InvalidGuidesTest {

    private static final boolean RECORD = Boolean.getBoolean("guidegraph.record");

    @TestFactory
    Stream<DynamicTest> checkReportsEachInvalidGuideExactly() throws IOException {
        List<Path> cases;
        try (Stream<Path> dirs = Files.list(TestGuides.INVALID)) {
            cases = dirs.filter(Files::isDirectory).sorted().toList();
        }
        assertTrue(cases.size() >= 10, "expected the invalid fixtures, found " + cases);
        return cases.stream().map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () -> {
            TestGuides.Run run = TestGuides.cli("check", dir.toString());
            Path expectedFile = dir.resolve("expected.txt");
            if (RECORD) {
                Files.writeString(expectedFile, run.out(), StandardCharsets.UTF_8);
            }
            String expected = Files.readString(expectedFile, StandardCharsets.UTF_8);
            assertEquals(expected, run.out(), "check output for " + dir.getFileName());
            boolean warnOnly = dir.getFileName().toString().equals("contradiction");
            assertEquals(warnOnly ? 0 : 1, run.exit(), "exit code for " + dir.getFileName());
        }));
    }
}
