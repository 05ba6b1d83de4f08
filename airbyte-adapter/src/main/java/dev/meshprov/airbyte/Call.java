package dev.meshprov.airbyte;

/**
 * One upstream call, named for observers and failures.
 *
 * @param method the HTTP method
 * @param template the path template relative to the API base, e.g. {@code /v1/sources/{sourceId}}
 * @param target the path as called, without query, e.g. {@code /v1/sources/0c5e...}
 */
record Call(String method, String template, String target) {

    /** A call on one entity of {@code collection}, e.g. {@code GET /v1/sources/{sourceId}}. */
    static Call onEntity(String method, String collection, String idName, String id) {
        return new Call(method, "/v1/" + collection + "/{" + idName + "}", "/v1/" + collection + "/" + id);
    }

    /** A call on {@code collection} itself, e.g. {@code POST /v1/sources}. */
    static Call onCollection(String method, String collection) {
        return new Call(method, "/v1/" + collection, "/v1/" + collection);
    }

    /** The operation for observers and metrics: method and path template. */
    String operation() {
        return method + " " + template;
    }

    /** The call for people: method and path. */
    String describe() {
        return method + " " + target;
    }
}
