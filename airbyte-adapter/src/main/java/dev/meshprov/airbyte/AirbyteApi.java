package dev.meshprov.airbyte;

import feign.Headers;
import feign.Param;
import feign.Request;
import feign.RequestLine;
import feign.Response;

/**
 * The calls of Airbyte's public API that meshprov makes. Every method returns the raw {@link Response}:
 * {@link CallRunner} reads statuses and bodies itself, so that errors and retries are decided in one place.
 * {@code collection} is {@code sources}, {@code destinations} or {@code connections}; a {@code null}
 * {@code authorization} sends no header.
 */
@Headers({"Accept: application/json", "Authorization: {authorization}"})
interface AirbyteApi {

    @RequestLine("GET /v1/workspaces/{workspaceId}")
    Response workspace(@Param("authorization") String authorization, @Param("workspaceId") String workspaceId);

    /** The same read with its own time-outs (readiness probes). */
    @RequestLine("GET /v1/workspaces/{workspaceId}")
    Response workspace(
            @Param("authorization") String authorization,
            @Param("workspaceId") String workspaceId,
            Request.Options options);

    @RequestLine("GET /v1/{collection}?workspaceIds={workspaceId}&limit={limit}&offset={offset}")
    Response list(
            @Param("authorization") String authorization,
            @Param("collection") String collection,
            @Param("workspaceId") String workspaceId,
            @Param("limit") int limit,
            @Param("offset") int offset);

    @RequestLine("GET /v1/{collection}/{id}")
    Response get(
            @Param("authorization") String authorization,
            @Param("collection") String collection,
            @Param("id") String id);

    @RequestLine("POST /v1/{collection}")
    @Headers("Content-Type: application/json")
    Response create(@Param("authorization") String authorization, @Param("collection") String collection, Object body);

    @RequestLine("PATCH /v1/{collection}/{id}")
    @Headers("Content-Type: application/json")
    Response patch(
            @Param("authorization") String authorization,
            @Param("collection") String collection,
            @Param("id") String id,
            Object body);

    /** Replaces a source or destination: its name and its whole configuration. */
    @RequestLine("PUT /v1/{collection}/{id}")
    @Headers("Content-Type: application/json")
    Response put(
            @Param("authorization") String authorization,
            @Param("collection") String collection,
            @Param("id") String id,
            Object body);

    @RequestLine("DELETE /v1/{collection}/{id}")
    Response delete(
            @Param("authorization") String authorization,
            @Param("collection") String collection,
            @Param("id") String id);

    @RequestLine("GET /v1/streams?sourceId={sourceId}&destinationId={destinationId}")
    Response streams(
            @Param("authorization") String authorization,
            @Param("sourceId") String sourceId,
            @Param("destinationId") String destinationId);

    @RequestLine("POST /v1/jobs")
    @Headers("Content-Type: application/json")
    Response startJob(@Param("authorization") String authorization, Wire.JobRequest body);

    /** The token endpoint, addressed by the full token URL (it may live elsewhere than the API). */
    @Headers("Accept: application/json")
    interface TokenApi {
        @RequestLine("POST")
        @Headers("Content-Type: application/json")
        Response token(Wire.TokenRequest body);
    }
}
