package dev.meshprov.cli.output;

/** What a command asked for, with the words its error messages start with (as in the HTTP API's errors). */
public enum Action {
    VALIDATE("The component is invalid", "Validation could not be completed", "the component is not validated"),
    PLAN("The component cannot be planned", "Planning failed", "nothing was planned"),
    PROVISION("The component cannot be provisioned", "Provisioning failed", "nothing was provisioned"),
    UNPROVISION("The component cannot be unprovisioned", "Unprovisioning failed", "nothing was unprovisioned"),
    REVERSE("The reverse provisioning request is invalid", "Reverse provisioning failed", "nothing was imported");

    private final String rejected;
    private final String failed;
    private final String couldNotCheck;

    Action(String rejected, String failed, String couldNotCheck) {
        this.rejected = rejected;
        this.failed = failed;
        this.couldNotCheck = couldNotCheck;
    }

    /** What was not done when the input could not be checked. */
    public String couldNotCheck() {
        return couldNotCheck;
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
