package dev.meshprov.http.api;

/** What a request asked for, with the words its error messages start with. */
enum Action {
    VALIDATE("The validation request is invalid", "Validation could not be completed"),
    PROVISION("The component cannot be provisioned", "Provisioning failed"),
    UNPROVISION("The component cannot be unprovisioned", "Unprovisioning failed"),
    UPDATE_ACL("Access to the component cannot be updated", "Updating access failed"),
    REVERSE("The reverse provisioning request is invalid", "Reverse provisioning failed"),
    READ_STATUS("The task cannot be found", "Reading the task failed"),
    ROUTE("The request cannot be served", "The request failed"),
    AUTHENTICATE("The request is not authenticated", "Authentication failed");

    private final String rejected;
    private final String failed;

    Action(String rejected, String failed) {
        this.rejected = rejected;
        this.failed = failed;
    }

    /** The headline of a 4xx: the input is wrong. */
    String rejected() {
        return rejected;
    }

    /** The headline of a 500: the input was fine but the operation failed. */
    String failed() {
        return failed;
    }
}
