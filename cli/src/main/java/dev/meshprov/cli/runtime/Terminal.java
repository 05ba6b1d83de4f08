package dev.meshprov.cli.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Whether a person is watching: a console is attached and stderr goes to a terminal, not to a pipe or a file. */
final class Terminal {

    private static final Path STDERR_LINK = Path.of("/proc/self/fd/2");

    private Terminal() {}

    static boolean isInteractive() {
        return System.console() != null && stderrIsTerminal();
    }

    /** On Linux the target of file descriptor 2 tells; elsewhere the console's presence has to do. */
    private static boolean stderrIsTerminal() {
        if (!Files.isSymbolicLink(STDERR_LINK)) {
            return true;
        }
        try {
            String target = Files.readSymbolicLink(STDERR_LINK).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return false;
        }
    }
}
