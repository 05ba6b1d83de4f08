package dev.meshprov.cli.input;

/** An input file that cannot be read; the message names it and says why. A usage error, not an invalid input. */
public final class InputException extends Exception {

    private static final long serialVersionUID = 1L;

    InputException(String message) {
        super(message);
    }
}
