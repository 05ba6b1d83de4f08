package dev.meshprov.cli.output;

/** What a command asked for, with the words its error messages start with (as in the HTTP API's errors). */
public enum Action {
    VALIDATE("The component is invalid", "Validation could not be completed"),
    PLAN("The component cannot be planned", "Planning failed"),
    PROVISION("The component cannot be provisioned", "Provisioning failed"),
    UNPROVISION("The component cannot be unprovisioned", "Unprovisioning failed"),
    REVERSE("The reverse provisioning request is invalid", "Reverse provisioning failed");

    private final String rejected;
    private final String failed;

    Action(String rejected, String failed) {
        this.rejected = rejected;
        this.failed = failed;
    }

    /** The headline when the input is wrong. */
    public String rejected() {
        return rejected;
    }

    /** The headline when the input was fine but the operation was not. */
    public String failed() {
        return failed;
    }
}
