package dev.meshprov.cde;

import feign.Headers;
import feign.Param;
import feign.RequestLine;
import feign.Response;
import java.net.URI;
import java.util.Map;

/**
 * The CDE jobs API of a virtual cluster (Feign). The first argument is the virtual cluster's jobs API base URL
 * ({@code .../dex/api/v1}); {@code authorization} is the {@code Bearer} header. Multipart uploads are not here:
 * see {@link MultipartUpload}.
 */
interface CdeJobsApi {

    @RequestLine("GET")
    @Headers("Authorization: {authorization}")
    Response token(URI tokenUrl, @Param("authorization") String authorization);

    /** With {@code includeFiles=true}, as {@code pdefusco/cdepy}'s {@code describeResource} asks for the files. */
    @RequestLine("GET /resources/{name}?includeFiles=true")
    @Headers("Authorization: {authorization}")
    Response getResource(URI base, @Param("authorization") String authorization, @Param("name") String name);

    @RequestLine("POST /resources")
    @Headers({"Authorization: {authorization}", "Content-Type: application/json"})
    Response createResource(URI base, @Param("authorization") String authorization, Map<String, Object> body);

    @RequestLine("DELETE /resources/{name}")
    @Headers("Authorization: {authorization}")
    Response deleteResource(URI base, @Param("authorization") String authorization, @Param("name") String name);

    @RequestLine("DELETE /resources/{name}/{file}")
    @Headers("Authorization: {authorization}")
    Response deleteFile(
            URI base,
            @Param("authorization") String authorization,
            @Param("name") String name,
            @Param("file") String file);

    @RequestLine("GET /jobs/{name}")
    @Headers("Authorization: {authorization}")
    Response getJob(URI base, @Param("authorization") String authorization, @Param("name") String name);

    @RequestLine("POST /jobs")
    @Headers({"Authorization: {authorization}", "Content-Type: application/json"})
    Response createJob(URI base, @Param("authorization") String authorization, Map<String, Object> body);

    @RequestLine("PATCH /jobs/{name}")
    @Headers({"Authorization: {authorization}", "Content-Type: application/json"})
    Response updateJob(
            URI base,
            @Param("authorization") String authorization,
            @Param("name") String name,
            Map<String, Object> body);

    @RequestLine("DELETE /jobs/{name}")
    @Headers("Authorization: {authorization}")
    Response deleteJob(URI base, @Param("authorization") String authorization, @Param("name") String name);

    @RequestLine("POST /jobs/{name}/run")
    @Headers({"Authorization: {authorization}", "Content-Type: application/json"})
    Response runJob(
            URI base,
            @Param("authorization") String authorization,
            @Param("name") String name,
            Map<String, Object> body);
}
