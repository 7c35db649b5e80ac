package org.guidegraph.gates;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

class BrowserAvailabilityTest {

    @TempDir
    Path folder;

    @Test
    void namesEachMissingBinaryAndHowToInstallIt() {
        Optional<String> reason = Browser.unavailable(folder.resolve("chromium"), folder.resolve("chromedriver"));
        assertEquals(Optional.of("no " + folder.resolve("chromium") + " and no " + folder.resolve("chromedriver")
                + "; install them with: apt-get install chromium chromium-driver"), reason);
    }

    @Test
    void findsNothingMissingWhenBothBinariesAreExecutable() throws Exception {
        Path chromium = executable("chromium");
        Path chromedriver = executable("chromedriver");
        assertEquals(Optional.empty(), Browser.unavailable(chromium, chromedriver));
    }

    @Test
    void skipsWithTheInstallCommandOutsideCi() {
        TestAbortedException skipped = assertThrows(TestAbortedException.class,
                () -> Browser.assumeAvailable(Browser.unavailable(folder.resolve("chromium"), executable("chromedriver")), false));
        assertEquals("browser gates skipped: there is no " + folder.resolve("chromium")
                + "; install them with: apt-get install chromium chromium-driver", skipped.getMessage());
    }

    @Test
    void failsInsteadOfSkippingInCi() {
        AssertionFailedError failed = assertThrows(AssertionFailedError.class,
                () -> Browser.assumeAvailable(Optional.of("no /usr/bin/chromium; install them with: apt-get install chromium chromium-driver"), true));
        assertEquals("CI is set, so the browser gates must run, but there is no /usr/bin/chromium; install them with:"
                + " apt-get install chromium chromium-driver", failed.getMessage());
    }

    @Test
    void goesOnWhenTheBrowserIsThere() {
        assertDoesNotThrow(() -> Browser.assumeAvailable(Optional.empty(), true));
    }

    private Path executable(String name) throws Exception {
        Path file = Files.createFile(folder.resolve(name));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }
}
